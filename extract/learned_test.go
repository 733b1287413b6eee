package extract

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
	"github.com/parley-events/parley/sqlite"
)

// Two articles about people no knowledge base lists: the first names each
// with an office, the second names them without one.
const (
	learnFirst = "Norwegian Foreign Minister Ingrid Vestbakken met Icelandic Foreign Minister Thordis Gylfadottir in Oslo on Monday. " +
		"Vestbakken said the two countries would sign a quota agreement."
	learnSecond = "Ingrid Vestbakken criticized Thordis Gylfadottir on Thursday over the quota dispute."
)

func learnArticle(doc, text string, day int) parley.Article {
	a := parley.Article{Doc: doc, Text: text, Published: time.Date(2025, 4, day, 0, 0, 0, 0, time.UTC)}
	Prepare(&a)
	return a
}

// person returns the actor of the first person mention naming name.
func person(ms []parley.Mention, name string) (parley.Actor, bool) {
	i := slices.IndexFunc(ms, func(m parley.Mention) bool { return m.Kind == parley.MentionPerson && m.Actor.Name == name })
	if i < 0 {
		return parley.Actor{}, false
	}
	return ms[i].Actor, true
}

func TestProcessLearned(t *testing.T) {
	p := pipeline(t)
	a := learnArticle("first", learnFirst, 7)
	r := p.Process(&a)
	first, _, _ := strings.Cut(a.Text, ". ")
	want := []parley.Learned{
		{Name: "Ingrid Vestbakken", Role: parley.Role{Code: "NOR", Sector: "GOV", Title: "Foreign Minister", ValidFrom: a.Published}},
		{Name: "Thordis Gylfadottir", Role: parley.Role{Code: "ISL", Sector: "GOV", Title: "Foreign Minister", ValidFrom: a.Published}},
	}
	for i := range want {
		want[i].Evidence = parley.Span{Start: 0, End: len(first) + 1}
		want[i].EvidenceText = first + "."
		want[i].Article, want[i].Doc = a.Key, a.Doc
	}
	// Titles are as the text gives them, in any case: compare them folded.
	fold := cmp.Transformer("fold", func(r parley.Role) parley.Role { r.Title = strings.ToLower(r.Title); return r })
	if diff := cmp.Diff(want, r.Learned, fold); diff != "" {
		t.Errorf("Learned mismatch (-want +got):\n%s", diff)
	}
	if got := r.Document(); got.Article != &a || len(got.Learned) != len(r.Learned) || len(got.Mentions) != len(r.Mentions) {
		t.Errorf("Document() = %+v, want the result's article, events, mentions and learned people", got)
	}

	// Without what it learned, the pipeline does not know the people of
	// the second article; with it, it does, with the learned roles.
	b := learnArticle("second", learnSecond, 10)
	if ac, ok := person(p.Process(&b).Mentions, "Ingrid Vestbakken"); ok {
		t.Errorf("pipeline without learned people found %+v", ac)
	}
	pl := p.WithLearned(r.Learned)
	r2 := pl.Process(&b)
	for _, l := range r.Learned {
		ac, ok := person(r2.Mentions, l.Name)
		if !ok {
			t.Errorf("WithLearned: %s not found in %q (mentions %+v)", l.Name, b.Text, r2.Mentions)
			continue
		}
		if ac.Code != l.Role.Code || ac.Sector != l.Role.Sector {
			t.Errorf("WithLearned: %s coded %s %s, want %s %s", l.Name, ac.Code, ac.Sector, l.Role.Code, l.Role.Sector)
		}
	}
	if len(r2.Learned) != 0 {
		t.Errorf("second article taught %+v, want nothing new", r2.Learned)
	}
	// The receiver is unchanged, and so is its output.
	if ac, ok := person(p.Process(&b).Mentions, "Ingrid Vestbakken"); ok {
		t.Errorf("WithLearned changed its receiver: it found %+v", ac)
	}
	if p.WithLearned(nil) != p {
		t.Errorf("WithLearned(nil) made a copy")
	}
}

func TestIngestStoresActors(t *testing.T) {
	p := pipeline(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := []parley.Article{{Doc: "first", Text: learnFirst, Published: time.Date(2025, 4, 7, 0, 0, 0, 0, time.UTC)}}
	read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
		for _, a := range arts {
			if err := yield(a); err != nil {
				return err
			}
		}
		return nil
	}
	var results []*Result
	sum, err := p.Ingest(ctx, db, read, IngestOptions{Workers: 1, Stored: func(r *Result, _ parley.PutResult) { results = append(results, r) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Learned != 2 || len(results) != 1 {
		t.Fatalf("ingest: %v, %d results; want 1 new article, 2 people learned", sum, len(results))
	}
	r := results[0]
	ms, err := db.Mentions(ctx, "first")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r.Mentions, ms); diff != "" {
		t.Errorf("stored mentions differ from the pipeline's (-want +got):\n%s", diff)
	}
	learned, err := db.Learned(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r.Learned, learned); diff != "" {
		t.Errorf("stored learned people differ from the pipeline's (-want +got):\n%s", diff)
	}
}
