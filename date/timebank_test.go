package date

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley/score"
	"github.com/parley-events/parley/sentence"
)

var timebankDir = filepath.Join("..", "..", "shared", "gold", "time")

// TestTimeBank runs the resolver over TimeBank and AQUAINT with each
// document's creation time and reports extraction F1 and value accuracy.
// It asserts only floors a little below what the resolver reaches.
func TestTimeBank(t *testing.T) {
	if _, err := os.Stat(timebankDir); err != nil {
		t.Skipf("TimeBank/AQUAINT gold not found at %s (the shared gold directory is absent): %v", timebankDir, err)
	}
	docs, err := score.LoadTimeMLDir(timebankDir)
	if err != nil {
		t.Fatal(err)
	}
	r := mustResolver(t)
	sp := sentence.NewSplitter()
	pred := map[string][]score.TimexPrediction{}
	for _, d := range docs {
		for _, x := range r.Resolve(d.Text, sp.Split(d.Text), d.DCT) {
			pred[d.Name] = append(pred[d.Name], score.TimexPrediction{Span: x.Span, Type: x.Type, Value: x.Value})
		}
	}
	rep := score.ScoreTimex(docs, pred)
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("TimeBank+AQUAINT:\n%s", b.String())
	if os.Getenv("TIMEX_DEBUG") != "" {
		dumpErrors(t, docs, pred)
	}
	dt := rep.Group(score.TimexDateTime)
	const minF1, minValue = 0.85, 0.80
	if dt.Relaxed.F1 < minF1 {
		t.Errorf("DATE+TIME relaxed F1 = %.3f, want at least %.2f", dt.Relaxed.F1, minF1)
	}
	if dt.Value.Accuracy < minValue {
		t.Errorf("DATE+TIME value accuracy = %.3f, want at least %.2f", dt.Value.Accuracy, minValue)
	}
}

func dumpErrors(t *testing.T, docs []*score.TimexDoc, pred map[string][]score.TimexPrediction) {
	for _, d := range docs {
		ps := pred[d.Name]
		used := make([]bool, len(ps))
		for _, g := range d.Timexes {
			if g.Type != "DATE" && g.Type != "TIME" {
				continue
			}
			hit := -1
			for k, p := range ps {
				if !used[k] && p.Span.Overlaps(g.Span) {
					hit = k
					break
				}
			}
			if hit < 0 {
				t.Logf("MISS %s %s %q %s", d.Name, d.DCT.Format("2006-01-02"), g.Span.In(d.Text), g.Value)
				continue
			}
			used[hit] = true
			if ps[hit].Value != g.Value {
				t.Logf("VALUE %s %s %q gold=%s got %q=%s", d.Name, d.DCT.Format("2006-01-02 Mon"), g.Span.In(d.Text), g.Value, ps[hit].Span.In(d.Text), ps[hit].Value)
			}
		}
		for k, p := range ps {
			if !used[k] && (p.Type == "DATE" || p.Type == "TIME") {
				gold := false
				for _, g := range d.Timexes {
					if g.Span.Overlaps(p.Span) {
						gold = true
					}
				}
				if !gold {
					t.Logf("FP %s %q %s", d.Name, p.Span.In(d.Text), p.Value)
				}
			}
		}
	}
}
