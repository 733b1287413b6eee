package parley

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Syria and Russia met.", "Syria and Russia met.", true},
		{"Syria and Russia met.", "\n  Syria and\tRussia   met.\n", true},
		{"Syria and Russia met.", "Syria and Russia met!", false},
		{"Syria and Russia\n\nmet.", "Syria and Russia met.", true},
		{"", "   ", true},
	}
	for _, tt := range tests {
		if got := Key(tt.a) == Key(tt.b); got != tt.same {
			t.Errorf("Key(%q) == Key(%q) is %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if k := Key("x"); len(k) != 32 {
		t.Errorf("Key is %d hex digits, want 32", len(k))
	}
}

func TestParseDateRange(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		in         string
		start, end string
		bad        bool
	}{
		{in: "2025-07-31", start: "2025-07-31", end: "2025-07-31"},
		{in: "2024-12", start: "2024-12-01", end: "2024-12-31"},
		{in: "2024-02", start: "2024-02-01", end: "2024-02-29"},
		{in: "2025", start: "2025-01-01", end: "2025-12-31"},
		{in: "2025-10-13/2025-10-19", start: "2025-10-13", end: "2025-10-19"},
		{in: "2025-10/2025-11", start: "2025-10-01", end: "2025-11-30"},
		{in: "2025-10-19/2025-10-13", bad: true},
		{in: "last week", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseDateRange(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseDateRange(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDateRange(%q): %v", tt.in, err)
			continue
		}
		want := DateRange{Start: day(tt.start), End: day(tt.end)}
		if got != want {
			t.Errorf("ParseDateRange(%q) = %v, want %v", tt.in, got, want)
		}
	}
}

func TestDateRangeWithin(t *testing.T) {
	week, _ := ParseDateRange("2025-10-13/2025-10-19")
	in, _ := ParseDateRange("2025-10-15")
	out, _ := ParseDateRange("2025-10-20")
	if !in.Within(week) || out.Within(week) || !week.Within(week) {
		t.Errorf("Within: %v in %v = %v, %v in %v = %v", in, week, in.Within(week), out, week, out.Within(week))
	}
}

func TestEventJSONRoundTrip(t *testing.T) {
	d, _ := ParseDateRange("2025-07-17/2025-07-31")
	e := Event{
		ID: "abc", Article: "k", Doc: "doc-1", Type: "ASSAULT", Mode: "heavy-weapons", Aux: AuxNegation,
		Context: []string{"military"},
		Actors:  []Actor{{Code: "ISR", Sector: "MIL"}}, Recipients: []Actor{{Code: "SYR"}},
		ClaimedBy: []Actor{{Code: "SYR", Sector: "GOV", Name: "Asaad al-Shibani", Title: "foreign minister"}},
		Date:      &d, DateSource: DateFromText,
		Place: &Place{Name: "Suwayda", Country: "SYR", Lat: 32.7, Lon: 36.57},
		CAMEO: "194", Goldstein: -10, PLOVERScore: -9.5,
		Sentence: Span{10, 90}, SentenceText: "s", Trigger: Span{20, 27}, Mentions: 2,
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "doc", "type", "mode", "aux", "context", "actor", "recipient", "date", "place", "cameo", "goldstein", "plover_score", "sentence", "span", "mentions"} {
		if _, ok := m[k]; !ok {
			t.Errorf("event JSON lacks %q: %s", k, b)
		}
	}
	if m["date"] != "2025-07-17/2025-07-31" {
		t.Errorf("date = %v, want the interval", m["date"])
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	// An event with no date, place or recipients writes null and [].
	b, _ = json.Marshal(Event{ID: "x", Type: "RETREAT", Actors: []Actor{{Code: "SYR", Sector: "MIL"}}})
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["date"] != nil || m["place"] != nil {
		t.Errorf("date %v, place %v: want null", m["date"], m["place"])
	}
	if r, ok := m["recipient"].([]any); !ok || len(r) != 0 {
		t.Errorf("recipient = %v, want []", m["recipient"])
	}
}

func TestRoleValidOn(t *testing.T) {
	from, _ := time.Parse(time.DateOnly, "2024-12-08")
	r := Role{Code: "SYR", Sector: "GOV", ValidFrom: from}
	before, _ := time.Parse(time.DateOnly, "2024-12-07")
	if r.ValidOn(before) || !r.ValidOn(from) || !r.ValidOn(time.Time{}) {
		t.Error("ValidOn is wrong at the boundaries")
	}
}

func TestSpanDistance(t *testing.T) {
	tests := []struct {
		a, b Span
		want int
	}{
		{Span{0, 5}, Span{8, 10}, 3},
		{Span{8, 10}, Span{0, 5}, 3},
		{Span{0, 5}, Span{5, 7}, 0},
		{Span{0, 5}, Span{3, 9}, 0},
	}
	for _, tt := range tests {
		if got := tt.a.Distance(tt.b); got != tt.want {
			t.Errorf("%v.Distance(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
