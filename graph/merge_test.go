package graph_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// summary is what a merge test checks of one Merged.
type summary struct {
	Rep      string
	Mentions int
	Articles []string
	IDs      []string
}

func summarize(ms []graph.Merged) []summary {
	var out []summary
	for _, m := range ms {
		out = append(out, summary{Rep: m.Event.ID, Mentions: m.Mentions, Articles: m.Articles, IDs: m.EventIDs})
	}
	return out
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		in   []ev
		want []summary
	}{
		{
			name: "same meeting told by three articles",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", mentions: 2},
				{id: "c1", article: "C", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 4, Articles: []string{"A", "B", "C"}, IDs: []string{"a1", "b1", "c1"}}},
		},
		{
			name: "one day apart merges, earliest is representative",
			in: []ev{
				{id: "b1", article: "B", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-25"},
				{id: "a1", article: "A", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 2, Articles: []string{"A", "B"}, IDs: []string{"a1", "b1"}}},
		},
		{
			name: "two days apart does not merge",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-26"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 1, Articles: []string{"A"}, IDs: []string{"a1"}},
				{Rep: "b1", Mentions: 1, Articles: []string{"B"}, IDs: []string{"b1"}},
			},
		},
		{
			name: "daily reports chain into one event",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-25"},
				{id: "c1", article: "C", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-26"},
			},
			want: []summary{{Rep: "a1", Mentions: 3, Articles: []string{"A", "B", "C"}, IDs: []string{"a1", "b1", "c1"}}},
		},
		{
			name: "ranges within a day of each other merge",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-20/2025-07-23"},
				{id: "b1", article: "B", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 2, Articles: []string{"A", "B"}, IDs: []string{"a1", "b1"}}},
		},
		{
			name: "reciprocal CONSULT merges across orientations and joint actors",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "CONSULT", actors: "SYR", recips: "RUS", date: "2025-07-24"},
				{id: "c1", article: "C", typ: "CONSULT", actors: "Sergey_Lavrov=RUS SYR", date: "2025-07-25"},
			},
			want: []summary{{Rep: "a1", Mentions: 3, Articles: []string{"A", "B", "C"}, IDs: []string{"a1", "b1", "c1"}}},
		},
		{
			name: "AGREE without recipients is reciprocal",
			in: []ev{
				{id: "a1", article: "A", typ: "AGREE", actors: "RUS SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AGREE", actors: "SYR RUS", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 2, Articles: []string{"A", "B"}, IDs: []string{"a1", "b1"}}},
		},
		{
			name: "directed events keep their orientation",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AID", actors: "SYR", recips: "RUS", date: "2025-07-24"},
				{id: "c1", article: "C", typ: "AGREE", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "d1", article: "D", typ: "AGREE", actors: "SYR", recips: "RUS", date: "2025-07-24"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 1, Articles: []string{"A"}, IDs: []string{"a1"}},
				{Rep: "b1", Mentions: 1, Articles: []string{"B"}, IDs: []string{"b1"}},
				{Rep: "c1", Mentions: 1, Articles: []string{"C"}, IDs: []string{"c1"}},
				{Rep: "d1", Mentions: 1, Articles: []string{"D"}, IDs: []string{"d1"}},
			},
		},
		{
			name: "re-ingest of the same IDs does not double-count",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", mentions: 2},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", mentions: 2},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 3, Articles: []string{"A", "B"}, IDs: []string{"a1", "b1"}}},
		},
		{
			name: "different place countries do not merge, placeless joins the nearest",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", country: "RUS"},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-25", country: "SYR"},
				{id: "c1", article: "C", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-26"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 1, Articles: []string{"A"}, IDs: []string{"a1"}},
				{Rep: "b1", Mentions: 2, Articles: []string{"B", "C"}, IDs: []string{"b1", "c1"}},
			},
		},
		{
			name: "placeless report on a tie joins the smaller country code",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", country: "SYR"},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24", country: "RUS"},
				{id: "c1", article: "C", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 1, Articles: []string{"A"}, IDs: []string{"a1"}},
				{Rep: "b1", Mentions: 2, Articles: []string{"B", "C"}, IDs: []string{"b1", "c1"}},
			},
		},
		{
			name: "undated reports merge only within their article",
			in: []ev{
				{id: "a1", article: "A", typ: "SUPPORT", actors: "IRN", recips: "SYR"},
				{id: "a2", article: "A", typ: "SUPPORT", actors: "IRN", recips: "SYR"},
				{id: "b1", article: "B", typ: "SUPPORT", actors: "IRN", recips: "SYR"},
				{id: "c1", article: "C", typ: "SUPPORT", actors: "IRN", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{
				{Rep: "c1", Mentions: 1, Articles: []string{"C"}, IDs: []string{"c1"}},
				{Rep: "a1", Mentions: 2, Articles: []string{"A"}, IDs: []string{"a1", "a2"}},
				{Rep: "b1", Mentions: 1, Articles: []string{"B"}, IDs: []string{"b1"}},
			},
		},
		{
			name: "different categories, actors or orgs do not merge",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "IGO:UN", recips: "SYR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AID", actors: "IGO:NATO", recips: "SYR", date: "2025-07-24"},
				{id: "c1", article: "C", typ: "SUPPORT", actors: "IGO:UN", recips: "SYR", date: "2025-07-24"},
				{id: "d1", article: "D", typ: "AID", actors: "IGO:UN", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 2, Articles: []string{"A", "D"}, IDs: []string{"a1", "d1"}},
				{Rep: "b1", Mentions: 1, Articles: []string{"B"}, IDs: []string{"b1"}},
				{Rep: "c1", Mentions: 1, Articles: []string{"C"}, IDs: []string{"c1"}},
			},
		},
		{
			name: "a negated report does not merge with a factual one",
			in: []ev{
				{id: "a1", article: "A", typ: "CONSULT", actors: "RUS", recips: "UKR", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "UKR", date: "2025-07-24", aux: "negation"},
				{id: "c1", article: "C", typ: "CONSULT", actors: "UKR", recips: "RUS", date: "2025-07-24", aux: "historical"},
			},
			want: []summary{
				{Rep: "a1", Mentions: 2, Articles: []string{"A", "C"}, IDs: []string{"a1", "c1"}},
				{Rep: "b1", Mentions: 1, Articles: []string{"B"}, IDs: []string{"b1"}},
			},
		},
		{
			name: "sectors and persons fold into their country",
			in: []ev{
				{id: "a1", article: "A", typ: "AID", actors: "RUS/MIL", recips: "SYR/GOV", date: "2025-07-24"},
				{id: "b1", article: "B", typ: "AID", actors: "Vladimir_Putin=RUS", recips: "SYR", date: "2025-07-24"},
			},
			want: []summary{{Rep: "a1", Mentions: 2, Articles: []string{"A", "B"}, IDs: []string{"a1", "b1"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := events(t, tt.in...)
			got := graph.Merge(in)
			if diff := cmp.Diff(tt.want, summarize(got)); diff != "" {
				t.Errorf("Merge() mismatch (-want +got):\n%s", diff)
			}
			// Re-ingest: the same events twice give the same answer.
			if diff := cmp.Diff(got, graph.Merge(append(slices.Clone(in), in...))); diff != "" {
				t.Errorf("Merge(x+x) differs from Merge(x) (-once +twice):\n%s", diff)
			}
			// Idempotent: representatives merge back one to one.
			var reps []parley.Event
			for _, m := range got {
				reps = append(reps, m.Event)
			}
			again := graph.Merge(reps)
			if len(again) != len(got) {
				t.Fatalf("Merge(representatives) = %d events, want %d", len(again), len(got))
			}
			for i := range got {
				if again[i].Event.ID != got[i].Event.ID || again[i].Mentions != got[i].Mentions {
					t.Errorf("Merge(representatives)[%d] = %s with %d mentions, want %s with %d",
						i, again[i].Event.ID, again[i].Mentions, got[i].Event.ID, got[i].Mentions)
				}
			}
		})
	}
}

func TestMergeKeepsSentences(t *testing.T) {
	in := events(t,
		ev{id: "b1", article: "B", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
		ev{id: "a1", article: "A", typ: "CONSULT", actors: "SYR", recips: "RUS", date: "2025-07-24"},
		ev{id: "a22", article: "A", typ: "CONSULT", actors: "RUS", recips: "SYR", date: "2025-07-24"},
	)
	got := graph.Merge(in)
	if len(got) != 1 {
		t.Fatalf("Merge() = %d events, want 1", len(got))
	}
	want := []graph.Mention{
		{EventID: "a1", Article: "A", Doc: "doc-A", Sentence: "sentence of a1", Span: parley.Span{Start: 2, End: 12}},
		{EventID: "a22", Article: "A", Doc: "doc-A", Sentence: "sentence of a22", Span: parley.Span{Start: 3, End: 13}},
		{EventID: "b1", Article: "B", Doc: "doc-B", Sentence: "sentence of b1", Span: parley.Span{Start: 2, End: 12}},
	}
	if diff := cmp.Diff(want, got[0].Sentences); diff != "" {
		t.Errorf("Sentences mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"doc-A", "doc-B"}, got[0].Docs); diff != "" {
		t.Errorf("Docs mismatch (-want +got):\n%s", diff)
	}
	if got[0].Event.Mentions != 3 {
		t.Errorf("representative Mentions = %d, want 3", got[0].Event.Mentions)
	}
}

// TestMergeSynthetic checks Merge's invariants on many generated reports:
// order does not matter, nothing is lost, re-ingest and re-merging change
// nothing.
func TestMergeSynthetic(t *testing.T) {
	in := syntheticEvents(2000)
	want := graph.Merge(in)
	rev := slices.Clone(in)
	slices.Reverse(rev)
	if diff := cmp.Diff(want, graph.Merge(rev)); diff != "" {
		t.Errorf("Merge(reversed) differs (-forward +reversed):\n%s", diff)
	}
	n := 0
	for _, m := range want {
		n += len(m.EventIDs)
	}
	if n != len(in) {
		t.Errorf("merged events hold %d reports, want %d", n, len(in))
	}
	if len(want) >= len(in) {
		t.Errorf("Merge() = %d events from %d reports, want fewer", len(want), len(in))
	}
	if diff := cmp.Diff(want, graph.Merge(append(slices.Clone(in), rev...))); diff != "" {
		t.Errorf("Merge(x+x) differs (-once +twice):\n%s", diff)
	}
	var reps []parley.Event
	for _, m := range want {
		reps = append(reps, m.Event)
	}
	again := graph.Merge(reps)
	if len(again) != len(want) {
		t.Fatalf("Merge(representatives) = %d events, want %d", len(again), len(want))
	}
	for i := range again {
		if again[i].Event.ID != want[i].Event.ID || again[i].Mentions != want[i].Mentions {
			t.Errorf("Merge(representatives)[%d] = %s with %d mentions, want %s with %d",
				i, again[i].Event.ID, again[i].Mentions, want[i].Event.ID, want[i].Mentions)
		}
	}
}
