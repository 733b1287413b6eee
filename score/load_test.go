package score

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parley-events/parley"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // test data
	}
	return t
}

func TestLoadJSONL(t *testing.T) {
	got, err := Load(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join("testdata", "texts", "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Gold{Name: "gold.jsonl", Docs: []Doc{
		{ID: "a", Published: day("2024-05-02"), Text: "Syria accused Israel of strikes last week. Damascus asked Moscow for help.", Events: []GoldEvent{
			{Evidence: "Syria accused Israel", Type: "ACCUSE", AltTypes: []string{"PROTEST"},
				Actors: acts("SYR GOV"), Recipients: acts("ISR GOV"), Date: dr("2024-04-22/2024-04-28"), Mode: "disapprove"},
			{Evidence: "Damascus asked Moscow", Type: "REQUEST", Actors: acts("SYR GOV"), Recipients: acts("RUS GOV/Vladimir Putin"),
				Place: &GoldPlace{Country: "SYR"}, Aux: "future", Optional: true},
		}},
		{ID: "b", Text: string(text), Events: []GoldEvent{
			{Evidence: "met in Moscow", Type: "CONSULT", Actors: acts("RUS GOV", "IGO/Arab League"), Recipients: []parley.Actor{},
				Date: dr("2024-03"), Place: &GoldPlace{Name: "Moscow", Country: "RUS"}},
			{Evidence: "pulled out", Type: "RETREAT", Actors: acts("SYR MIL"), Recipients: []parley.Actor{}},
		}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
}

func TestLoadGSR(t *testing.T) {
	got, err := Load(filepath.Join("testdata", "gsr.json"))
	if err != nil {
		t.Fatal(err)
	}
	ref := day("2000-01-01")
	want := &Gold{Name: "gsr.json", Docs: []Doc{
		{ID: "GSR-DEMAND-0001", Published: ref, Text: "Tokyo called on Italian strikers to go back to work.", Events: []GoldEvent{
			{Type: "REQUEST", Actors: acts("JPN GOV"), Recipients: acts("ITA LAB"), Place: &GoldPlace{Name: "Rome"}},
		}},
		{ID: "GSR-DISAPPROVE-0001", Published: ref, Text: "Hanoi and Laos criticized each other.", Events: []GoldEvent{
			{Type: "ACCUSE", Actors: acts("VNM", "LAO")},
		}},
		{ID: "GSR-FIGHT-0001", Published: ref, Text: "Villagers were attacked overnight.", Events: []GoldEvent{
			{Type: "ASSAULT", Recipients: acts("SDN CVL"), Mode: "firearms"},
		}},
		{ID: "GSR-FIGHT-0001#2", Published: ref, Text: "Rebels opened a probe.", Events: []GoldEvent{
			{Type: "ACCUSE", Actors: acts("TCD REB")},
		}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
}

func TestGSRSector(t *testing.T) {
	for in, want := range map[string]string{
		"GOV": "GOV", "CVLalb": "CVL", "GOVMOS": "GOV", "REFKUR": "REF", "***": "", "": "", " MIL ": "MIL", "cvl": "CVL",
	} {
		if got := gsrSector(in); got != want {
			t.Errorf("gsrSector(%q) = %q, want %q", in, got, want)
		}
	}
}

// noFiles is a readText for gold without text files.
func noFiles(name string) ([]byte, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func TestLoadErrors(t *testing.T) {
	ev := `"type": "ACCUSE", "actor": [{"code": "SYR"}], "recipient": [{"code": "ISR"}]`
	tests := []struct {
		name string
		data string
		want []string // each must occur in the error
	}{
		{"bad JSON", `{"id": "a", "text": "x", "events": []}` + "\n" + `{"id": "b", "text": }`, []string{"g.jsonl:2:"}},
		{"unknown field", `{"id": "a", "text": "x", "events": [{` + ev + `, "alt_type": ["X"]}]}`, []string{"g.jsonl:1:", "alt_type"}},
		{"no id", `{"text": "x", "events": []}`, []string{"g.jsonl:1:", `no "id"`}},
		{"duplicate id", `{"id": "a", "text": "x"}` + "\n\n" + `{"id": "a", "text": "y"}`, []string{"g.jsonl:3:", "line 1"}},
		{"no text", `{"id": "a", "events": []}`, []string{"g.jsonl:1:", "no \"text\""}},
		{"missing text file", `{"id": "a", "text_file": "nope.txt"}`, []string{"g.jsonl:1:", "nope.txt"}},
		{"bad type", `{"id": "a", "text": "x", "events": [{"type": "DEMAND", "actor": [{"code": "SYR"}]}]}`, []string{"g.jsonl:1:", "event 1", `"DEMAND"`}},
		{"bad alt type", `{"id": "a", "text": "x", "events": [{` + ev + `, "alt_types": ["agree"]}]}`, []string{"g.jsonl:1:", `"agree"`}},
		{"bad date", `{"id": "a", "text": "x", "events": [{` + ev + `, "date": "last week"}]}`, []string{"g.jsonl:1:", "last week"}},
		{"bad code", `{"id": "a", "text": "x", "events": [{"type": "ACCUSE", "actor": [{"code": "Syria"}]}]}`, []string{"g.jsonl:1:", `"Syria"`}},
		{"bad aux", `{"id": "a", "text": "x", "events": [{` + ev + `, "aux": "maybe"}]}`, []string{"g.jsonl:1:", `"maybe"`}},
		{"no participants", `{"id": "a", "text": "x", "events": [{"type": "ACCUSE", "actor": []}]}`, []string{"g.jsonl:1:", "no actor"}},
		{"evidence not in text", `{"id": "a", "text": "x", "events": [{` + ev + `, "evidence": "y"}]}`, []string{"g.jsonl:1:", `evidence "y"`}},
		{"every error reported", `{"id": "a", "text": "x", "events": [{` + ev + `, "aux": "maybe"}]}` + "\n" + `{"id": "b"}`, []string{"g.jsonl:1:", "g.jsonl:2:"}},
		{"empty", "\n\n", []string{"g.jsonl: no documents"}},
		{"GSR bad record", "[\n{\"id\": \"x\", \"event\": \"AGREE\", \"text\": \"t\", \"source\": [{\"code\": \"USA\"}]},\n{\"id\": \"y\", \"event\": \"HUG\", \"text\": \"t\",\n \"source\": [{\"code\": \"USA\"}]}\n]", []string{"g.jsonl:3:", "record 2 (y)", `"HUG"`}},
		{"GSR syntax error", "[\n{\"id\": \"x\",\n \"event\": }\n]", []string{"g.jsonl:2:", "record 1"}},
		{"GSR bad actor list", `[{"id": "x", "event": "AGREE", "text": "t", "source": [1]}]`, []string{"g.jsonl:1:", "source"}},
		{"GSR no text", `[{"id": "x", "event": "AGREE", "source": [{"code": "USA"}]}]`, []string{"g.jsonl:1:", `no "text"`}},
		{"GSR unclosed", `[{"id": "x", "event": "AGREE", "text": "t", "source": [{"code": "USA"}]}`, []string{"g.jsonl:1:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := parse("testdata/g.jsonl", []byte(tt.data), noFiles)
			if err == nil {
				t.Fatalf("got %+v, want an error", g)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "no-such-gold.jsonl"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "no-such-gold.jsonl") {
		t.Errorf("got %v, want an error wrapping fs.ErrNotExist naming the file", err)
	}
}

// sharedGold returns the path of a file under ../../shared/gold, skipping
// the test when it is absent.
func sharedGold(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "gold", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared gold file not available (%v): skipping", err)
	}
	return p
}

func TestLoadSeeds(t *testing.T) {
	g, err := Load(sharedGold(t, "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	events, required := 0, 0
	for _, d := range g.Docs {
		if d.Text == "" || d.Published.IsZero() {
			t.Errorf("doc %s: text %d bytes, published %v; want both", d.ID, len(d.Text), d.Published)
		}
		for _, e := range d.Events {
			events++
			if !e.Optional {
				required++
			}
		}
	}
	if len(g.Docs) != 2 || events != 36 || required != 18 {
		t.Errorf("got %d docs, %d events, %d required; want 2, 36, 18", len(g.Docs), events, required)
	}
	// The gold scores itself perfectly.
	r := Score(g, predictGold(g), Options{})
	if r.FP != 0 || r.FN != 0 || r.TP == 0 || r.Name.Correct != r.Name.Total || r.Date.Correct != r.Date.Total {
		t.Errorf("gold against itself: %+v, names %+v, dates %+v; want no errors", r.Counts, r.Name, r.Date)
	}
}

func TestLoadGSRFile(t *testing.T) {
	g, err := Load(sharedGold(t, filepath.Join("plover-gsr", "PLOVER_GSR_CAMEO.json")))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Docs) != 322 {
		t.Errorf("got %d records, want 322", len(g.Docs))
	}
	ids := map[string]bool{}
	for _, d := range g.Docs {
		if ids[d.ID] {
			t.Errorf("doc ID %s given twice", d.ID)
		}
		ids[d.ID] = true
		if len(d.Events) != 1 || d.Text == "" {
			t.Fatalf("doc %s: %d events, text %q; want 1 event and a text", d.ID, len(d.Events), d.Text)
		}
		e := d.Events[0]
		if _, old := gsrTypes[e.Type]; old {
			t.Errorf("doc %s: type %s not mapped", d.ID, e.Type)
		}
		for _, a := range append(e.Actors, e.Recipients...) {
			if _, old := legacyCodes[a.Code]; old || len(a.Sector) > 3 {
				t.Errorf("doc %s: actor %+v not normalized", d.ID, a)
			}
		}
	}
	r := Score(g, predictGold(g), Options{})
	if r.FP != 0 || r.FN != 0 || r.TP < 322 {
		t.Errorf("gold against itself: %+v; want every dyad matched", r.Counts)
	}
}

// predictGold turns the gold's required events into predictions.
func predictGold(g *Gold) map[string][]parley.Event {
	out := map[string][]parley.Event{}
	for _, d := range g.Docs {
		for _, e := range d.Events {
			if e.Optional {
				continue
			}
			p := parley.Event{Type: e.Type, Actors: e.Actors, Recipients: e.Recipients, Date: e.Date, Aux: e.Aux}
			if e.Place != nil {
				p.Place = &parley.Place{Name: e.Place.Name, Country: e.Place.Country}
			}
			out[d.ID] = append(out[d.ID], p)
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"gold.jsonl", "gsr.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id": "a", "text": "x", "events": [{"type": "ACCUSE", "actor": [{"code": "SYR"}], "date": "2024-01/2023-01"}]}`))
	f.Add([]byte(`[{"id": "x", "event": "FIGHT", "text": "t", "source": "", "target": [{"code": "jap", "sector": "*"}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := parse("fuzz", data, func(string) ([]byte, error) { return []byte("text"), nil })
		if err != nil {
			return
		}
		ids := map[string]bool{}
		for _, d := range g.Docs {
			if d.ID == "" || ids[d.ID] {
				t.Errorf("doc ID %q empty or repeated", d.ID)
			}
			ids[d.ID] = true
			for _, e := range d.Events {
				if errs := checkEvent(&e); len(errs) > 0 {
					t.Errorf("doc %s: loaded an invalid event: %v", d.ID, errs)
				}
				if e.Date != nil && e.Date.End.Before(e.Date.Start) {
					t.Errorf("doc %s: date %v ends before it starts", d.ID, e.Date)
				}
			}
		}
		// Scoring the gold against itself never fails to match.
		if r := Score(g, predictGold(g), Options{}); r.FN != 0 || r.FP != 0 {
			t.Errorf("gold against itself: %+v", r.Counts)
		}
	})
}
