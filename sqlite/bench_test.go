package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/internal/storetest"
)

// BenchmarkPutArticle stores new ~1 KB articles with 5 events each, one
// Put and one transaction per article: "events" with the events alone,
// "document" also with their actor mentions (about 10) and, in some, a
// learned person.
func BenchmarkPutArticle(b *testing.B) {
	for _, withActors := range []bool{false, true} {
		name := "events"
		if withActors {
			name = "document"
		}
		b.Run(name, func(b *testing.B) { benchmarkPut(b, withActors) })
	}
}

func benchmarkPut(b *testing.B, withActors bool) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	pool := storetest.Generate(1000, 5)
	b.SetBytes(int64(len(pool[0].Article.Text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		// Reuse the pool with fresh keys and IDs, so every put creates.
		src := pool[n%len(pool)]
		a := src.Article
		a.Key = fmt.Sprintf("%s-%d", a.Key, n)
		evs := make([]parley.Event, len(src.Events))
		for i, e := range src.Events {
			e.ID = fmt.Sprintf("%s-%d", e.ID, n)
			e.Article = a.Key
			evs[i] = e
		}
		d := &parley.Document{Article: &a, Events: evs}
		if withActors {
			d.Mentions, d.Learned = src.Mentions, src.Learned
		}
		res, err := db.Put(ctx, d)
		if err != nil || !res.Created {
			b.Fatalf("Put = %+v, %v", res, err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkEvents filters 100,000 stored events by actor.
func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, bt := range storetest.Generate(1000, 100) {
		if _, err := db.Put(ctx, bt.Document()); err != nil {
			b.Fatal(err)
		}
	}
	if st, _ := db.Stats(ctx); st.Events != 100_000 {
		b.Fatalf("stored %d events, want 100000", st.Events)
	}
	for _, f := range []parley.EventFilter{
		{Actor: "RUS"},
		{Actor: "Sergey Lavrov"},
		{Actor: "RUS", Limit: 100},
		{Actor: "ICRC", Type: "AID"},
	} {
		b.Run(fmt.Sprintf("%s/%s/%d", f.Actor, f.Type, f.Limit), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				evs, err := db.Events(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(evs)
			}
			b.ReportMetric(float64(n), "events/op")
		})
	}
}
