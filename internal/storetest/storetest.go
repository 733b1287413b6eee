// Package storetest is the conformance suite every parley.Store must pass.
//
// Besides parley.Store's own documentation, the suite pins down what the
// interface leaves open, so that every implementation answers alike:
//
//   - Round trips are exact, compared with cmp.Diff. Empty slices (Context,
//     Actors, Recipients, ClaimedBy) and an empty Meta come back nil; a nil
//     Date or Place comes back nil and a non-nil zero Place comes back as a
//     non-nil zero Place. Published comes back as the same instant (any
//     location); dates as days at midnight UTC.
//   - Put of a Key already stored returns a zero PutResult and changes
//     nothing. A Put that fails changes nothing; an event with an empty ID
//     or Type, an actor with an empty Code, an ID given twice or already
//     stored, a span outside the text, a mention without a kind or naming
//     no code, person or body, a learned person without a name or code or
//     from another article all make it fail. (See actors.go for mentions,
//     learned people and actors.)
//   - Events orders by start date, undated events last, then by ID in byte
//     order. Actor matches an actor or recipient (not a claimant) by Code,
//     Name or Org, ignoring ASCII case; Type ignores ASCII case; Doc matches
//     the article's Doc or Key; Since/Until keep events whose date range
//     overlaps [Since, Until] compared as calendar dates, and drop undated
//     events; After pages by keyset in that order, and an unknown After is
//     an error wrapping parley.ErrNotFound; Limit 0 means no limit.
package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

// Run runs the conformance suite. open returns a fresh, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) parley.Store) {
	fresh := func(t *testing.T) parley.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}
	t.Run("ArticleRoundTrip", func(t *testing.T) { testArticleRoundTrip(t, fresh(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, fresh(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, fresh(t)) })
	t.Run("FailedPut", func(t *testing.T) { testFailedPut(t, fresh) })
	t.Run("EventRoundTrip", func(t *testing.T) { testEventRoundTrip(t, fresh(t)) })
	t.Run("MentionsRoundTrip", func(t *testing.T) { testMentionsRoundTrip(t, fresh(t)) })
	t.Run("LearnedRoundTrip", func(t *testing.T) { testLearnedRoundTrip(t, fresh(t)) })
	t.Run("ActorLatest", func(t *testing.T) { testActorLatest(t, fresh(t)) })
	s := fresh(t) // shared by the read-only filter tests
	corpus := Generate(40, 8)
	putAll(t, s, corpus)
	t.Run("Filter", func(t *testing.T) { testFilter(t, s, corpus) })
	t.Run("Paging", func(t *testing.T) { testPaging(t, s, corpus) })
	t.Run("Stats", func(t *testing.T) { testStats(t, s, corpus) })
	t.Run("Actors", func(t *testing.T) { testActors(t, s, corpus) })
	t.Run("DateRange", func(t *testing.T) { testDateRange(t, fresh(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, fresh(t)) })
}

func putAll(t *testing.T, s parley.Store, bs []Batch) {
	t.Helper()
	for _, b := range bs {
		res, err := s.Put(context.Background(), b.Document())
		if err != nil {
			t.Fatalf("Put(%s): %v", b.Article.Doc, err)
		}
		if want := (parley.PutResult{Created: true, Events: len(b.Events), Mentions: len(b.Mentions), Learned: len(b.Learned)}); res != want {
			t.Fatalf("Put(%s) = %+v, want %+v", b.Article.Doc, res, want)
		}
	}
}

func testArticleRoundTrip(t *testing.T, s parley.Store) {
	ctx := context.Background()
	east := time.FixedZone("UTC+3", 3*3600)
	tests := []struct {
		name string
		put  parley.Article
		want parley.Article // what Article returns; put when zero
	}{
		{name: "full", put: parley.Article{
			Key: "k-full", Doc: "full-1", URL: "https://example.org/a?x=1&y=2", Title: "Talks in Geneva",
			Source: "Wire", Published: time.Date(2024, 3, 5, 14, 30, 15, 123456789, east),
			Text: "Lavrov met Blinken.\n\nThey agreed to talk again.", Meta: map[string]string{"lang": "en", "section": "world"},
			Origin: "in.jsonl:7",
		}},
		{name: "minimal", put: parley.Article{Key: "k-min", Doc: "min", Text: "x"}},
		{name: "non-ASCII", put: parley.Article{
			Key: "k-utf8", Doc: "ünï/çødé ✓", Title: "Ramos-Horta à Díli", Text: "José Ramos-Horta reçut 日本 delegates.",
			Published: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
		}},
		{name: "empty meta", put: parley.Article{Key: "k-meta", Doc: "meta", Text: "y", Meta: map[string]string{}},
			want: parley.Article{Key: "k-meta", Doc: "meta", Text: "y"}},
		{name: "empty text", put: parley.Article{Key: "k-empty", Doc: "empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Put(ctx, &parley.Document{Article: &tt.put}); err != nil {
				t.Fatalf("Put: %v", err)
			}
			want := tt.want
			if want.Key == "" {
				want = tt.put
			}
			for _, id := range []string{tt.put.Key, tt.put.Doc} {
				got, err := s.Article(ctx, id)
				if err != nil {
					t.Fatalf("Article(%q): %v", id, err)
				}
				if diff := gocmp.Diff(&want, got); diff != "" {
					t.Errorf("Article(%q) mismatch (-want +got):\n%s", id, diff)
				}
			}
		})
	}
}

func testNotFound(t *testing.T, s parley.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "no-such-article"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("Article(no-such-article) error = %v, want one wrapping ErrNotFound", err)
	}
	evs, err := s.Events(ctx, parley.EventFilter{})
	if err != nil || len(evs) != 0 {
		t.Errorf("Events on an empty store = %d events, %v; want none, nil", len(evs), err)
	}
	if _, err := s.Events(ctx, parley.EventFilter{After: "no-such-event"}); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("Events(After: unknown) error = %v, want one wrapping ErrNotFound", err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st != (parley.Stats{}) {
		t.Errorf("Stats on an empty store = %+v, %v; want zero, nil", st, err)
	}
}

// pickBatches returns two batches of bs: the first without learned people,
// the second with one and with mentions.
func pickBatches(t *testing.T, bs []Batch) (first, second Batch) {
	t.Helper()
	i := slices.IndexFunc(bs, func(b Batch) bool { return len(b.Learned) == 0 })
	j := slices.IndexFunc(bs, func(b Batch) bool { return len(b.Learned) > 0 && len(b.Mentions) > 0 })
	if i < 0 || j < 0 {
		t.Fatal("generated corpus lacks an article without and one with learned people")
	}
	return bs[i], bs[j]
}

// snapshot is everything a store answers about its contents.
type snapshot struct {
	Stats    parley.Stats
	Events   []parley.Event
	Mentions map[string][]parley.Mention // by article key
	Learned  []parley.Learned
	Actors   []parley.ActorSummary
}

func takeSnapshot(t *testing.T, s parley.Store, keys ...string) snapshot {
	t.Helper()
	ctx := context.Background()
	var sn snapshot
	var err error
	if sn.Stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if sn.Events, err = s.Events(ctx, parley.EventFilter{}); err != nil {
		t.Fatal(err)
	}
	sn.Mentions = map[string][]parley.Mention{}
	for _, k := range keys {
		ms, err := s.Mentions(ctx, k)
		if err != nil && !errors.Is(err, parley.ErrNotFound) {
			t.Fatalf("Mentions(%s): %v", k, err)
		}
		sn.Mentions[k] = ms
	}
	if sn.Learned, err = s.Learned(ctx); err != nil {
		t.Fatal(err)
	}
	if sn.Actors, err = s.Actors(ctx, parley.ActorFilter{}); err != nil {
		t.Fatal(err)
	}
	return sn
}

func testIdempotent(t *testing.T, s parley.Store) {
	ctx := context.Background()
	_, b := pickBatches(t, Generate(12, 5))
	putAll(t, s, []Batch{b})
	before := takeSnapshot(t, s, b.Article.Key)

	again := b.Article
	again.Title, again.Text, again.Doc = "changed", b.Article.Text+" Updated.", "another-doc"
	more := slices.Clone(b.Events)
	more = append(more, parley.Event{ID: "extra", Type: "AID", Actors: []parley.Actor{{Code: "FRA"}}})
	ms := append(slices.Clone(b.Mentions), parley.Mention{Kind: parley.MentionCountry, Actor: parley.Actor{Code: "FRA", Sector: "GOV"}})
	ls := append(slices.Clone(b.Learned), parley.Learned{Name: "Jean Nouveau", Role: parley.Role{Code: "FRA", Sector: "GOV"}})
	res, err := s.Put(ctx, &parley.Document{Article: &again, Events: more, Mentions: ms, Learned: ls})
	if err != nil {
		t.Fatalf("second Put: %v", err)
	}
	if want := (parley.PutResult{}); res != want {
		t.Errorf("second Put = %+v, want %+v", res, want)
	}
	got, err := s.Article(ctx, b.Article.Key)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(&b.Article, got); diff != "" {
		t.Errorf("stored article changed (-want +got):\n%s", diff)
	}
	after := takeSnapshot(t, s, b.Article.Key)
	if diff := gocmp.Diff(before, after); diff != "" {
		t.Errorf("store changed by a second Put (-want +got):\n%s", diff)
	}
	if want := (parley.Stats{Articles: 1, Events: 5}); after.Stats != want {
		t.Errorf("Stats = %+v, want %+v", after.Stats, want)
	}
	if len(after.Mentions[b.Article.Key]) != len(b.Mentions) || len(after.Learned) != len(b.Learned) {
		t.Errorf("stored %d mentions, %d learned; want %d, %d", len(after.Mentions[b.Article.Key]), len(after.Learned), len(b.Mentions), len(b.Learned))
	}
}

func testFailedPut(t *testing.T, fresh func(*testing.T) parley.Store) {
	ctx := context.Background()
	first, second := pickBatches(t, Generate(12, 5))
	text := second.Article.Text
	tests := []struct {
		name   string
		break_ func(d *parley.Document)
		named  string // what the error must name
	}{
		{"empty type in the middle", func(d *parley.Document) { d.Events[2].Type = "" }, second.Events[2].ID},
		{"recipient without code", func(d *parley.Document) {
			d.Events[3].Recipients = []parley.Actor{{Sector: "GOV", Name: "Nobody"}}
		}, second.Events[3].ID},
		{"claimant without code", func(d *parley.Document) {
			d.Events[4].ClaimedBy = []parley.Actor{{Name: "Somebody"}}
		}, second.Events[4].ID},
		{"empty ID", func(d *parley.Document) { d.Events[1].ID = "" }, ""},
		{"ID twice", func(d *parley.Document) { d.Events[4].ID = d.Events[0].ID }, second.Events[0].ID},
		{"ID stored with another article", func(d *parley.Document) { d.Events[3].ID = first.Events[1].ID }, first.Events[1].ID},
		{"span outside text", func(d *parley.Document) {
			d.Events[2].Trigger = parley.Span{Start: 5, End: len(text) + 1}
		}, second.Events[2].ID},
		{"mention outside text", func(d *parley.Document) {
			d.Mentions = append(d.Mentions, parley.Mention{Span: parley.Span{Start: len(text) - 2, End: len(text) + 3},
				Kind: parley.MentionCountry, Actor: parley.Actor{Code: "FRA"}})
		}, "mention"},
		{"mention without kind", func(d *parley.Document) { d.Mentions[len(d.Mentions)-1].Kind = "" }, "mention"},
		{"mention naming nothing", func(d *parley.Document) { d.Mentions[0].Actor = parley.Actor{Sector: "GOV"} }, "mention"},
		{"learned without code", func(d *parley.Document) { d.Learned[0].Role.Code = "" }, second.Learned[0].Name},
		{"learned without name", func(d *parley.Document) {
			d.Learned = append(d.Learned, parley.Learned{Role: parley.Role{Code: "FRA"}})
		}, "learned"},
		{"learned evidence outside text", func(d *parley.Document) {
			d.Learned[0].Evidence = parley.Span{Start: -1, End: 4}
		}, second.Learned[0].Name},
		{"learned from another article", func(d *parley.Document) { d.Learned[0].Article = first.Article.Key }, first.Article.Key},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fresh(t)
			putAll(t, s, []Batch{first})
			before := takeSnapshot(t, s, first.Article.Key, second.Article.Key)
			d := &parley.Document{Article: &second.Article, Events: slices.Clone(second.Events),
				Mentions: slices.Clone(second.Mentions), Learned: slices.Clone(second.Learned)}
			tt.break_(d)
			res, err := s.Put(ctx, d)
			if err == nil {
				t.Fatalf("Put = %+v, nil; want an error", res)
			}
			if !strings.Contains(err.Error(), tt.named) {
				t.Errorf("Put error %q does not name %q", err, tt.named)
			}
			if _, err := s.Article(ctx, second.Article.Key); !errors.Is(err, parley.ErrNotFound) {
				t.Errorf("Article after a failed put: error = %v, want ErrNotFound", err)
			}
			if _, err := s.Mentions(ctx, second.Article.Key); !errors.Is(err, parley.ErrNotFound) {
				t.Errorf("Mentions after a failed put: error = %v, want ErrNotFound", err)
			}
			after := takeSnapshot(t, s, first.Article.Key, second.Article.Key)
			if diff := gocmp.Diff(before, after); diff != "" {
				t.Errorf("store changed by a failed put (-want +got):\n%s", diff)
			}
			if want := (parley.Stats{Articles: 1, Events: len(first.Events)}); after.Stats != want {
				t.Errorf("Stats after a failed put = %+v, want %+v", after.Stats, want)
			}
			// The store still works, and the article goes in once fixed.
			putAll(t, s, []Batch{second})
		})
	}
}

func testEventRoundTrip(t *testing.T, s parley.Store) {
	ctx := context.Background()
	text := "Russian Foreign Minister Sergey Lavrov said that Ukrainian forces attacked ICRC convoys near Kherson."
	a := parley.Article{Key: "k-events", Doc: "events-doc", Text: text}
	day := parley.Day(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	full := parley.Event{
		ID: "ev-full", Article: a.Key, Doc: a.Doc, Type: "ASSAULT", Mode: "physical", Aux: parley.AuxHistorical,
		Context:    []string{"military", "humanitarian"},
		Actors:     []parley.Actor{{Code: "UKR", Sector: "MIL"}},
		Recipients: []parley.Actor{{Code: "NGO", Sector: "NGO", Org: "ICRC"}, {Code: "UKR", Sector: "CVL"}},
		ClaimedBy:  []parley.Actor{{Code: "RUS", Sector: "GOV", Name: "Sergey Lavrov", Title: "Foreign Minister"}},
		Date:       &day, DateSource: parley.DateFromText,
		Place: &parley.Place{Name: "Kherson", Country: "UKR", Lat: 46.6354, Lon: 32.6169},
		CAMEO: "190", Goldstein: -10, PLOVERScore: 0.875,
		Sentence: parley.Span{Start: 0, End: len(text)}, SentenceText: text,
		Trigger: parley.Span{Start: 63, End: 71}, Mentions: 3,
	}
	bare := parley.Event{ID: "ev-bare", Article: a.Key, Doc: a.Doc, Type: "CONSULT", Actors: []parley.Actor{{Code: "RUS"}}}
	zeroPlace := parley.Event{ID: "ev-zero-place", Article: a.Key, Doc: "other-doc", Type: "AID",
		Actors: []parley.Actor{{Code: "IGO", Org: "United Nations"}}, Place: &parley.Place{}, Goldstein: 7.4}
	put := []parley.Event{bare, full, zeroPlace}
	putAll(t, s, []Batch{{Article: a, Events: put}})
	got, err := s.Events(ctx, parley.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// full is the only dated one; the undated follow by ID.
	want := []parley.Event{full, bare, zeroPlace}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Events mismatch (-want +got):\n%s", diff)
	}

	// Empty slices come back nil.
	empty := parley.Event{ID: "ev-empty", Type: "AGREE", Context: []string{}, Actors: []parley.Actor{{Code: "FRA"}},
		Recipients: []parley.Actor{}, ClaimedBy: []parley.Actor{}}
	b := parley.Article{Key: "k-empty-slices", Doc: "empty-slices", Text: "France agreed."}
	putAll(t, s, []Batch{{Article: b, Events: []parley.Event{empty}}})
	got, err = s.Events(ctx, parley.EventFilter{Doc: b.Doc})
	if err != nil {
		t.Fatal(err)
	}
	want = []parley.Event{{ID: "ev-empty", Article: b.Key, Doc: b.Doc, Type: "AGREE", Actors: []parley.Actor{{Code: "FRA"}}}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Events with empty slices mismatch (-want +got):\n%s", diff)
	}
}

// filterCase is a filter and whether the corpus must give it at least one
// event, so that a case cannot pass by matching nothing on both sides.
type filterCase struct {
	name     string
	f        parley.EventFilter
	nonEmpty bool
}

func testFilter(t *testing.T, s parley.Store, corpus []Batch) {
	ctx := context.Background()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	mid := corpus[len(corpus)/2]
	tests := []filterCase{
		{"all", parley.EventFilter{}, true},
		{"actor code", parley.EventFilter{Actor: "RUS"}, true},
		{"actor code lower case", parley.EventFilter{Actor: "rus"}, true},
		{"actor person", parley.EventFilter{Actor: "Sergey Lavrov"}, true},
		{"actor person other case", parley.EventFilter{Actor: "sergey LAVROV"}, true},
		{"actor person non-ASCII", parley.EventFilter{Actor: "José Ramos-Horta"}, true},
		{"actor org", parley.EventFilter{Actor: "ICRC"}, true},
		{"actor org lower case", parley.EventFilter{Actor: "icrc"}, true},
		{"actor IGO code", parley.EventFilter{Actor: "IGO"}, true},
		{"claimant is no actor", parley.EventFilter{Actor: "Maria Zakharova"}, false},
		{"actor unknown", parley.EventFilter{Actor: "Nobody"}, false},
		{"actor partial name", parley.EventFilter{Actor: "Lavrov"}, false},
		{"type", parley.EventFilter{Type: "CONSULT"}, true},
		{"type lower case", parley.EventFilter{Type: "consult"}, true},
		{"type unknown", parley.EventFilter{Type: "DANCE"}, false},
		{"doc", parley.EventFilter{Doc: mid.Article.Doc}, true},
		{"doc by key", parley.EventFilter{Doc: mid.Article.Key}, true},
		{"doc unknown", parley.EventFilter{Doc: "doc-9999"}, false},
		{"since", parley.EventFilter{Since: day(2024, 1, 1)}, true},
		{"until", parley.EventFilter{Until: day(2023, 6, 30)}, true},
		{"since until", parley.EventFilter{Since: day(2023, 9, 1), Until: day(2023, 12, 31)}, true},
		{"one day", parley.EventFilter{Since: day(2024, 2, 10), Until: day(2024, 2, 10)}, false},
		{"since in another zone", parley.EventFilter{Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("UTC+9", 9*3600))}, true},
		{"limit", parley.EventFilter{Limit: 17}, true},
		{"actor and type", parley.EventFilter{Actor: "USA", Type: "AGREE"}, false},
		{"actor type since limit", parley.EventFilter{Actor: "rus", Since: day(2023, 6, 1), Limit: 5}, true},
		{"after", parley.EventFilter{After: reference(corpus, parley.EventFilter{})[100].ID}, true},
		{"actor after", parley.EventFilter{Actor: "IGO", After: reference(corpus, parley.EventFilter{Actor: "IGO"})[3].ID, Limit: 10}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := reference(corpus, tt.f)
			if tt.nonEmpty && len(want) == 0 {
				t.Fatalf("corpus has no event for %+v; the case tests nothing", tt.f)
			}
			got, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", tt.f, err)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("Events(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	// The claimant case only means something if claimants are stored.
	if !slices.ContainsFunc(allEvents(corpus), func(e parley.Event) bool {
		return slices.ContainsFunc(e.ClaimedBy, func(a parley.Actor) bool { return a.Name == "Maria Zakharova" })
	}) {
		t.Errorf("corpus has no event claimed by Maria Zakharova")
	}
}

func testPaging(t *testing.T, s parley.Store, corpus []Batch) {
	ctx := context.Background()
	for _, f := range []parley.EventFilter{{}, {Actor: "USA"}, {Type: "ACCUSE"}, {Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		for _, size := range []int{1, 7, 50, 1000} {
			t.Run(fmt.Sprintf("%+v/%d", f, size), func(t *testing.T) {
				want := reference(corpus, f)
				var got []parley.Event
				page := f
				page.Limit = size
				for i := 0; ; i++ {
					if i > len(want)+1 {
						t.Fatalf("paging did not end after %d pages", i)
					}
					evs, err := s.Events(ctx, page)
					if err != nil {
						t.Fatalf("Events(%+v): %v", page, err)
					}
					if len(evs) > size {
						t.Fatalf("Events(%+v) returned %d events, more than the limit", page, len(evs))
					}
					got = append(got, evs...)
					if len(evs) < size {
						break
					}
					page.After = evs[len(evs)-1].ID
				}
				if diff := gocmp.Diff(ids(want), ids(got)); diff != "" {
					t.Errorf("paged IDs differ from one query (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func testStats(t *testing.T, s parley.Store, corpus []Batch) {
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := (parley.Stats{Articles: len(corpus), Events: len(allEvents(corpus))}); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

func testDateRange(t *testing.T, s parley.Store) {
	ctx := context.Background()
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	span := func(a, b time.Time) *parley.DateRange { return &parley.DateRange{Start: a, End: b} }
	a := parley.Article{Key: "k-dates", Doc: "dates", Text: "t"}
	evs := []parley.Event{
		{ID: "march", Type: "AID", Actors: []parley.Actor{{Code: "FRA"}}, Date: span(day(3, 1), day(3, 31))},
		{ID: "march-10", Type: "AID", Actors: []parley.Actor{{Code: "FRA"}}, Date: span(day(3, 10), day(3, 10))},
		{ID: "feb-to-apr", Type: "AID", Actors: []parley.Actor{{Code: "FRA"}}, Date: span(day(2, 20), day(4, 5))},
		{ID: "undated", Type: "AID", Actors: []parley.Actor{{Code: "FRA"}}},
	}
	putAll(t, s, []Batch{{Article: a, Events: evs}})
	tests := []struct {
		name         string
		since, until time.Time
		want         []string
	}{
		{"none", time.Time{}, time.Time{}, []string{"feb-to-apr", "march", "march-10", "undated"}},
		{"since inside intervals", day(3, 15), time.Time{}, []string{"feb-to-apr", "march"}},
		{"since on last day", day(3, 31), time.Time{}, []string{"feb-to-apr", "march"}},
		{"since after all", day(4, 6), time.Time{}, nil},
		{"until before march", time.Time{}, day(2, 29), []string{"feb-to-apr"}},
		{"until on first day", time.Time{}, day(3, 1), []string{"feb-to-apr", "march"}},
		{"one day", day(3, 10), day(3, 10), []string{"feb-to-apr", "march", "march-10"}},
		{"window between", day(3, 11), day(3, 12), []string{"feb-to-apr", "march"}},
		{"since with a clock time", day(3, 31).Add(23 * time.Hour), time.Time{}, []string{"feb-to-apr", "march"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, parley.EventFilter{Since: tt.since, Until: tt.until})
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, ids(got)); diff != "" {
				t.Errorf("IDs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func testConcurrent(t *testing.T, s parley.Store) {
	ctx := context.Background()
	bs := Generate(8, 4)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created int
		errs    []error
	)
	for i := range 16 {
		b := bs[i%len(bs)] // every article twice
		wg.Go(func() {
			res, err := s.Put(ctx, b.Document())
			_, rerr := s.Events(ctx, parley.EventFilter{Actor: "RUS"})
			mu.Lock()
			defer mu.Unlock()
			errs = append(errs, err, rerr)
			if res.Created {
				created++
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent use: %v", err)
	}
	if created != len(bs) {
		t.Errorf("%d puts created an article, want %d", created, len(bs))
	}
	if st, _ := s.Stats(ctx); st != (parley.Stats{Articles: len(bs), Events: len(allEvents(bs))}) {
		t.Errorf("Stats = %+v, want %d articles, %d events", st, len(bs), len(allEvents(bs)))
	}
}

// reference answers f over the corpus the way the suite requires a store
// to.
func reference(corpus []Batch, f parley.EventFilter) []parley.Event {
	docOf := map[string]string{}
	for _, b := range corpus {
		docOf[b.Article.Key] = b.Article.Doc
	}
	match := func(as []parley.Actor) bool {
		return slices.ContainsFunc(as, func(a parley.Actor) bool {
			return strings.EqualFold(a.Code, f.Actor) ||
				a.Name != "" && strings.EqualFold(a.Name, f.Actor) ||
				a.Org != "" && strings.EqualFold(a.Org, f.Actor)
		})
	}
	var out []parley.Event
	for _, e := range allEvents(corpus) {
		switch {
		case f.Actor != "" && !match(e.Actors) && !match(e.Recipients),
			f.Type != "" && !strings.EqualFold(e.Type, f.Type),
			f.Doc != "" && f.Doc != e.Article && f.Doc != docOf[e.Article],
			(!f.Since.IsZero() || !f.Until.IsZero()) && e.Date == nil,
			!f.Since.IsZero() && e.Date.End.Format(time.DateOnly) < f.Since.Format(time.DateOnly),
			!f.Until.IsZero() && e.Date.Start.Format(time.DateOnly) > f.Until.Format(time.DateOnly):
			continue
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b parley.Event) int {
		return cmp.Or(cmp.Compare(sortDate(a), sortDate(b)), cmp.Compare(a.ID, b.ID))
	})
	if f.After != "" {
		i := slices.IndexFunc(out, func(e parley.Event) bool { return e.ID == f.After })
		if i < 0 { // the After event does not pass the filter: find its place
			var after parley.Event
			for _, e := range allEvents(corpus) {
				if e.ID == f.After {
					after = e
				}
			}
			i, _ = slices.BinarySearchFunc(out, after, func(a, b parley.Event) int {
				return cmp.Or(cmp.Compare(sortDate(a), sortDate(b)), cmp.Compare(a.ID, b.ID))
			})
			i--
		}
		out = out[i+1:]
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

func sortDate(e parley.Event) string {
	if e.Date == nil {
		return "~"
	}
	return e.Date.Start.Format(time.DateOnly)
}

func allEvents(corpus []Batch) []parley.Event {
	var out []parley.Event
	for _, b := range corpus {
		out = append(out, b.Events...)
	}
	return out
}

func ids(evs []parley.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}
