package graph_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/graph"
)

var dyadEvents = []ev{
	{id: "e1", typ: "CONSULT", actors: "Sergey_Lavrov=RUS", recips: "SYR", date: "2025-07-24", score: 4},
	{id: "e2", typ: "AGREE", actors: "RUS", recips: "SYR", date: "2025-07-28", score: 5},
	{id: "e3", typ: "AID", actors: "syr", recips: "RUS", date: "2025-07-29", score: 6},
	{id: "e4", typ: "CONSULT", actors: "RUS SYR", date: "2025-10-15", score: 3},     // joint
	{id: "e5", typ: "ACCUSE", actors: "RUS SYR", recips: "USA", date: "2025-10-16"}, // not between them
	{id: "e6", typ: "SUPPORT", actors: "RUS", recips: "SYR", date: "2025-10-20", score: 7},
	{id: "e7", typ: "SUPPORT", actors: "RUS", recips: "SYR", score: 7}, // undated
	{id: "e8", typ: "AID", actors: "IRN", recips: "SYR", date: "2025-07-24", score: 6},
}

func TestDyad(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		by    string
		want  []graph.DyadRow
		n     int
		trend string
	}{
		{
			name: "by month", a: "RUS", b: "SYR", by: "month",
			want: []graph.DyadRow{
				{Period: "2025-07", From: "RUS", To: "SYR", Counts: map[string]int{"CONSULT": 1, "AGREE": 1}, Events: 2, MeanScore: 4.5},
				{Period: "2025-07", From: "SYR", To: "RUS", Counts: map[string]int{"AID": 1}, Events: 1, MeanScore: 6},
				{Period: "2025-10", From: "RUS", To: "SYR", Counts: map[string]int{"CONSULT": 1, "SUPPORT": 1}, Events: 2, MeanScore: 5},
				{Period: "2025-10", From: "SYR", To: "RUS", Counts: map[string]int{"CONSULT": 1}, Events: 1, MeanScore: 3},
			},
			n:     5,
			trend: "RUS–SYR: 5 events Jul–Oct 2025, mean score +5.0 → +5.0, stable",
		},
		{
			name: "by week, reversed query", a: "SYR", b: "RUS", by: "week",
			want: []graph.DyadRow{
				{Period: "2025-W30", From: "RUS", To: "SYR", Counts: map[string]int{"CONSULT": 1}, Events: 1, MeanScore: 4},
				{Period: "2025-W31", From: "SYR", To: "RUS", Counts: map[string]int{"AID": 1}, Events: 1, MeanScore: 6},
				{Period: "2025-W31", From: "RUS", To: "SYR", Counts: map[string]int{"AGREE": 1}, Events: 1, MeanScore: 5},
				{Period: "2025-W42", From: "SYR", To: "RUS", Counts: map[string]int{"CONSULT": 1}, Events: 1, MeanScore: 3},
				{Period: "2025-W42", From: "RUS", To: "SYR", Counts: map[string]int{"CONSULT": 1}, Events: 1, MeanScore: 3},
				{Period: "2025-W43", From: "RUS", To: "SYR", Counts: map[string]int{"SUPPORT": 1}, Events: 1, MeanScore: 7},
			},
			n:     5,
			trend: "SYR–RUS: 5 events 2025-W30–W43, mean score +5.0 → +5.0, stable",
		},
		{
			name: "person name as actor", a: "sergey lavrov", b: "SYR", by: "",
			want: []graph.DyadRow{
				{Period: "2025-07", From: "sergey lavrov", To: "SYR", Counts: map[string]int{"CONSULT": 1}, Events: 1, MeanScore: 4},
			},
			n:     1,
			trend: "sergey lavrov–SYR: 1 event in Jul 2025, mean score +4.0",
		},
		{
			name: "no events", a: "RUS", b: "CHN", by: "month",
			trend: "RUS–CHN: no dated events",
		},
	}
	in := events(t, dyadEvents...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := graph.Dyad(in, tt.a, tt.b, tt.by)
			if err != nil {
				t.Fatalf("Dyad() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, got.Rows); diff != "" {
				t.Errorf("Rows mismatch (-want +got):\n%s", diff)
			}
			if got.Events != tt.n {
				t.Errorf("Events = %d, want %d", got.Events, tt.n)
			}
			if got.Trend != tt.trend {
				t.Errorf("Trend = %q, want %q", got.Trend, tt.trend)
			}
		})
	}
}

func TestDyadUndated(t *testing.T) {
	got, err := graph.Dyad(events(t, dyadEvents...), "RUS", "SYR", "month")
	if err != nil {
		t.Fatal(err)
	}
	if got.Undated != 1 {
		t.Errorf("Undated = %d, want 1", got.Undated)
	}
}

func TestDyadErrors(t *testing.T) {
	tests := []struct {
		name, a, b, by string
	}{
		{"bad period", "RUS", "SYR", "day"},
		{"empty actor", "RUS", " ", "month"},
		{"same actor", "RUS", "rus", "month"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := graph.Dyad(nil, tt.a, tt.b, tt.by); err == nil {
				t.Errorf("Dyad(%q, %q, %q) = %+v, want an error", tt.a, tt.b, tt.by, got)
			}
		})
	}
	_, err := graph.Dyad(nil, "RUS", "SYR", "day")
	var be *graph.ByError
	if !errors.As(err, &be) || be.By != "day" {
		t.Errorf("Dyad(by day) error = %v, want a *ByError for \"day\"", err)
	}
}

func TestDyadTrend(t *testing.T) {
	tests := []struct {
		name   string
		scores [3]float64 // July, August, September
		want   string
	}{
		{"cooperation rising", [3]float64{2, 9, 5}, "RUS–SYR: 3 events Jul–Sep 2025, mean score +2.0 → +5.0, cooperation rising"},
		{"cooperation falling", [3]float64{5, 0, 2}, "RUS–SYR: 3 events Jul–Sep 2025, mean score +5.0 → +2.0, cooperation falling"},
		{"conflict rising", [3]float64{-2, 0, -8}, "RUS–SYR: 3 events Jul–Sep 2025, mean score -2.0 → -8.0, conflict rising"},
		{"conflict easing", [3]float64{-8, 0, -2}, "RUS–SYR: 3 events Jul–Sep 2025, mean score -8.0 → -2.0, conflict easing"},
		{"turning to conflict", [3]float64{4, 0, -4}, "RUS–SYR: 3 events Jul–Sep 2025, mean score +4.0 → -4.0, turning to conflict"},
		{"turning to cooperation", [3]float64{-4, 0, 4}, "RUS–SYR: 3 events Jul–Sep 2025, mean score -4.0 → +4.0, turning to cooperation"},
		{"stable", [3]float64{4, -10, 4.4}, "RUS–SYR: 3 events Jul–Sep 2025, mean score +4.0 → +4.4, stable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := events(t,
				ev{id: "1", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-07-01", score: tt.scores[0]},
				ev{id: "2", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-08-01", score: tt.scores[1]},
				ev{id: "3", typ: "AID", actors: "RUS", recips: "SYR", date: "2025-09-01", score: tt.scores[2]},
			)
			got, err := graph.Dyad(in, "RUS", "SYR", "month")
			if err != nil {
				t.Fatal(err)
			}
			if got.Trend != tt.want {
				t.Errorf("Trend = %q, want %q", got.Trend, tt.want)
			}
		})
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		day, by, want string
	}{
		{"2025-07-24", "month", "2025-07"},
		{"2025-07-24", "", "2025-07"},
		{"2025-07-24", "week", "2025-W30"},
		{"2024-12-30", "week", "2025-W01"}, // ISO year differs
		{"2021-01-03", "week", "2020-W53"},
	}
	for _, tt := range tests {
		t.Run(tt.day+"/"+tt.by, func(t *testing.T) {
			got, err := graph.PeriodOf(date(tt.day), tt.by)
			if err != nil || got != tt.want {
				t.Errorf("PeriodOf(%s, %q) = %q, %v; want %q", tt.day, tt.by, got, err, tt.want)
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	got, err := graph.Timeline(events(t, dyadEvents...), "syr", "month")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range got.Events {
		ids = append(ids, e.ID)
	}
	if diff := cmp.Diff([]string{"e1", "e8", "e2", "e3", "e4", "e5", "e6", "e7"}, ids); diff != "" {
		t.Errorf("Events mismatch (-want +got):\n%s", diff)
	}
	want := []graph.TimelineRow{
		{Period: "2025-07", Events: 4, AsActor: 1, AsRecipient: 3, Counts: map[string]int{"CONSULT": 1, "AGREE": 1, "AID": 2}, MeanScore: 5.25},
		{Period: "2025-10", Events: 3, AsActor: 2, AsRecipient: 1, Counts: map[string]int{"CONSULT": 1, "ACCUSE": 1, "SUPPORT": 1}, MeanScore: 10.0 / 3},
	}
	if diff := cmp.Diff(want, got.Periods); diff != "" {
		t.Errorf("Periods mismatch (-want +got):\n%s", diff)
	}
	if got.Undated != 1 {
		t.Errorf("Undated = %d, want 1", got.Undated)
	}
	if _, err := graph.Timeline(nil, "SYR", "year"); err == nil {
		t.Error("Timeline(by year) succeeded, want an error")
	}
}
