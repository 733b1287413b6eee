package score

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-events/parley"
)

// synthetic builds a gold of docs documents, each with events events over a
// few countries, and predictions that get about two thirds of them.
func synthetic(docs, events int) (*Gold, map[string][]parley.Event) {
	codes := []string{"RUS", "SYR", "IRN", "ISR", "USA", "TUR"}
	types := []string{"CONSULT", "ACCUSE", "AGREE", "SUPPORT", "ASSAULT"}
	g := &Gold{Name: "synthetic"}
	pred := map[string][]parley.Event{}
	for d := range docs {
		doc := Doc{ID: fmt.Sprintf("d%d", d)}
		for i := range events {
			a := parley.Actor{Code: codes[i%len(codes)], Sector: "GOV", Name: fmt.Sprintf("Person %d", i%7)}
			r := parley.Actor{Code: codes[(i+d+1)%len(codes)], Sector: "GOV"}
			e := GoldEvent{Type: types[i%len(types)], Actors: []parley.Actor{a}, Recipients: []parley.Actor{r}, Date: dr("2025-07-01/2025-07-31"), Optional: i%5 == 4}
			doc.Events = append(doc.Events, e)
			if i%3 != 2 {
				pred[doc.ID] = append(pred[doc.ID], parley.Event{Type: e.Type, Actors: e.Actors, Recipients: e.Recipients, Date: dr("2025-07-10")})
			}
			if i%4 == 0 {
				pred[doc.ID] = append(pred[doc.ID], parley.Event{Type: types[(i+1)%len(types)], Actors: e.Recipients, Recipients: e.Actors})
			}
		}
		g.Docs = append(g.Docs, doc)
	}
	return g, pred
}

func BenchmarkScore(b *testing.B) {
	for _, n := range []int{10, 40} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			g, pred := synthetic(20, n)
			b.ReportAllocs()
			for b.Loop() {
				Score(g, pred, Options{})
			}
		})
	}
}

func BenchmarkLoadGSR(b *testing.B) {
	path := sharedGold(b, filepath.Join("plover-gsr", "PLOVER_GSR_CAMEO.json"))
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(path, data, noFiles); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScoreGSR(b *testing.B) {
	g, err := Load(sharedGold(b, filepath.Join("plover-gsr", "PLOVER_GSR_CAMEO.json")))
	if err != nil {
		b.Fatal(err)
	}
	pred := predictGold(g)
	b.ReportAllocs()
	for b.Loop() {
		Score(g, pred, Options{})
	}
}
