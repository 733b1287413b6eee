package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// summed adds up the tallies of events by key, as a store does.
func summed(evs []parley.Event) []graph.Tally {
	type key struct{ kind, k1, k2, bucket, typ string }
	index := map[key]int{}
	var out []graph.Tally
	for i := range evs {
		for _, t := range graph.Tallies(&evs[i]) {
			k := key{t.Kind, t.K1, t.K2, t.Bucket, t.Type}
			j, ok := index[k]
			if !ok {
				index[k] = len(out)
				out = append(out, t)
				continue
			}
			out[j].N += t.N
			out[j].Act += t.Act
			out[j].Rec += t.Rec
			out[j].Score += t.Score
		}
	}
	return out
}

// TestFromTallies checks that the ...FromTallies functions answer as the
// functions over events.
func TestFromTallies(t *testing.T) {
	var reps []parley.Event
	for _, m := range graph.Merge(syntheticEvents(5000)) {
		reps = append(reps, m.Event)
	}
	ts := summed(reps)
	opts := []cmp.Option{cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateEmpty()}
	for _, p := range [][2]string{{"RUS", "SYR"}, {"usa", "chn"}, {"NATO", "IRN"}, {"AFG", "ZAF"}} {
		for _, by := range []string{graph.ByMonth, graph.ByWeek} {
			t.Run("dyad "+p[0]+" "+p[1]+" "+by, func(t *testing.T) {
				want, err := graph.Dyad(reps, p[0], p[1], by)
				if err != nil {
					t.Fatal(err)
				}
				got, err := graph.DyadFromTallies(p[0], p[1], by, ts)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got, opts...); diff != "" {
					t.Errorf("(-Dyad +DyadFromTallies):\n%s", diff)
				}
			})
		}
	}
	for _, a := range []string{"RUS", "un", "ZZZ"} {
		t.Run("timeline "+a, func(t *testing.T) {
			want, err := graph.Timeline(reps, a, graph.ByWeek)
			if err != nil {
				t.Fatal(err)
			}
			got, err := graph.TimelineFromTallies(a, graph.ByWeek, ts, want.Events)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, opts...); diff != "" {
				t.Errorf("(-Timeline +TimelineFromTallies):\n%s", diff)
			}
		})
	}
	for _, opt := range []graph.NetworkOptions{{}, {BySector: true}, {Types: []string{"consult"}}} {
		var all []graph.Tally
		for _, x := range ts {
			if x.Bucket == "" {
				all = append(all, x)
			}
		}
		want := graph.BuildNetwork(reps, opt)
		got := graph.NetworkFromTallies(all, opt.Types, opt.BySector)
		if diff := cmp.Diff(want, got, opts...); diff != "" {
			t.Errorf("network %+v (-BuildNetwork +NetworkFromTallies):\n%s", opt, diff)
		}
	}
	cg := &graph.CoopGraph{Votes: map[string]map[string]int{}}
	links := map[[2]string][]string{}
	for i := range reps {
		for _, l := range graph.CoopLinks(&reps[i]) {
			links[l] = append(links[l], reps[i].ID)
		}
	}
	for _, x := range ts {
		switch x.Kind {
		case graph.TallyCoop:
			cg.Edges = append(cg.Edges, [2]string{x.K1, x.K2})
		case graph.TallyCoopNode:
			cg.Nodes = append(cg.Nodes, x.K1)
		case graph.TallyVote:
			if cg.Votes[x.K1] == nil {
				cg.Votes[x.K1] = map[string]int{}
			}
			cg.Votes[x.K1][x.K2] += x.N
		}
	}
	for _, p := range [][2]string{{"IRN", "SYR"}, {"UN", "RUS"}, {"igo", "USA"}} {
		want := graph.Brokers(reps, p[0], p[1])
		got, err := graph.BrokersFromGraph(cg, p[0], p[1], func(x, y string) ([]string, error) { return links[[2]string{x, y}], nil })
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, opts...); diff != "" {
			t.Errorf("brokers %v (-Brokers +BrokersFromGraph):\n%s", p, diff)
		}
	}
}
