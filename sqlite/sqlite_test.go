package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.Store { return openTemp(t) })
}

// pragma reads one PRAGMA of the file at path through a connection of its
// own.
func pragma(t *testing.T, path, name string) string {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var v string
	if err := raw.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the second Open finds nothing to do
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		var applied []string
		rows, err := db.read.QueryContext(ctx, "SELECT name FROM schema_migrations ORDER BY version")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			applied = append(applied, n)
		}
		rows.Close()
		var want []string
		for _, m := range migs {
			want = append(want, m.name)
		}
		if diff := cmp.Diff(want, applied); diff != "" {
			t.Errorf("Open #%d: schema_migrations (-want +got):\n%s", i+1, diff)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if got, want := pragma(t, path, "user_version"), strconv.Itoa(len(migs)); got != want {
			t.Errorf("user_version = %s, want %s", got, want)
		}
	}
	// Data survives a re-open.
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(ctx, &parley.Document{Article: &parley.Article{Key: "k", Doc: "d", Text: "t"}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if st, err := db.Stats(ctx); err != nil || st.Articles != 1 {
		t.Errorf("Stats after re-open = %+v, %v; want 1 article", st, err)
	}
}

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		err   string // "" when the set is good
	}{
		{"good", []string{"0001_a.sql", "0002_b.sql"}, ""},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, "0003_c.sql: number 3, want 2"},
		{"no number", []string{"init.sql"}, "init.sql: name is not NNNN_name.sql"},
		{"short number", []string{"1_init.sql"}, "1_init.sql: name is not NNNN_name.sql"},
		{"none", nil, "no migrations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			migs, err := loadMigrations(fsys)
			if tt.err == "" {
				if err != nil || len(migs) != len(tt.files) {
					t.Errorf("loadMigrations = %d migrations, %v; want %d, nil", len(migs), err, len(tt.files))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("loadMigrations error = %v, want one containing %q", err, tt.err)
			}
		})
	}
	if _, err := loadMigrations(migrationFiles); err != nil {
		t.Errorf("embedded migrations: %v", err)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err = Open(ctx, path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a file with schema version 99 succeeded")
	}
	for _, want := range []string{path, "schema version 99", "newer"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Open error %q does not mention %q", err, want)
		}
	}
	if got := pragma(t, path, "user_version"); got != "99" {
		t.Errorf("user_version after refused Open = %s, want 99", got)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"text", bytes.Repeat([]byte("this is not a database, just some words\n"), 200)},
		{"short", []byte("hello")},
		{"binary", bytes.Repeat([]byte{0xff, 0x00, 0x13, 0x37}, 1024)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "garbage.db")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatal("Open of a non-database file succeeded")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("Open error %q does not name the path", err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Errorf("Open changed the file: %d bytes, was %d", len(got), len(tt.data))
			}
		})
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{"", ":memory:", "file:x.db?mode=memory", filepath.Join(dir, "missing", "dir", "p.db"), dir} {
		db, err := Open(context.Background(), path)
		if err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded, want an error", path)
			continue
		}
		if path != "" && !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q) error %q does not name the path", path, err)
		}
	}
}

func TestOpenOddPath(t *testing.T) {
	// URI syntax in a file name is escaped, not interpreted.
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "odd?mode=memory#x%20.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(ctx, &parley.Document{Article: &parley.Article{Key: "k", Doc: "d", Text: "t"}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %q: %v", path, err)
	}
}

func TestPragmas(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	for _, tt := range []struct {
		pool *sql.DB
		name string
		want string
	}{
		{db.write, "journal_mode", "wal"},
		{db.write, "foreign_keys", "1"},
		{db.write, "synchronous", "1"}, // NORMAL
		{db.write, "busy_timeout", "5000"},
		{db.read, "journal_mode", "wal"},
		{db.read, "foreign_keys", "1"},
		{db.read, "query_only", "1"},
		{db.read, "busy_timeout", "5000"},
	} {
		var got string
		if err := tt.pool.QueryRowContext(ctx, "PRAGMA "+tt.name).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tt.name, err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	text := "Sergey Lavrov met António Guterres in Geneva. Peace talks resumed on Monday. Turkey shelled Kurdish positions."
	a := parley.Article{Key: "k", Doc: "d", Text: text}
	sent := func(i int) (parley.Span, string) {
		var spans []parley.Span
		start := 0
		for j := range len(text) {
			if text[j] == '.' {
				spans = append(spans, parley.Span{Start: start, End: j + 1})
				start = j + 2
			}
		}
		return spans[i], spans[i].In(text)
	}
	mk := func(id, typ string, i int) parley.Event {
		sp, s := sent(i)
		return parley.Event{ID: id, Type: typ, Actors: []parley.Actor{{Code: "RUS"}}, Sentence: sp, SentenceText: s}
	}
	if _, err := db.Put(ctx, &parley.Document{Article: &a, Events: []parley.Event{mk("e1", "CONSULT", 0), mk("e2", "AGREE", 1), mk("e3", "ASSAULT", 2), mk("e4", "CONSULT", 1)}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		limit int
		want  []string
	}{
		{"lavrov", 0, []string{"e1"}},
		{"Antonio", 0, []string{"e1"}}, // diacritics folded
		{`"peace talks"`, 0, []string{"e2", "e4"}},
		{`"talks peace"`, 0, nil},
		{"talk*", 1, []string{"e2"}},
		{"shelled OR lavrov", 0, []string{"e1", "e3"}},
		{"nothing", 0, nil},
		{"  ", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			evs, err := db.Search(ctx, tt.query, tt.limit)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.ID)
				if len(e.Actors) != 1 {
					t.Errorf("event %s has %d actors, want 1", e.ID, len(e.Actors))
				}
			}
			if diff := cmp.Diff(tt.want, got, sortStrings); diff != "" {
				t.Errorf("Search(%q) IDs (-want +got):\n%s", tt.query, diff)
			}
		})
	}
	if _, err := db.Search(ctx, `"unbalanced`, 0); err == nil {
		t.Error(`Search("\"unbalanced") succeeded, want a syntax error`)
	}
}

var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })

func TestArticlesAndEvent(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	bs := storetest.Generate(3, 2)
	for _, b := range bs {
		if _, err := db.Put(ctx, b.Document()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Articles(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []ArticleSummary
	for _, b := range bs {
		a := b.Article
		want = append(want, ArticleSummary{Key: a.Key, Doc: a.Doc, Title: a.Title, Source: a.Source, Published: a.Published, Events: len(b.Events)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Articles (-want +got):\n%s", diff)
	}
	if got, err := db.Articles(ctx, 2); err != nil || len(got) != 2 {
		t.Errorf("Articles(limit 2) = %d, %v; want 2", len(got), err)
	}

	e := bs[1].Events[1]
	ev, err := db.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&e, ev); diff != "" {
		t.Errorf("Event(%s) (-want +got):\n%s", e.ID, diff)
	}
	if _, err := db.Event(ctx, "nope"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("Event(nope) error = %v, want ErrNotFound", err)
	}
}

// TestActorLookupIndexed checks that an actor filter is answered from the
// event_actors indexes, not by scanning events.
func TestActorLookupIndexed(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	for _, col := range []string{"code", "name", "org"} {
		var plan []string
		rows, err := db.read.QueryContext(ctx, "EXPLAIN QUERY PLAN SELECT event_id FROM event_actors WHERE "+col+" = ? AND role <> 'claimed_by'", "x")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if p := strings.Join(plan, "; "); !strings.Contains(p, "INDEX event_actors_"+col+" ") {
			t.Errorf("plan for %s lookup = %q, want it to use event_actors_%s", col, p, col)
		}
	}
}

func TestAnalysis(t *testing.T) {
	storetest.RunAnalysis(t, func(t *testing.T) storetest.Analyzer { return openTemp(t) })
}
