package storetest

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// Analyzer is a store that keeps merged events and answers the queries of
// package graph from them: *sqlite.DB.
type Analyzer interface {
	parley.Store
	Dyad(ctx context.Context, a, b, by string) (*graph.DyadReport, error)
	Timeline(ctx context.Context, actor, by string, limit int) (*graph.TimelineReport, int, error)
	Network(ctx context.Context, opt graph.NetworkOptions) (*graph.Network, error)
	Brokers(ctx context.Context, a, b string) (*graph.BrokerReport, error)
	// MergedIDs lists the report IDs of each merged event, sorted, the
	// lists by first ID.
	MergedIDs(ctx context.Context) ([][]string, error)
}

// RunAnalysis checks that an Analyzer's merged events are graph.Merge of
// every stored event, whatever order the articles came in, and that its
// queries answer as the graph functions over the merged events. open
// returns a fresh, empty store; RunAnalysis closes it.
func RunAnalysis(t *testing.T, open func(t *testing.T) Analyzer) {
	corpus := mergeable(Generate(150, 12))
	var all []parley.Event
	for _, b := range corpus {
		all = append(all, b.Events...)
	}
	ms := graph.Merge(all)
	reps := make([]parley.Event, len(ms))
	var want [][]string
	for i, m := range ms {
		reps[i] = m.Event
		want = append(want, m.EventIDs)
	}
	slices.SortFunc(want, func(a, b []string) int { return cmpStrings(a[0], b[0]) })
	if len(ms) > len(all)*95/100 {
		t.Fatalf("corpus: %d events merge into %d: too few merges to test", len(all), len(ms))
	}
	orders := map[string]func([]Batch) []Batch{
		"forward": func(bs []Batch) []Batch { return bs },
		"reverse": func(bs []Batch) []Batch { bs = slices.Clone(bs); slices.Reverse(bs); return bs },
		"shuffled": func(bs []Batch) []Batch {
			bs = slices.Clone(bs)
			r := rand.New(rand.NewPCG(7, 8))
			r.Shuffle(len(bs), func(i, j int) { bs[i], bs[j] = bs[j], bs[i] })
			return bs
		},
	}
	for _, name := range []string{"forward", "reverse", "shuffled"} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			ctx := context.Background()
			batches := orders[name](corpus)
			for i := range batches {
				if _, err := s.Put(ctx, batches[i].Document()); err != nil {
					t.Fatal(err)
				}
				if i == len(batches)/2 { // re-ingest changes nothing
					if _, err := s.Put(ctx, batches[0].Document()); err != nil {
						t.Fatal(err)
					}
				}
			}
			got, err := s.MergedIDs(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Fatalf("merged events differ from graph.Merge (-want +got):\n%s", diff)
			}
			checkQueries(t, s, reps)
		})
	}
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

var approx = cmpopts.EquateApprox(0, 1e-9)

func checkQueries(t *testing.T, s Analyzer, reps []parley.Event) {
	ctx := context.Background()
	for _, p := range [][2]string{{"RUS", "SYR"}, {"Sergey Lavrov", "usa"}, {"NATO", "RUS"}, {"ICRC", "TLS"}, {"RUS", "QAT"}} {
		for _, by := range []string{graph.ByMonth, graph.ByWeek} {
			want, err := graph.Dyad(reps, p[0], p[1], by)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Dyad(ctx, p[0], p[1], by)
			if err != nil {
				t.Fatalf("Dyad(%s, %s, %s): %v", p[0], p[1], by, err)
			}
			if diff := gocmp.Diff(want, got, approx, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Dyad(%s, %s, %s) (-graph +store):\n%s", p[0], p[1], by, diff)
			}
		}
	}
	for _, a := range []string{"RUS", "hakan fidan", "United Nations", "ZZZ"} {
		for _, by := range []string{graph.ByMonth, graph.ByWeek} {
			want, err := graph.Timeline(reps, a, by)
			if err != nil {
				t.Fatal(err)
			}
			got, total, err := s.Timeline(ctx, a, by, 0)
			if err != nil {
				t.Fatalf("Timeline(%s, %s): %v", a, by, err)
			}
			if diff := gocmp.Diff(want, got, approx, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Timeline(%s, %s) (-graph +store):\n%s", a, by, diff)
			}
			if total != len(want.Events) {
				t.Errorf("Timeline(%s, %s) total = %d, want %d", a, by, total, len(want.Events))
			}
			page, _, err := s.Timeline(ctx, a, by, 3)
			if err != nil {
				t.Fatal(err)
			}
			if n := min(3, len(want.Events)); len(page.Events) != n {
				t.Errorf("Timeline(%s, %s, limit 3): %d events, want %d", a, by, len(page.Events), n)
			}
		}
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	for _, opt := range []graph.NetworkOptions{
		{},
		{BySector: true},
		{Types: []string{"consult", "AID"}},
		{Since: day("2023-06-01"), Until: day("2023-12-31")},
		{Since: day("2023-06-17"), Until: day("2024-02-03"), BySector: true},
		{Since: day("2024-03-09")},
		{Until: day("2023-04-20"), Types: []string{"ASSAULT"}},
		{Since: day("2024-01-10"), Until: day("2024-01-05")},
	} {
		want := graph.BuildNetwork(reps, opt)
		got, err := s.Network(ctx, opt)
		if err != nil {
			t.Fatalf("Network(%+v): %v", opt, err)
		}
		if diff := gocmp.Diff(want, got, approx, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Network(%+v) (-graph +store):\n%s", opt, diff)
		}
	}
	for _, p := range [][2]string{{"IRN", "SYR"}, {"TLS", "USA"}, {"Sergey Lavrov", "NATO"}, {"ICRC", "QAT"}, {"RUS", "XYZ"}} {
		want := graph.Brokers(reps, p[0], p[1])
		got, err := s.Brokers(ctx, p[0], p[1])
		if err != nil {
			t.Fatalf("Brokers(%s, %s): %v", p[0], p[1], err)
		}
		if diff := gocmp.Diff(want, got, approx, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Brokers(%s, %s) (-graph +store):\n%s", p[0], p[1], diff)
		}
	}
}

// mergeable makes every third article retell events of the article before
// it, a day later or earlier, some with another place, so that merging has
// chains, placed and unplaced reports and undated ones to settle.
func mergeable(bs []Batch) []Batch {
	bs = slices.Clone(bs)
	for i := 2; i < len(bs); i += 3 {
		prev, cur := &bs[i-1], &bs[i]
		for j := range min(len(prev.Events), len(cur.Events)) {
			if j%2 == 1 {
				continue
			}
			src, dst := prev.Events[j], &cur.Events[j]
			dst.Type, dst.Aux, dst.Actors, dst.Recipients = src.Type, src.Aux, src.Actors, src.Recipients
			if src.Date != nil {
				shift := []int{-1, 0, 1, 2}[j/2%4]
				d := parley.DateRange{Start: src.Date.Start.AddDate(0, 0, shift), End: src.Date.End.AddDate(0, 0, shift)}
				dst.Date = &d
			}
			switch j / 2 % 3 {
			case 0:
				dst.Place = nil
			case 1:
				dst.Place = src.Place
			}
		}
	}
	return bs
}
