package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

// What the suite requires of mentions, learned people and actors, besides
// parley.Store's documentation:
//
//   - Mentions come back exactly as put, in the order put; none gives nil.
//   - Learned comes back with Article set to the article's Key, Doc to the
//     article's Doc when empty, and EvidenceText to the text of the
//     evidence span when empty; role dates as days at midnight UTC;
//     ordered by ValidFrom (zero last), then as put.
//   - Actors groups mentions by person name, else body, else code and
//     sector, ignoring ASCII case; the Key is "person:NAME", "org:ORG" or
//     "code:CODE SECTOR" (trimmed); the Key's spelling, Code, Sector and
//     Title are those of the latest mention by publication date (undated
//     first), then as put;
//     Name is set for people and Org for bodies; FirstSeen/LastSeen are
//     the earliest and latest publication dates; Learned is set for a
//     person with a learned name. Country and Sector filter the mentions
//     before grouping, ignoring ASCII case; Learned keeps learned people.

func testMentionsRoundTrip(t *testing.T, s parley.Store) {
	ctx := context.Background()
	text := "Syria's foreign minister met Sergey Lavrov and the Red Cross; the two sides agreed."
	a := parley.Article{Key: "k-mentions", Doc: "mentions-doc", Text: text}
	ms := []parley.Mention{
		{Span: parley.Span{Start: 0, End: 5}, Kind: parley.MentionCountry, Possessive: true, Actor: parley.Actor{Code: "SYR", Sector: "GOV"}},
		{Span: parley.Span{Start: 0, End: 24}, Kind: parley.MentionPerson, Actor: parley.Actor{Code: "SYR", Sector: "GOV", Name: "Asaad al-Shibani", Title: "Foreign Minister"}},
		{Span: parley.Span{Start: 29, End: 42}, Kind: parley.MentionPerson, Actor: parley.Actor{Code: "RUS", Sector: "GOV", Name: "Sergey Lavrov", Title: "Foreign Minister"}},
		{Span: parley.Span{Start: 51, End: 60}, Kind: parley.MentionOrg, Actor: parley.Actor{Code: "NGO", Sector: "NGO", Org: "ICRC"}},
		// two mentions sharing one span: "the two sides"
		{Span: parley.Span{Start: 62, End: 75}, Kind: parley.MentionCountry, Actor: parley.Actor{Code: "SYR", Sector: "GOV"}},
		{Span: parley.Span{Start: 62, End: 75}, Kind: parley.MentionCountry, Actor: parley.Actor{Code: "RUS", Sector: "GOV"}},
		// an adjective carries no sector
		{Span: parley.Span{Start: 0, End: 5}, Kind: parley.MentionAdjective, Actor: parley.Actor{Code: "SYR"}},
	}
	putAll(t, s, []Batch{{Article: a, Mentions: ms}})
	for _, id := range []string{a.Key, a.Doc} {
		got, err := s.Mentions(ctx, id)
		if err != nil {
			t.Fatalf("Mentions(%s): %v", id, err)
		}
		if diff := gocmp.Diff(ms, got); diff != "" {
			t.Errorf("Mentions(%s) mismatch (-want +got):\n%s", id, diff)
		}
	}
	b := parley.Article{Key: "k-no-mentions", Doc: "no-mentions", Text: "Nothing."}
	putAll(t, s, []Batch{{Article: b, Mentions: []parley.Mention{}}})
	if got, err := s.Mentions(ctx, b.Doc); err != nil || got != nil {
		t.Errorf("Mentions of an article without any = %v, %v; want nil, nil", got, err)
	}
	if _, err := s.Mentions(ctx, "no-such-article"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("Mentions(no-such-article) error = %v, want one wrapping ErrNotFound", err)
	}
}

func testLearnedRoundTrip(t *testing.T, s parley.Store) {
	ctx := context.Background()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	t1 := "Jordanian Interior Minister Mazen al-Faraya met Syrian Defence Minister Murhaf Abu Qasra. They talked."
	a1 := parley.Article{Key: "k-learned-1", Doc: "learned-1", Text: t1, Published: day(2025, 3, 4)}
	s1 := parley.Span{Start: 0, End: strings.Index(t1, ".") + 1}
	l1 := []parley.Learned{
		{Name: "Mazen al-Faraya", Role: parley.Role{Code: "JOR", Sector: "GOV", Title: "Interior Minister", ValidFrom: day(2025, 3, 4)}, Evidence: s1},
		{Name: "Murhaf Abu Qasra", Role: parley.Role{Code: "SYR", Sector: "MIL", Title: "Defence Minister", ValidFrom: day(2025, 3, 4)},
			Org: "Syrian Army", Evidence: s1, EvidenceText: "given text", Doc: "another-doc"},
	}
	t2 := "Ali Larijani, the Secretary of Iran's SNSC, arrived."
	a2 := parley.Article{Key: "k-learned-2", Doc: "learned-2", Text: t2, Published: time.Date(2025, 1, 9, 17, 0, 0, 0, time.UTC)}
	l2 := []parley.Learned{{Name: "Ali Larijani", Article: a2.Key, Role: parley.Role{Code: "IRN", Sector: "GOV", Title: "Secretary",
		ValidFrom: day(2025, 1, 9), ValidTo: day(2025, 12, 31)}, Org: "Supreme National Security Council", Evidence: parley.Span{Start: 0, End: len(t2)}}}
	t3 := "Envoy Alexander Lavrentiev spoke."
	a3 := parley.Article{Key: "k-learned-3", Doc: "learned-3", Text: t3}
	l3 := []parley.Learned{{Name: "Alexander Lavrentiev", Role: parley.Role{Code: "RUS", Sector: "GOV", Title: "Envoy"}, Evidence: parley.Span{Start: 0, End: len(t3)}}}
	putAll(t, s, []Batch{{Article: a3, Learned: l3}, {Article: a1, Learned: l1}, {Article: a2, Learned: l2}})

	want := []parley.Learned{l2[0], l1[0], l1[1], l3[0]}
	want[0].EvidenceText, want[0].Doc = t2, a2.Doc
	want[1].EvidenceText, want[1].Article, want[1].Doc = s1.In(t1), a1.Key, a1.Doc
	want[2].Article = a1.Key
	want[3].EvidenceText, want[3].Article, want[3].Doc = t3, a3.Key, a3.Doc
	got, err := s.Learned(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Learned mismatch (-want +got):\n%s", diff)
	}
}

func testActorLatest(t *testing.T, s parley.Store) {
	ctx := context.Background()
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	doc := func(key string, published time.Time, a parley.Actor) Batch {
		text := a.Name + " spoke."
		return Batch{Article: parley.Article{Key: key, Doc: key, Text: text, Published: published},
			Mentions: []parley.Mention{{Span: parley.Span{Start: 0, End: len(a.Name)}, Kind: parley.MentionPerson, Actor: a}}}
	}
	// Put out of date order, one undated, one spelled in another case.
	putAll(t, s, []Batch{
		doc("k-march", day(3, 1), parley.Actor{Code: "SYR", Sector: "GOV", Name: "Ahmed al-Sharaa", Title: "President"}),
		doc("k-feb", day(2, 1), parley.Actor{Code: "SYR", Sector: "REB", Name: "ahmed AL-SHARAA", Title: "HTS leader", Org: "HTS"}),
		doc("k-undated", time.Time{}, parley.Actor{Code: "SYR", Sector: "REB", Name: "Ahmed al-Sharaa", Title: "commander"}),
		doc("k-jan", day(1, 5), parley.Actor{Code: "SYR", Sector: "GOV", Name: "Bashar al-Assad", Title: "President"}),
	})
	want := []parley.ActorSummary{
		{Key: "person:Ahmed al-Sharaa", Code: "SYR", Sector: "GOV", Name: "Ahmed al-Sharaa", Title: "President",
			Mentions: 3, Articles: 3, FirstSeen: day(2, 1), LastSeen: day(3, 1)},
		{Key: "person:Bashar al-Assad", Code: "SYR", Sector: "GOV", Name: "Bashar al-Assad", Title: "President",
			Mentions: 1, Articles: 1, FirstSeen: day(1, 5), LastSeen: day(1, 5)},
	}
	got, err := s.Actors(ctx, parley.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Actors mismatch (-want +got):\n%s", diff)
	}
	// Filtered by sector, only the rebel mentions count: the latest of them
	// is the dated one.
	want = []parley.ActorSummary{{Key: "person:ahmed AL-SHARAA", Code: "SYR", Sector: "REB", Name: "ahmed AL-SHARAA", Org: "HTS",
		Title: "HTS leader", Mentions: 2, Articles: 2, FirstSeen: day(2, 1), LastSeen: day(2, 1)}}
	got, err = s.Actors(ctx, parley.ActorFilter{Sector: "REB"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("Actors(Sector: REB) mismatch (-want +got):\n%s", diff)
	}
}

func testActors(t *testing.T, s parley.Store, corpus []Batch) {
	ctx := context.Background()
	tests := []struct {
		name     string
		f        parley.ActorFilter
		nonEmpty bool
	}{
		{"all", parley.ActorFilter{}, true},
		{"country", parley.ActorFilter{Country: "RUS"}, true},
		{"country lower case", parley.ActorFilter{Country: "tls"}, true},
		{"country IGO", parley.ActorFilter{Country: "IGO"}, true},
		{"sector", parley.ActorFilter{Sector: "MIL"}, true},
		{"country and sector", parley.ActorFilter{Country: "USA", Sector: "gov"}, true},
		{"country and sector none", parley.ActorFilter{Country: "UKR", Sector: "GOV"}, false},
		{"learned", parley.ActorFilter{Learned: true}, true},
		{"learned of another country", parley.ActorFilter{Learned: true, Country: "RUS"}, false},
		{"unknown country", parley.ActorFilter{Country: "XYZ"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := actorReference(corpus, tt.f)
			if tt.nonEmpty && len(want) == 0 {
				t.Fatalf("corpus has no actor for %+v; the case tests nothing", tt.f)
			}
			got, err := s.Actors(ctx, tt.f)
			if err != nil {
				t.Fatalf("Actors(%+v): %v", tt.f, err)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("Actors(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

// actorReference answers f over the corpus the way the suite requires a
// store to.
func actorReference(corpus []Batch, f parley.ActorFilter) []parley.ActorSummary {
	learned := map[string]bool{}
	for _, b := range corpus {
		for _, l := range b.Learned {
			learned[strings.ToLower(l.Name)] = true
		}
	}
	type seen struct {
		sum    parley.ActorSummary
		docs   map[string]bool
		latest string // published, then order put
	}
	byKey := map[string]*seen{}
	var keys []string
	for bi, b := range corpus {
		published := ""
		if !b.Article.Published.IsZero() {
			published = b.Article.Published.UTC().Format(time.RFC3339Nano)
		}
		for mi, m := range b.Mentions {
			a := m.Actor
			switch {
			case f.Country != "" && !strings.EqualFold(a.Code, f.Country),
				f.Sector != "" && !strings.EqualFold(a.Sector, f.Sector),
				f.Learned && (a.Name == "" || !learned[strings.ToLower(a.Name)]):
				continue
			}
			var key string
			switch {
			case a.Name != "":
				key = "person:" + a.Name
			case a.Org != "":
				key = "org:" + a.Org
			default:
				key = "code:" + strings.TrimSpace(a.Code+" "+a.Sector)
			}
			fold := strings.ToLower(key)
			e := byKey[fold]
			if e == nil {
				e = &seen{sum: parley.ActorSummary{Key: key, Learned: a.Name != "" && learned[strings.ToLower(a.Name)]}, docs: map[string]bool{}}
				byKey[fold] = e
				keys = append(keys, fold)
			}
			e.sum.Mentions++
			e.docs[b.Article.Key] = true
			if p := b.Article.Published; !p.IsZero() {
				if e.sum.FirstSeen.IsZero() || p.Before(e.sum.FirstSeen) {
					e.sum.FirstSeen = p
				}
				if p.After(e.sum.LastSeen) {
					e.sum.LastSeen = p
				}
			}
			order := fmt.Sprintf("%s|%010d|%08d", published, bi, mi)
			if order > e.latest {
				e.latest = order
				e.sum.Key = key
				e.sum.Code, e.sum.Sector, e.sum.Title = a.Code, a.Sector, a.Title
				e.sum.Name, e.sum.Org = "", ""
				switch {
				case a.Name != "":
					e.sum.Name, e.sum.Org = a.Name, a.Org
				case a.Org != "":
					e.sum.Org = a.Org
				}
			}
		}
	}
	out := make([]parley.ActorSummary, 0, len(keys))
	for _, k := range keys {
		e := byKey[k]
		e.sum.Articles = len(e.docs)
		out = append(out, e.sum)
	}
	slices.SortFunc(out, func(a, b parley.ActorSummary) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Key, b.Key))
	})
	if len(out) == 0 {
		return nil
	}
	return out
}
