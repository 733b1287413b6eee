package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/storetest"
)

// TestMergeIncremental checks that the merged events and tallies Put keeps
// up to date, one article at a time, equal those fill computes from all
// the stored events at once. Every article is stored twice under new keys
// and event IDs, so that its reports merge with those of its first copy.
func TestMergeIncremental(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "merge.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pool := storetest.Generate(40, 5)
	for n := range 2 * len(pool) {
		// Second copies in the reverse order of the first.
		src := pool[n%len(pool)]
		if n >= len(pool) {
			src = pool[2*len(pool)-1-n]
		}
		a := src.Article
		a.Key = fmt.Sprintf("%s-%d", a.Key, n)
		evs := make([]parley.Event, len(src.Events))
		for i, e := range src.Events {
			e.ID = fmt.Sprintf("%s-%d", e.ID, n)
			e.Article = a.Key
			evs[i] = e
		}
		if _, err := db.Put(ctx, &parley.Document{Article: &a, Events: evs}); err != nil {
			t.Fatal(err)
		}
	}
	got := mergeState(t, db)
	if got["merged with several reports"][0] == "0" {
		t.Fatal("no reports merged: the test does not exercise merging")
	}

	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM merged`, `DELETE FROM tallies`, `DELETE FROM net_months`,
		`DELETE FROM coop_links`, `UPDATE events SET merged = NULL`, `UPDATE merge_state SET filled = 0, max_months = 0`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := fill(ctx, db.write, db.stmts); err != nil {
		t.Fatal(err)
	}
	want := mergeState(t, db)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merge state after Put, one article at a time (-fill +put):\n%s", diff)
	}
}

// mergeState lists the rows of the tables the merger keeps, without the
// merged events' ids, which depend on the order of ingest.
func mergeState(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"merged":                      `SELECT key, rep, lo, hi, ds, de, mentions, reports FROM merged ORDER BY rep`,
		"groups":                      `SELECT m.rep, e.id FROM events e JOIN merged m ON m.id = e.merged ORDER BY e.id`,
		"tallies":                     `SELECT * FROM tallies ORDER BY kind, k1, k2, bucket, type`,
		"net_months":                  `SELECT * FROM net_months ORDER BY kind, me, ms, k1, k2, type`,
		"coop_links":                  `SELECT * FROM coop_links ORDER BY u, v, event_id`,
		"max_months":                  `SELECT max_months FROM merge_state`,
		"merged with several reports": `SELECT count(*) FROM merged WHERE reports > 1`,
	} {
		rows, err := db.read.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		rows.Close()
	}
	return out
}
