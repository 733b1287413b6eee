package graph_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
)

// ev builds an event: actors and recipients as "RUS", "RUS/GOV" (code and
// sector), "IGO:UN" (code and org) or "person=RUS" (a named person).
type ev struct {
	id, article, typ string
	actors, recips   string // space-separated actor specs
	date             string // "YYYY-MM-DD", a range, or "" for none
	country          string
	score            float64
	mentions         int
	aux              string
}

func (x ev) event(t testing.TB) parley.Event {
	t.Helper()
	e := parley.Event{
		ID: x.id, Article: x.article, Doc: "doc-" + x.article, Type: x.typ, Aux: x.aux,
		Actors: actors(x.actors), Recipients: actors(x.recips),
		PLOVERScore: x.score, Mentions: x.mentions,
		SentenceText: "sentence of " + x.id,
		Sentence:     parley.Span{Start: len(x.id), End: len(x.id) + 10},
	}
	if e.Mentions == 0 {
		e.Mentions = 1
	}
	if x.date != "" {
		d, err := parley.ParseDateRange(x.date)
		if err != nil {
			t.Fatalf("event %s: %v", x.id, err)
		}
		e.Date = &d
	}
	if x.country != "" {
		e.Place = &parley.Place{Name: "somewhere in " + x.country, Country: x.country}
	}
	return e
}

func actors(spec string) []parley.Actor {
	var out []parley.Actor
	for _, f := range strings.Fields(spec) {
		var a parley.Actor
		if name, code, ok := strings.Cut(f, "="); ok {
			a.Name, f = strings.ReplaceAll(name, "_", " "), code
		}
		if code, sector, ok := strings.Cut(f, "/"); ok {
			a.Code, a.Sector = code, sector
		} else if code, org, ok := strings.Cut(f, ":"); ok {
			a.Code, a.Org = code, org
		} else {
			a.Code = f
		}
		out = append(out, a)
	}
	return out
}

func events(t testing.TB, xs ...ev) []parley.Event {
	t.Helper()
	out := make([]parley.Event, len(xs))
	for i, x := range xs {
		out[i] = x.event(t)
	}
	return out
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
