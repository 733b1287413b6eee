package graph_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/graph"
	"github.com/parley-events/parley/plover"
)

// star: RUS cooperates with IRN, SYR and CHN; IRN and SYR only quarrel.
var star = []ev{
	{id: "s1", typ: "CONSULT", actors: "Abbas_Araghchi=IRN", recips: "RUS"},
	{id: "s2", typ: "AID", actors: "RUS/MIL", recips: "SYR/GOV"},
	{id: "s3", typ: "COOPERATE", actors: "SYR", recips: "RUS"},
	{id: "s4", typ: "AGREE", actors: "CHN RUS"},
	{id: "s5", typ: "ACCUSE", actors: "IRN", recips: "SYR"},
	{id: "s6", typ: "ASSAULT", actors: "SYR", recips: "IRN"},
	{id: "s7", typ: "AGREE", actors: "IRN", recips: "SYR", aux: "negation"},
}

func TestBrokers(t *testing.T) {
	tests := []struct {
		name string
		in   []ev
		a, b string
		want *graph.BrokerReport
	}{
		{
			name: "star: RUS links IRN and SYR",
			in:   star, a: "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Distance: 2, Brokers: []graph.Broker{
				{Actor: "RUS", Score: 1, Betweenness: 3, ToA: []string{"s1"}, ToB: []string{"s2", "s3"}},
			}},
		},
		{
			name: "query by person name and lower case",
			in:   star, a: "abbas araghchi", b: "syr",
			want: &graph.BrokerReport{A: "abbas araghchi", B: "syr", Distance: 2, Brokers: []graph.Broker{
				{Actor: "RUS", Score: 1, Betweenness: 3, ToA: []string{"s1"}, ToB: []string{"s2", "s3"}},
			}},
		},
		{
			name: "direct cooperation is reported, brokers still found",
			in:   append(slices.Clone(star), ev{id: "s8", typ: "SUPPORT", actors: "SYR", recips: "IRN"}),
			a:    "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Direct: []string{"s8"}, Distance: 2, Brokers: []graph.Broker{
				{Actor: "RUS", Score: 1, Betweenness: 3, ToA: []string{"s1"}, ToB: []string{"s2", "s3"}},
			}},
		},
		{
			name: "direct cooperation only",
			in:   []ev{{id: "d1", typ: "RETREAT", actors: "IRN", recips: "SYR"}},
			a:    "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Direct: []string{"d1"}},
		},
		{
			name: "chain: both intermediaries, the busier first",
			in: []ev{
				{id: "c1", typ: "CONSULT", actors: "IRN", recips: "TUR"},
				{id: "c2", typ: "AID", actors: "TUR", recips: "QAT"},
				{id: "c3", typ: "AID", actors: "QAT", recips: "SYR"},
				{id: "c4", typ: "SUPPORT", actors: "AZE", recips: "TUR"},
			},
			a: "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Distance: 3, Brokers: []graph.Broker{
				{Actor: "TUR", Score: 1, Betweenness: 5, ToA: []string{"c1"}, ToB: []string{"c2"}},
				{Actor: "QAT", Score: 1, Betweenness: 3, ToA: []string{"c2"}, ToB: []string{"c3"}},
			}},
		},
		{
			name: "tie: two parallel brokers share the paths, sorted by name",
			in: []ev{
				{id: "t1", typ: "CONSULT", actors: "IRN", recips: "TUR"},
				{id: "t2", typ: "CONSULT", actors: "TUR", recips: "SYR"},
				{id: "t3", typ: "CONSULT", actors: "IRN", recips: "RUS"},
				{id: "t4", typ: "CONSULT", actors: "RUS", recips: "SYR"},
			},
			a: "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Distance: 2, Brokers: []graph.Broker{
				{Actor: "RUS", Score: 0.5, Betweenness: 0.5, ToA: []string{"t3"}, ToB: []string{"t4"}},
				{Actor: "TUR", Score: 0.5, Betweenness: 0.5, ToA: []string{"t1"}, ToB: []string{"t2"}},
			}},
		},
		{
			name: "tie on score broken by overall betweenness",
			in: []ev{
				{id: "t1", typ: "CONSULT", actors: "IRN", recips: "TUR"},
				{id: "t2", typ: "CONSULT", actors: "TUR", recips: "SYR"},
				{id: "t3", typ: "CONSULT", actors: "IRN", recips: "RUS"},
				{id: "t4", typ: "CONSULT", actors: "RUS", recips: "SYR"},
				{id: "t5", typ: "AID", actors: "TUR", recips: "AZE"},
			},
			a: "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR", Distance: 2, Brokers: []graph.Broker{
				{Actor: "TUR", Score: 0.5, Betweenness: 3.5, ToA: []string{"t1"}, ToB: []string{"t2"}},
				{Actor: "RUS", Score: 0.5, Betweenness: 0.5, ToA: []string{"t3"}, ToB: []string{"t4"}},
			}},
		},
		{
			name: "international organization as broker",
			in: []ev{
				{id: "u1", typ: "CONSULT", actors: "IGO:UN", recips: "ARM"},
				{id: "u2", typ: "CONSULT", actors: "IGO:UN", recips: "AZE"},
				{id: "u3", typ: "AID", actors: "IGO:ICRC", recips: "AZE"},
			},
			a: "ARM", b: "AZE",
			want: &graph.BrokerReport{A: "ARM", B: "AZE", Distance: 2, Brokers: []graph.Broker{
				{Actor: "UN", Score: 1, Betweenness: 2, ToA: []string{"u1"}, ToB: []string{"u2"}},
			}},
		},
		{
			name: "not connected",
			in:   star, a: "IRN", b: "USA",
			want: &graph.BrokerReport{A: "IRN", B: "USA"},
		},
		{
			name: "only conflict between them",
			in:   star[4:], a: "IRN", b: "SYR",
			want: &graph.BrokerReport{A: "IRN", B: "SYR"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := graph.Brokers(events(t, tt.in...), tt.a, tt.b)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Brokers(%s, %s) mismatch (-want +got):\n%s", tt.a, tt.b, diff)
			}
		})
	}
}

func TestCooperativeCategories(t *testing.T) {
	cb, err := plover.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"AGREE", "AID", "CONCEDE", "CONSULT", "COOPERATE", "RETREAT", "SUPPORT"}
	if diff := cmp.Diff(want, graph.CooperativeCategories(cb)); diff != "" {
		t.Errorf("CooperativeCategories() mismatch (-want +got):\n%s", diff)
	}
}

func TestBrokersAmongCategories(t *testing.T) {
	in := events(t, star...)
	// With ACCUSE counted as a tie, IRN and SYR are linked directly.
	got := graph.BrokersAmong(in, "IRN", "SYR", []string{"accuse", "CONSULT", "AID"})
	if diff := cmp.Diff([]string{"s5"}, got.Direct); diff != "" {
		t.Errorf("Direct mismatch (-want +got):\n%s", diff)
	}
	// s3 (COOPERATE) is not a tie here.
	if len(got.Brokers) != 1 || !slices.Equal(got.Brokers[0].ToB, []string{"s2"}) {
		t.Errorf("Brokers = %+v, want RUS with ToB [s2]", got.Brokers)
	}
}
