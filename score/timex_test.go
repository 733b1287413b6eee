package score

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

func TestLoadTimeML(t *testing.T) {
	d, err := LoadTimeML(filepath.Join("testdata", "timex.tml"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "timex" || !d.DCT.Equal(time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("name %q DCT %v, want timex 2025-08-01", d.Name, d.DCT)
	}
	var got []string
	for _, x := range d.Timexes {
		got = append(got, x.Span.In(d.Text)+"|"+x.Type+"|"+x.Value)
	}
	want := []string{"Tuesday|DATE|2025-07-29", "three hours|DURATION|PT3H", "weekly|SET|P1W", "now|DATE|PRESENT_REF"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timexes (-want +got):\n%s", diff)
	}
	if !strings.Contains(d.Text, "Talks & a truce") {
		t.Errorf("text %q: entities not decoded", d.Text)
	}
}

func TestLoadTimeMLErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tml")
	if err := os.WriteFile(bad, []byte("<TimeML><TEXT><TIMEX3 type=\"DATE\">x</TEXT></TimeML>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTimeML(bad); err == nil || !strings.Contains(err.Error(), "bad.tml") {
		t.Errorf("LoadTimeML(bad) error = %v, want one naming the file", err)
	}
	if _, err := LoadTimeML(filepath.Join(dir, "missing.tml")); err == nil {
		t.Error("LoadTimeML(missing) = nil error")
	}
}

func TestScoreTimex(t *testing.T) {
	sp := func(a, b int) parley.Span { return parley.Span{Start: a, End: b} }
	docs := []*TimexDoc{{
		Name: "d",
		Timexes: []GoldTimex{
			{sp(0, 10), "DATE", "2025-07-29"},     // exact, right value
			{sp(20, 30), "DATE", "2025-07"},       // overlapped, wrong value
			{sp(40, 50), "TIME", "2025-07-29TNI"}, // missed
			{sp(60, 70), "DURATION", "P2W"},       // found as DATE: wrong group
		},
	}, {Name: "unpredicted", Timexes: []GoldTimex{{sp(0, 5), "SET", "P1D"}}}}
	pred := map[string][]TimexPrediction{"d": {
		{sp(0, 10), "DATE", "2025-07-29"},
		{sp(25, 35), "DATE", "2025-08"},
		{sp(26, 28), "DATE", "2025-08"}, // second overlap: one to one, so a false positive
		{sp(60, 70), "DATE", "P2W"},
		{sp(80, 90), "TIME", "2025-07-30T10:00"},
	}}
	rep := ScoreTimex(docs, pred)
	dt := rep.Group(TimexDateTime)
	// DATE+TIME: 3 gold, 5 predicted, 2 relaxed matches, 1 strict.
	if dt.Relaxed.TP != 2 || dt.Relaxed.FP != 3 || dt.Relaxed.FN != 1 {
		t.Errorf("DATE+TIME relaxed = %+v, want TP 2 FP 3 FN 1", dt.Relaxed)
	}
	if dt.Strict.TP != 1 || dt.Strict.FP != 4 || dt.Strict.FN != 2 {
		t.Errorf("DATE+TIME strict = %+v, want TP 1 FP 4 FN 2", dt.Strict)
	}
	if dt.Value.Correct != 1 || dt.Value.Total != 2 || dt.Value.Accuracy != 0.5 {
		t.Errorf("DATE+TIME value = %+v, want 1/2", dt.Value)
	}
	if got, want := dt.Relaxed.F1, 2*0.4*(2.0/3)/(0.4+2.0/3); !near(got, want) {
		t.Errorf("DATE+TIME relaxed F1 = %v, want %v", got, want)
	}
	du := rep.Group(TimexDuration)
	if du.Relaxed.TP != 0 || du.Relaxed.FN != 1 || du.Relaxed.FP != 0 {
		t.Errorf("DURATION relaxed = %+v, want TP 0 FP 0 FN 1", du.Relaxed)
	}
	set := rep.Group(TimexSet)
	if set.Relaxed.FN != 1 {
		t.Errorf("SET relaxed = %+v, want FN 1 (unpredicted document)", set.Relaxed)
	}
	all := rep.Group(TimexAll)
	// All types: 5 gold, 5 predicted; matches 0-10, 20-30, 60-70.
	if all.Relaxed.TP != 3 || all.Type.Correct != 2 || all.Type.Total != 3 {
		t.Errorf("all = relaxed %+v type %+v, want TP 3, type 2/3", all.Relaxed, all.Type)
	}
	var b bytes.Buffer
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "DATE+TIME") || !strings.Contains(b.String(), "0.500") {
		t.Errorf("table lacks the DATE+TIME row or its value accuracy:\n%s", b.String())
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back TimexReport
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rep, &back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestLoadTimeMLDir(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "gold", "time")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("TimeBank/AQUAINT gold not found at %s (the shared gold directory is absent): %v", dir, err)
	}
	docs, err := LoadTimeMLDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		if d.DCT.IsZero() {
			t.Errorf("%s: no DCT", d.Name)
		}
		for _, x := range d.Timexes {
			if s := x.Span.In(d.Text); s == "" || strings.TrimSpace(s) != s {
				t.Errorf("%s: timex %v %q is empty or untrimmed", d.Name, x.Span, s)
			}
		}
		n += len(d.Timexes)
	}
	if len(docs) < 250 || n < 1800 {
		t.Errorf("%d documents, %d timexes; want TimeBank+AQUAINT (256, 1822)", len(docs), n)
	}
	t.Logf("%d documents, %d timexes", len(docs), n)
}
