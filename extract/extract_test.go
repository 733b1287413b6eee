package extract

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/export"
	"github.com/parley-events/parley/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	pipeOnce sync.Once
	pipe     *Pipeline
	pipeErr  error
)

func pipeline(t testing.TB) *Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = New() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// demoArticles reads the bundled demo corpus.
func demoArticles(t testing.TB) []parley.Article {
	t.Helper()
	f, err := data.Demo.Open("demo/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []parley.Article
	err = article.NewReader(article.Options{}).ReadOne(context.Background(), "demo/articles.jsonl", f,
		func(a parley.Article) error { arts = append(arts, a); return nil },
		func(e *article.Error) { t.Errorf("demo corpus: %v", e) })
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestProcessInvariants checks what must hold for any article: spans in
// bounds, the sentence text is the text under its span, the trigger lies in
// the sentence, IDs are unique, and the output is deterministic.
func TestProcessInvariants(t *testing.T) {
	p := pipeline(t)
	for _, a := range demoArticles(t) {
		Prepare(&a)
		r1 := p.Process(&a)
		r2 := p.Process(&a)
		if diff := cmp.Diff(r1.Events, r2.Events); diff != "" {
			t.Errorf("%s: two runs differ:\n%s", a.Doc, diff)
		}
		ids := map[string]bool{}
		for _, e := range r1.Events {
			if ids[e.ID] {
				t.Errorf("%s: duplicate event ID %s", a.Doc, e.ID)
			}
			ids[e.ID] = true
			if e.Sentence.End > len(a.Text) || e.Sentence.Start < 0 || e.Sentence.Start >= e.Sentence.End {
				t.Errorf("%s: event %s sentence span %v out of bounds", a.Doc, e.ID, e.Sentence)
				continue
			}
			if got := e.Sentence.In(a.Text); got != e.SentenceText {
				t.Errorf("%s: sentence text %q is not the text under its span %q", a.Doc, e.SentenceText, got)
			}
			if !e.Sentence.Contains(e.Trigger) {
				t.Errorf("%s: trigger %v outside sentence %v", a.Doc, e.Trigger, e.Sentence)
			}
			if len(e.Actors) == 0 || e.Type == "" || e.Doc != a.Doc || e.Article != a.Key {
				t.Errorf("%s: incomplete event %+v", a.Doc, e)
			}
			if e.Date == nil || e.DateSource == "" {
				t.Errorf("%s: event %s has no date although the article is dated", a.Doc, e.ID)
			}
		}
		for _, m := range r1.Mentions {
			if m.Span.Start < 0 || m.Span.End > len(a.Text) || m.Span.Start >= m.Span.End {
				t.Errorf("%s: mention span %v out of bounds", a.Doc, m.Span)
			}
		}
	}
}

// TestGolden runs the pipeline on each testdata/pipeline/*.txtar: its
// "input" section (a first line "published: YYYY-MM-DD" is the date) and
// compares the events, as a table, with its "events" section.
func TestGolden(t *testing.T) {
	p := pipeline(t)
	files, _ := filepath.Glob("testdata/pipeline/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/pipeline")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			for _, f := range ar.Files {
				if f.Name == "input" {
					input = f.Data
				}
			}
			a := parley.Article{Doc: strings.TrimSuffix(filepath.Base(file), ".txtar")}
			text := string(input)
			if first, rest, ok := strings.Cut(text, "\n"); ok && strings.HasPrefix(first, "published: ") {
				a.Published, err = time.Parse(time.DateOnly, strings.TrimPrefix(first, "published: "))
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				text = rest
			}
			a.Text = text
			Prepare(&a)
			got := goldenEvents(a.Text, p.Process(&a).Events)
			var want []byte
			idx := -1
			for i, f := range ar.Files {
				if f.Name == "events" {
					want, idx = f.Data, i
				}
			}
			if *update {
				if idx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "events"})
					idx = len(ar.Files) - 1
				}
				ar.Files[idx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s: events differ (-want +got); run go test -update if the change is intended:\n%s", file, diff)
			}
		})
	}
}

// goldenEvents is a compact, stable text form of events: one line each.
func goldenEvents(text string, evs []parley.Event) []byte {
	var b bytes.Buffer
	for _, e := range evs {
		date := "-"
		if e.Date != nil {
			date = e.Date.String() + " (" + e.DateSource + ")"
		}
		place := "-"
		if e.Place != nil {
			place = e.Place.Name + "/" + e.Place.Country
		}
		fmt.Fprintf(&b, "%s mode=%s aux=%s %s > %s date=%s place=%s cameo=%s trigger=%q\n",
			e.Type, e.Mode, e.Aux, export.Actors(e.Actors), export.Actors(e.Recipients), date, place, e.CAMEO,
			e.Trigger.In(text))
	}
	return b.Bytes()
}

func TestIngestIdempotent(t *testing.T) {
	p := pipeline(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := demoArticles(t)
	read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
		for _, a := range arts {
			if err := yield(a); err != nil {
				return err
			}
		}
		return nil
	}
	var problems []string
	opt := IngestOptions{Workers: 2, Report: func(err error) { problems = append(problems, err.Error()) }}
	first, err := p.Ingest(ctx, db, read, opt)
	if err != nil {
		t.Fatal(err)
	}
	if first.New != len(arts) || first.Already != 0 || first.Skipped != 0 || first.Events == 0 {
		t.Fatalf("first ingest: %v (problems %v); want %d new", first, problems, len(arts))
	}
	second, err := p.Ingest(ctx, db, read, opt)
	if err != nil {
		t.Fatal(err)
	}
	if second.New != 0 || second.Already != len(arts) || second.Events != 0 {
		t.Fatalf("second ingest: %v; want %d already stored", second, len(arts))
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(arts) || st.Events != first.Events {
		t.Errorf("store holds %+v, want %d articles and %d events", st, len(arts), first.Events)
	}
}

// benchTexts returns realistic news text to push through the pipeline: the
// TR-News articles when ../shared is present, else the demo corpus.
func benchTexts(b *testing.B) []parley.Article {
	arts := demoArticles(b)
	path := filepath.Join("..", "..", "shared", "gold", "geo", "TR-News.xml")
	if raw, err := os.ReadFile(path); err == nil {
		arts = append(arts, trNews(raw)...)
	}
	for i := range arts {
		Prepare(&arts[i])
	}
	return arts
}

// trNews pulls the article texts out of TR-News.xml (<text>...</text>).
func trNews(raw []byte) []parley.Article {
	var arts []parley.Article
	s := string(raw)
	for {
		i := strings.Index(s, "<text>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</text>")
		if j < 0 {
			break
		}
		text := s[i+len("<text>") : i+j]
		text = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(text)
		arts = append(arts, parley.Article{Doc: fmt.Sprintf("trnews-%d", len(arts)), Text: text,
			Published: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)})
		s = s[i+j:]
	}
	return arts
}

// benchSetup returns the pipeline and the benchmark articles, with the
// bytes an iteration codes set on b.
func benchSetup(b *testing.B) (*Pipeline, []parley.Article) {
	p := pipeline(b)
	arts := benchTexts(b)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	return p, arts
}

func BenchmarkPipeline(b *testing.B) {
	p, arts := benchSetup(b)
	for b.Loop() {
		for i := range arts {
			p.Process(&arts[i])
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPipelineParallel runs the pipeline on every core (GOMAXPROCS
// goroutines, each coding its own copies of the articles).
func BenchmarkPipelineParallel(b *testing.B) {
	p, arts := benchSetup(b)
	b.RunParallel(func(pb *testing.PB) {
		mine := slices.Clone(arts)
		for pb.Next() {
			for i := range mine {
				p.Process(&mine[i])
			}
		}
	})
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkIngestSQLite(b *testing.B) {
	p := pipeline(b)
	arts := benchTexts(b)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	round := 0
	b.ReportAllocs()
	for b.Loop() {
		round++
		read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
			for _, a := range arts {
				a.Text = fmt.Sprintf("%s\n[round %d]", a.Text, round) // a new article each round
				if err := yield(a); err != nil {
					return err
				}
			}
			return nil
		}
		if _, err := p.Ingest(ctx, db, read, IngestOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// The place stage completes what the coder cannot see: an attacker the
// text does not name takes the country of the place the sentence puts the
// attack in, and a visit to a place ("arrived in Amman") is hosted by its
// state; with no place, or a place at home, the event is dropped.
func TestPlaceCompletesEvents(t *testing.T) {
	p := pipeline(t)
	tests := []struct {
		text string
		want []string // "TYPE ACTOR SECTOR>RECIPIENT"
	}{
		{"Unknown gunmen killed two Pakistani policemen in Karachi on Monday.", []string{"ASSAULT PAK UAF>PAK"}},
		{"Three US servicemen were killed by a roadside bomb outside the Iraqi city of Basra.", []string{"ASSAULT IRQ UAF>USA"}},
		{"A roadside bombing near the town of Mosul on Sunday killed one U.S. soldier.", []string{"ASSAULT IRQ UAF>USA"}},
		{"Three US servicemen were killed by a roadside bomb on Monday.", nil},
		{"Five people died in a car accident in Lagos.", nil},
		{"Iraqi President Saddam Hussein arrived in Amman on Wednesday.", []string{"CONSULT IRQ GOV>JOR"}},
		{"The Turkish foreign minister travelled to Moscow on Monday.", []string{"CONSULT TUR GOV>RUS"}},
		{"The Turkish foreign minister travelled to Istanbul on Monday.", nil},
		{"Bangladeshi troops arrived in Freetown on Tuesday.", nil},
		{"The Algerian president threatened to impose a curfew in Oran.", []string{"THREATEN DZA GOV>DZA"}},
		{"The Algerian president threatened to impose a curfew.", nil},
		{"Red Cross officials suspended aid deliveries in Baghdad on Wednesday.", []string{"SANCTION NGO GOV>IRQ"}},
		{"Iraqi officials suspended aid deliveries in Baghdad on Wednesday.", nil},
	}
	for _, tt := range tests {
		a := parley.Article{Text: tt.text, Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
		Prepare(&a)
		var got []string
		for _, e := range p.Process(&a).Events {
			for _, x := range e.Actors {
				for _, r := range e.Recipients {
					got = append(got, e.Type+" "+x.Code+" "+x.Sector+">"+r.Code)
				}
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: events (-want +got):\n%s", tt.text, diff)
		}
	}
}
