package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/parley-events/parley/internal/storetest"
	"github.com/parley-events/parley/sqlite"
)

// The benchmarks run the API over a store of synthetic events:
// $PARLEY_BENCH_EVENTS of them (default 20000), in $PARLEY_BENCH_DB when
// set (filled once, then reused: a store of a million events takes a while
// to build), else in a temporary directory per benchmark. Each reports the p50 and p99
// latency of its requests, in milliseconds.

const benchPerArticle = 10

func benchEvents(b *testing.B) int {
	n := 20000
	if v := os.Getenv("PARLEY_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < benchPerArticle {
			b.Fatalf("PARLEY_BENCH_EVENTS=%q: want a number of events of at least %d", v, benchPerArticle)
		}
	}
	return n
}

// benchHandler returns the API over the benchmark store.
func benchHandler(b *testing.B) http.Handler {
	b.Helper()
	n := benchEvents(b)
	ctx := context.Background()
	path := os.Getenv("PARLEY_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Events < n {
		start := time.Now()
		for _, bt := range storetest.Generate(n/benchPerArticle, benchPerArticle) {
			if _, err := db.Put(ctx, bt.Document()); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("filled %s with %d events in %v", path, n, time.Since(start).Round(time.Millisecond))
	}
	s, err := New(db, defaultKB(b), nil, Config{})
	if err != nil {
		b.Fatal(err)
	}
	return s.Handler()
}

// benchRequests runs the targets in turn, one request per iteration, and
// reports the latency percentiles.
func benchRequests(b *testing.B, targets []string) {
	h := benchHandler(b)
	b.ReportAllocs()
	var lat []time.Duration
	var bytes int64
	i := 0
	b.ResetTimer()
	for b.Loop() {
		target := targets[i%len(targets)]
		i++
		req := httptest.NewRequest(http.MethodGet, target, nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		lat = append(lat, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
		bytes += int64(rec.Body.Len())
	}
	if len(lat) == 0 {
		return
	}
	b.SetBytes(bytes / int64(len(lat)))
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func BenchmarkAPIEvents(b *testing.B) {
	benchRequests(b, []string{
		"/api/events",
		"/api/events?actor=RUS",
		"/api/events?type=CONSULT&limit=500",
		"/api/events?actor=Sergey%20Lavrov&since=2023-06-01&until=2023-12-31",
		"/api/events?actor=NATO&type=ASSAULT",
		"/api/events?since=2024-01-01&limit=1000",
	})
}

func BenchmarkAPIDyad(b *testing.B) {
	benchRequests(b, []string{
		"/api/dyad?a=RUS&b=SYR",
		"/api/dyad?a=USA&b=CHN&by=week",
		"/api/dyad?a=IRN&b=ISR",
		"/api/dyad?a=NATO&b=RUS",
	})
}

func BenchmarkAPINetwork(b *testing.B) {
	benchRequests(b, []string{
		"/api/network",
		"/api/network?type=CONSULT",
		"/api/network?since=2024-01-01&until=2024-03-31",
		"/api/network?sector=true&type=ASSAULT",
	})
}

func BenchmarkAPITimeline(b *testing.B) {
	benchRequests(b, []string{
		"/api/timeline?actor=RUS",
		"/api/timeline?actor=Sergey%20Lavrov&by=week",
		"/api/timeline?actor=NATO&limit=500",
	})
}

func BenchmarkAPIBrokers(b *testing.B) {
	benchRequests(b, []string{
		"/api/brokers?a=IRN&b=SYR",
		"/api/brokers?a=TLS&b=USA",
	})
}
