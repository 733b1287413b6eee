package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-events/parley"
)

// Two articles: the first names a person no knowledge base lists with her
// office; the second names her by surname only, which parley can resolve
// only from what it learned from the first.
const (
	learnArticle1 = `{"id":"first","published":"2025-04-07","text":"Norwegian Foreign Minister Ingrid Vestbakken met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. Vestbakken said the two countries would sign a fishing agreement."}`
	learnArticle2 = `{"id":"second","published":"2025-04-10","text":"Vestbakken criticized Lavrov on Thursday over the fishing dispute."}`
	learnEvidence = "Norwegian Foreign Minister Ingrid Vestbakken met Russian Foreign Minister Sergey Lavrov in Moscow on Monday."
)

// ingestLearned ingests the two articles, one run each, into a new
// database and returns its path.
func ingestLearned(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	for i, text := range []string{learnArticle1, learnArticle2} {
		in := filepath.Join(dir, []string{"a1.jsonl", "a2.jsonl"}[i])
		if err := os.WriteFile(in, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, stderr, err := run(t, "", "ingest", "-q", "--db", db, in); err != nil {
			t.Fatalf("ingest %s: %v\n%s%s", in, err, out, stderr)
		}
	}
	return db
}

func decode[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	return v
}

func TestActorsLearned(t *testing.T) {
	db := ingestLearned(t)

	out, stderr, err := run(t, "", "actors", "--db", db, "--learned")
	if err != nil {
		t.Fatalf("actors --learned: %v\n%s", err, stderr)
	}
	for _, want := range []string{"Ingrid Vestbakken  NOR GOV", "(3 mentions in 2 articles)", "learned 2025-04-07 from first", learnEvidence} {
		if !strings.Contains(out, want) {
			t.Errorf("actors --learned: output lacks %q:\n%s", want, out)
		}
	}
	if i := strings.Index(out, "Sergey Lavrov  "); i < 0 || !strings.Contains(out[i:], "in the knowledge base; role attested") {
		t.Errorf("actors --learned: Lavrov, whom the knowledge base knows, is not marked as attested:\n%s", out)
	}

	rows := decode[[]actorRow](t, mustRun(t, "actors", "--db", db, "--json"))
	byName := map[string]actorRow{}
	for _, r := range rows {
		byName[label(r.ActorSummary)] = r
	}
	for _, tt := range []struct {
		name, source   string
		mentions, arts int
		code, sector   string
	}{
		{"Ingrid Vestbakken", "learned", 3, 2, "NOR", "GOV"},
		{"Sergey Lavrov", "kb", 2, 2, "RUS", "GOV"},
	} {
		r, ok := byName[tt.name]
		if !ok {
			t.Errorf("actors: no row for %s in %+v", tt.name, rows)
			continue
		}
		if r.Source != tt.source || r.Mentions != tt.mentions || r.Articles != tt.arts || r.Code != tt.code || r.Sector != tt.sector {
			t.Errorf("actors: %s = %s %s %s, %d mentions in %d articles; want %s %s %s, %d in %d",
				tt.name, r.Code, r.Sector, r.Source, r.Mentions, r.Articles, tt.code, tt.sector, tt.source, tt.mentions, tt.arts)
		}
	}
	table := mustRun(t, "actors", "--db", db, "--country", "nor")
	if !strings.Contains(table, "Ingrid Vestbakken") || strings.Contains(table, "Sergey Lavrov") {
		t.Errorf("actors --country nor:\n%s", table)
	}

	// actor by surname: the learned person, her role with its evidence and
	// her events in both articles.
	out = mustRun(t, "actor", "--db", db, "Vestbakken")
	for _, want := range []string{"Ingrid Vestbakken (person, learned from the text)", "Written as: Vestbakken (2)",
		"2025-04-07 to -  NOR GOV, foreign minister  learned from first", `evidence (first): "` + learnEvidence + `"`} {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
			t.Errorf("actor Vestbakken: output lacks %q:\n%s", want, out)
		}
	}
	rep := decode[actorReport](t, mustRun(t, "actor", "--db", db, "Vestbakken", "--json"))
	var docs []string
	for _, e := range rep.Events {
		docs = append(docs, e.Doc)
	}
	if rep.Name != "Ingrid Vestbakken" || rep.Known || !slices.Contains(docs, "first") || !slices.Contains(docs, "second") {
		t.Errorf("actor Vestbakken --json: name %q, known %v, events from %v; want Ingrid Vestbakken, unknown to the KB, events from first and second", rep.Name, rep.Known, docs)
	}

	// A person the knowledge base knows, by another spelling.
	out = mustRun(t, "actor", "--db", db, "Sergei", "Lavrov")
	for _, want := range []string{"Sergey Lavrov (person, in the knowledge base)", "Written as:", "Lavrov (1)", "2004-03-09 to -", "knowledge base", "Events ("} {
		if !strings.Contains(out, want) {
			t.Errorf("actor Sergei Lavrov: output lacks %q:\n%s", want, out)
		}
	}

	if _, _, err := run(t, "", "actor", "--db", db, "Nobody Atall"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("actor Nobody Atall: error %v, want one wrapping ErrNotFound", err)
	}
	if _, _, err := run(t, "", "actor", "--db", db); !errors.Is(err, errUsage) {
		t.Errorf("actor without a name: error %v, want a usage error", err)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, err := run(t, "", args...)
	if err != nil {
		t.Fatalf("parley %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}

func TestActorsSeeds(t *testing.T) {
	seeds := shared(t, "corpus/seeds.jsonl")
	db := filepath.Join(t.TempDir(), "p.db")
	if out, stderr, err := run(t, "", "ingest", "-q", "--db", db, seeds); err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
	rows := decode[[]actorRow](t, mustRun(t, "actors", "--db", db, "--json"))
	for _, want := range []struct{ name, code string }{
		{"Sergey Lavrov", "RUS"}, {"Vladimir Putin", "RUS"}, {"Ahmed al-Sharaa", "SYR"},
	} {
		i := slices.IndexFunc(rows, func(r actorRow) bool { return r.Name == want.name })
		if i < 0 {
			t.Errorf("actors: %s not listed", want.name)
			continue
		}
		if r := rows[i]; r.Code != want.code || r.Mentions == 0 || r.Articles == 0 || r.Source != "kb" {
			t.Errorf("actors: %s = %s, %d mentions in %d articles, source %s; want %s, some mentions, kb",
				want.name, r.Code, r.Mentions, r.Articles, r.Source, want.code)
		}
	}
	table := mustRun(t, "actors", "--db", db)
	for _, want := range []string{"Sergey Lavrov", "Vladimir Putin", "Ahmed al-Sharaa", "MENTIONS"} {
		if !strings.Contains(table, want) {
			t.Errorf("actors table lacks %q", want)
		}
	}
	learned := mustRun(t, "actors", "--db", db, "--learned")
	t.Logf("people learned from the seeds:\n%s", learned)
}
