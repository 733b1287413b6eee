package graph_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

var (
	synthCodes = []string{"AFG", "ARE", "ARM", "AZE", "BLR", "CHN", "DEU", "EGY", "FRA", "GBR",
		"IND", "IRN", "IRQ", "ISR", "JOR", "KAZ", "LBN", "LBY", "PAK", "PSE",
		"QAT", "RUS", "SAU", "SDN", "SYR", "TUR", "UKR", "USA", "YEM", "ZAF"}
	synthSectors = []string{"", "GOV", "MIL", "OPP", "CVL"}
	synthTypes   = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	synthOrgs = []string{"UN", "NATO", "ICRC", "WHO", "OPEC"}
)

// syntheticEvents makes n events deterministically: articles of about five
// events each, many reporting the same dyads on nearby days, so Merge has
// work to do.
func syntheticEvents(n int) []parley.Event {
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	actor := func() parley.Actor {
		if r.IntN(20) == 0 {
			return parley.Actor{Code: "IGO", Org: synthOrgs[r.IntN(len(synthOrgs))]}
		}
		// Skewed so a few actors are busy, as in news.
		i := min(r.IntN(len(synthCodes)), r.IntN(len(synthCodes)))
		return parley.Actor{Code: synthCodes[i], Sector: synthSectors[r.IntN(len(synthSectors))]}
	}
	out := make([]parley.Event, n)
	for i := range out {
		art := fmt.Sprintf("art%06d", i/5)
		e := parley.Event{
			ID: fmt.Sprintf("ev%07d", i), Article: art, Doc: "doc-" + art,
			Type:         synthTypes[r.IntN(len(synthTypes))],
			Actors:       []parley.Actor{actor()},
			SentenceText: "synthetic sentence",
			Sentence:     parley.Span{Start: r.IntN(1000), End: 1000 + r.IntN(1000)},
			PLOVERScore:  float64(r.IntN(21) - 10),
			Mentions:     1 + r.IntN(2),
		}
		if r.IntN(10) > 0 {
			e.Recipients = []parley.Actor{actor()}
		} else {
			e.Actors = append(e.Actors, actor())
		}
		if r.IntN(20) > 0 {
			d := parley.Day(base.AddDate(0, 0, r.IntN(365)))
			e.Date = &d
		}
		if r.IntN(3) == 0 {
			e.Place = &parley.Place{Country: synthCodes[r.IntN(len(synthCodes))]}
		}
		out[i] = e
	}
	return out
}

func BenchmarkMerge(b *testing.B) {
	evs := syntheticEvents(100_000)
	b.ReportAllocs()
	for b.Loop() {
		graph.Merge(evs)
	}
	b.ReportMetric(float64(len(evs)), "events/op")
}

func BenchmarkNetwork(b *testing.B) {
	evs := syntheticEvents(100_000)
	for _, bySector := range []bool{false, true} {
		b.Run(fmt.Sprintf("bySector=%t", bySector), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				graph.BuildNetwork(evs, graph.NetworkOptions{BySector: bySector})
			}
		})
	}
}

func BenchmarkBrokers(b *testing.B) {
	evs := syntheticEvents(100_000)
	b.ReportAllocs()
	for b.Loop() {
		graph.Brokers(evs, "IRN", "SYR")
	}
}

func BenchmarkDyad(b *testing.B) {
	evs := syntheticEvents(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := graph.Dyad(evs, "RUS", "SYR", graph.ByWeek); err != nil {
			b.Fatal(err)
		}
	}
}
