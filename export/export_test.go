package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-events/parley"
)

func sample() []parley.Event {
	d, _ := parley.ParseDateRange("2025-07-17/2025-07-31")
	return []parley.Event{
		{
			ID: "e1", Doc: "doc-1", Article: "k1", Type: "CONSULT", Mode: "visit",
			Actors:     []parley.Actor{{Code: "SYR", Sector: "GOV", Name: "Asaad al-Shibani"}, {Code: "SYR", Sector: "MIL"}},
			Recipients: []parley.Actor{{Code: "RUS", Sector: "GOV"}},
			Date:       &d, DateSource: parley.DateFromText,
			Place: &parley.Place{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62},
			CAMEO: "042", Goldstein: 1.9, PLOVERScore: 4,
			Sentence: parley.Span{Start: 0, End: 30}, SentenceText: "Moscow hosted, \"quoted\", text\nwith a line break",
			Mentions: 2,
		},
		{ID: "e2", Doc: "doc-2", Type: "RETREAT", Actors: []parley.Actor{{Code: "SYR", Sector: "MIL"}}},
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("CSV output does not read back: %v", err)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want header + 2", len(rows))
	}
	if diff := cmp.Diff(CSVHeader, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	get := func(row []string, col string) string {
		for i, h := range CSVHeader {
			if h == col {
				return row[i]
			}
		}
		t.Fatalf("no column %q", col)
		return ""
	}
	for col, want := range map[string]string{
		"actor_code": "SYR;SYR", "actor_sector": "GOV;MIL", "actor_name": "Asaad al-Shibani;",
		"recipient_code": "RUS", "date": "2025-07-17/2025-07-31", "place_lat": "55.75",
		"sentence": "Moscow hosted, \"quoted\", text\nwith a line break", "mentions": "2", "goldstein": "1.9",
	} {
		if got := get(rows[1], col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
	if got := get(rows[2], "date"); got != "" {
		t.Errorf("undated event: date = %q, want empty", got)
	}
}

func TestJSONL(t *testing.T) {
	var b bytes.Buffer
	evs := sample()
	if err := JSONL(&b, evs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("got %d lines, want %d", len(lines), len(evs))
	}
	for i, l := range lines {
		var e parley.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if e.ID != evs[i].ID || e.Type != evs[i].Type || len(e.Actors) != len(evs[i].Actors) {
			t.Errorf("line %d reads back as %+v", i+1, e)
		}
	}
}

func TestTableAndWrite(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "table", sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"CONSULT", "SYR GOV (Asaad al-Shibani) + SYR MIL", "RUS GOV", "2025-07-17/2025-07-31"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "text\nwith") {
		t.Error("table keeps a line break inside a sentence")
	}
	if err := Write(&b, "xml", nil); err == nil {
		t.Error("Write accepted an unknown format")
	}
}
