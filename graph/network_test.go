package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/graph"
)

var networkEvents = []ev{
	{id: "n1", typ: "CONSULT", actors: "RUS/GOV", recips: "SYR/GOV", date: "2025-07-24", score: 4},
	{id: "n2", typ: "AID", actors: "RUS/MIL", recips: "SYR/GOV", date: "2025-07-25", score: 6},
	{id: "n3", typ: "AID", actors: "SYR/GOV", recips: "RUS", date: "2025-08-01", score: 2},
	{id: "n4", typ: "AGREE", actors: "IRN SYR", date: "2025-08-02", score: 5},                            // joint: both ways
	{id: "n5", typ: "ASSAULT", actors: "RUS/GOV RUS/MIL", recips: "UKR", date: "2025-09-01", score: -10}, // one RUS→UKR edge event
	{id: "n6", typ: "AID", actors: "IGO:UN", recips: "SYR/CVL", score: 7},                                // undated
	{id: "n7", typ: "ACCUSE", actors: "RUS/GOV", recips: "RUS/OPP", date: "2025-09-02", score: -2},       // self-loop unless by sector
}

func TestBuildNetwork(t *testing.T) {
	tests := []struct {
		name string
		opt  graph.NetworkOptions
		want *graph.Network
	}{
		{
			name: "all events by country",
			want: &graph.Network{
				Nodes: []graph.Node{
					{ID: "IRN", Label: "IRN", Events: 1},
					{ID: "RUS", Label: "RUS", Events: 5},
					{ID: "SYR", Label: "SYR", Events: 5},
					{ID: "UKR", Label: "UKR", Events: 1},
					{ID: "UN", Label: "UN", Events: 1},
				},
				Edges: []graph.Edge{
					{Source: "IRN", Target: "SYR", Events: 1, Counts: map[string]int{"AGREE": 1}, MeanScore: 5, Reciprocal: true},
					{Source: "RUS", Target: "SYR", Events: 2, Counts: map[string]int{"CONSULT": 1, "AID": 1}, MeanScore: 5, Reciprocal: true},
					{Source: "RUS", Target: "UKR", Events: 1, Counts: map[string]int{"ASSAULT": 1}, MeanScore: -10},
					{Source: "SYR", Target: "IRN", Events: 1, Counts: map[string]int{"AGREE": 1}, MeanScore: 5, Reciprocal: true},
					{Source: "SYR", Target: "RUS", Events: 1, Counts: map[string]int{"AID": 1}, MeanScore: 2, Reciprocal: true},
					{Source: "UN", Target: "SYR", Events: 1, Counts: map[string]int{"AID": 1}, MeanScore: 7},
				},
			},
		},
		{
			name: "window and types",
			opt:  graph.NetworkOptions{Since: date("2025-07-25"), Until: date("2025-08-31"), Types: []string{"aid", "AGREE"}},
			want: &graph.Network{
				Nodes: []graph.Node{
					{ID: "IRN", Label: "IRN", Events: 1},
					{ID: "RUS", Label: "RUS", Events: 2},
					{ID: "SYR", Label: "SYR", Events: 3},
				},
				Edges: []graph.Edge{
					{Source: "IRN", Target: "SYR", Events: 1, Counts: map[string]int{"AGREE": 1}, MeanScore: 5, Reciprocal: true},
					{Source: "RUS", Target: "SYR", Events: 1, Counts: map[string]int{"AID": 1}, MeanScore: 6, Reciprocal: true},
					{Source: "SYR", Target: "IRN", Events: 1, Counts: map[string]int{"AGREE": 1}, MeanScore: 5, Reciprocal: true},
					{Source: "SYR", Target: "RUS", Events: 1, Counts: map[string]int{"AID": 1}, MeanScore: 2, Reciprocal: true},
				},
			},
		},
		{
			name: "by sector",
			opt:  graph.NetworkOptions{BySector: true, Types: []string{"ASSAULT", "ACCUSE", "CONSULT"}},
			want: &graph.Network{
				Nodes: []graph.Node{
					{ID: "RUS-GOV", Label: "RUS GOV", Events: 3},
					{ID: "RUS-MIL", Label: "RUS MIL", Events: 1},
					{ID: "RUS-OPP", Label: "RUS OPP", Events: 1},
					{ID: "SYR-GOV", Label: "SYR GOV", Events: 1},
					{ID: "UKR", Label: "UKR", Events: 1},
				},
				Edges: []graph.Edge{
					{Source: "RUS-GOV", Target: "RUS-OPP", Events: 1, Counts: map[string]int{"ACCUSE": 1}, MeanScore: -2},
					{Source: "RUS-GOV", Target: "SYR-GOV", Events: 1, Counts: map[string]int{"CONSULT": 1}, MeanScore: 4},
					{Source: "RUS-GOV", Target: "UKR", Events: 1, Counts: map[string]int{"ASSAULT": 1}, MeanScore: -10},
					{Source: "RUS-MIL", Target: "UKR", Events: 1, Counts: map[string]int{"ASSAULT": 1}, MeanScore: -10},
				},
			},
		},
		{
			name: "nothing passes",
			opt:  graph.NetworkOptions{Types: []string{"PROTEST"}},
			want: &graph.Network{Nodes: []graph.Node{}, Edges: []graph.Edge{}},
		},
	}
	in := events(t, networkEvents...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := graph.BuildNetwork(in, tt.opt)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("BuildNetwork() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
