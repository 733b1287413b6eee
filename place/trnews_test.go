package place_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-events/parley/score"
	"github.com/parley-events/parley/sentence"
)

// TestTRNews runs Locate over TR-News and scores it with score.ScoreGeo,
// logging the measures and asserting floors a little below what the
// resolver reaches, so a regression fails.
func TestTRNews(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "gold", "geo", "TR-News.xml")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("TR-News gold not available (%v): skipping the evaluation", err)
	}
	docs, err := score.LoadTRNews(path)
	if err != nil {
		t.Fatal(err)
	}
	g := mustDefault(t)
	split := sentence.NewSplitter()
	pred := map[string][]score.GeoPrediction{}
	for _, d := range docs {
		for _, m := range g.Locate(d.Text, split.Split(d.Text)) {
			p := score.GeoPrediction{Span: m.Span, Unresolved: m.Feature == nil}
			if m.Feature != nil {
				p.Lat, p.Lon, p.Country = m.Feature.Lat, m.Feature.Lon, m.Feature.Country
			}
			pred[d.ID] = append(pred[d.ID], p)
		}
	}
	r := score.ScoreGeo(docs, pred)
	var b strings.Builder
	if err := r.WriteTable(&b, testing.Verbose() && os.Getenv("TRNEWS_VERBOSE") != ""); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"recall", r.Recall, 0.80},
		{"precision", r.Precision, 0.88},
		{"within 161 km matched", r.Within161Matched.Accuracy, 0.84},
		{"country matched", r.CountryMatched.Accuracy, 0.92},
	} {
		if c.got < c.floor {
			t.Errorf("%s = %.3f, want at least %.2f", c.name, c.got, c.floor)
		}
	}
}
