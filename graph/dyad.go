package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// DyadRow counts one direction of a relationship in one period.
type DyadRow struct {
	Period    string         `json:"period"` // "2025-07" or "2025-W31"
	From      string         `json:"from"`
	To        string         `json:"to"`
	Counts    map[string]int `json:"counts"` // events by PLOVER category
	Events    int            `json:"events"`
	MeanScore float64        `json:"mean_score"` // mean PLOVERScore of the events
}

// DyadReport is how the relationship between A and B moved over time.
type DyadReport struct {
	A  string `json:"a"`
	B  string `json:"b"`
	By string `json:"by"` // "month" or "week"
	// Rows are the non-empty (period, direction) cells, by period, then
	// A→B before B→A.
	Rows []DyadRow `json:"rows"`
	// Events counts the distinct dated events between A and B; a joint
	// event counts in both directions' rows but once here.
	Events int `json:"events"`
	// Undated counts events between A and B without a date, left out of
	// the rows.
	Undated int `json:"undated"`
	// Trend says in one line how the relationship moved, e.g.
	// "RUS–SYR: 12 events Jul–Oct 2025, mean score +4.1 → +5.3, cooperation rising".
	Trend string `json:"trend"`
}

// Dyad counts the events between a and b per period (by "month", the
// default, or ISO "week") and direction: an event goes from a to b when an
// actor answers a and a recipient answers b. A reciprocal event (CONSULT,
// or AGREE without recipients) with both on the same side, as in "Russia and
// Syria held talks", is joint and counts in both directions.
//
// The trend compares the mean PLOVER score of the events in the first half
// of the periods with that of the second half (the middle period of an odd
// number is left out); a change under 0.5 is "stable".
func Dyad(events []parley.Event, a, b string, by string) (*DyadReport, error) {
	a, b, by, err := dyadArgs(a, b, by)
	if err != nil {
		return nil, err
	}
	r := &DyadReport{A: a, B: b, By: by}
	type cell struct {
		period string
		back   bool // B→A
	}
	cells := map[cell]*tally{}
	periods := map[string]*tally{} // both directions, each event once
	add := func(c cell, e *parley.Event) {
		t := cells[c]
		if t == nil {
			t = &tally{}
			cells[c] = t
		}
		t.add(e)
	}
	for i := range events {
		e := &events[i]
		fwd := anyMatches(e.Actors, a) && anyMatches(e.Recipients, b)
		back := anyMatches(e.Actors, b) && anyMatches(e.Recipients, a)
		if !fwd && !back && reciprocal(e) &&
			(anyMatches(e.Actors, a) && anyMatches(e.Actors, b) || anyMatches(e.Recipients, a) && anyMatches(e.Recipients, b)) {
			fwd, back = true, true
		}
		if !fwd && !back {
			continue
		}
		if e.Date == nil {
			r.Undated++
			continue
		}
		p, _ := PeriodOf(e.Date.Start, by) // by is checked above
		if fwd {
			add(cell{p, false}, e)
		}
		if back {
			add(cell{p, true}, e)
		}
		t := periods[p]
		if t == nil {
			t = &tally{}
			periods[p] = t
		}
		t.add(e)
		r.Events++
	}
	for c, t := range cells {
		row := DyadRow{Period: c.period, From: a, To: b, Counts: t.counts, Events: t.n, MeanScore: t.mean()}
		if c.back {
			row.From, row.To = b, a
		}
		r.Rows = append(r.Rows, row)
	}
	slices.SortFunc(r.Rows, func(x, y DyadRow) int {
		return cmp.Or(strings.Compare(x.Period, y.Period), cmp.Compare(btoi(x.From != a), btoi(y.From != a)))
	})
	r.Trend = trend(a+"–"+b, by, periods)
	return r, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dyadArgs checks and normalizes the arguments of a dyad query: two
// different actors and a period ("month" by default, or "week").
func dyadArgs(a, b, by string) (string, string, string, error) {
	if by == "" {
		by = ByMonth
	}
	if by != ByMonth && by != ByWeek {
		return "", "", "", &ByError{By: by}
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return "", "", "", errors.New("graph: dyad needs two actors")
	}
	if strings.EqualFold(a, b) {
		return "", "", "", fmt.Errorf("graph: dyad of %q with itself", a)
	}
	return a, b, by, nil
}

// tally accumulates events: counts by category and the score sum.
type tally struct {
	counts map[string]int
	n      int
	sum    float64
}

func (t *tally) add(e *parley.Event) {
	if t.counts == nil {
		t.counts = map[string]int{}
	}
	t.counts[e.Type]++
	t.n++
	t.sum += e.PLOVERScore
}

func (t *tally) mean() float64 {
	if t.n == 0 {
		return 0
	}
	return t.sum / float64(t.n)
}

// trend writes the one-line summary of per-period tallies.
func trend(name, by string, periods map[string]*tally) string {
	if len(periods) == 0 {
		return name + ": no dated events"
	}
	ps := make([]string, 0, len(periods))
	var all tally
	for p, t := range periods {
		ps = append(ps, p)
		all.n += t.n
		all.sum += t.sum
	}
	slices.Sort(ps)
	span := periodSpan(ps[0], ps[len(ps)-1], by)
	noun := "events"
	if all.n == 1 {
		noun = "event"
	}
	if len(ps) == 1 {
		return fmt.Sprintf("%s: %d %s %s, mean score %+.1f", name, all.n, noun, span, all.mean())
	}
	var early, late tally
	for i, p := range ps {
		t := periods[p]
		switch {
		case i < len(ps)/2:
			early.n += t.n
			early.sum += t.sum
		case i >= (len(ps)+1)/2:
			late.n += t.n
			late.sum += t.sum
		}
	}
	x, y := early.mean(), late.mean()
	return fmt.Sprintf("%s: %d %s %s, mean score %+.1f → %+.1f, %s", name, all.n, noun, span, x, y, direction(x, y))
}

// direction names the move of the mean score from x to y.
func direction(x, y float64) string {
	switch d := y - x; {
	case d > -0.5 && d < 0.5:
		return "stable"
	case x >= 0 && y >= 0:
		if d > 0 {
			return "cooperation rising"
		}
		return "cooperation falling"
	case x < 0 && y < 0:
		if d < 0 {
			return "conflict rising"
		}
		return "conflict easing"
	case y >= 0:
		return "turning to cooperation"
	}
	return "turning to conflict"
}

// periodSpan writes the periods from p to q for people: "in Jul 2025",
// "Jul–Oct 2025", "Nov 2025–Feb 2026", "2025-W31–W40".
func periodSpan(p, q, by string) string {
	if by == ByWeek {
		switch {
		case p == q:
			return "in " + p
		case p[:4] == q[:4]:
			return p + "–" + q[5:]
		}
		return p + "–" + q
	}
	s, err1 := time.Parse("2006-01", p)
	t, err2 := time.Parse("2006-01", q)
	if err1 != nil || err2 != nil {
		return p + "–" + q
	}
	switch {
	case p == q:
		return "in " + s.Format("Jan 2006")
	case s.Year() == t.Year():
		return s.Format("Jan") + "–" + t.Format("Jan 2006")
	}
	return s.Format("Jan 2006") + "–" + t.Format("Jan 2006")
}

// TimelineRow counts an actor's events in one period.
type TimelineRow struct {
	Period      string         `json:"period"`
	Events      int            `json:"events"`
	AsActor     int            `json:"as_actor"`     // events where it acts
	AsRecipient int            `json:"as_recipient"` // events where it is acted on
	Counts      map[string]int `json:"counts"`
	MeanScore   float64        `json:"mean_score"`
}

// TimelineReport is one actor's events through time.
type TimelineReport struct {
	Actor string `json:"actor"`
	By    string `json:"by"`
	// Events are the actor's events by date (undated last), then ID.
	Events  []parley.Event `json:"events"`
	Periods []TimelineRow  `json:"periods"` // non-empty periods, in order
	Undated int            `json:"undated"`
}

// Timeline returns the events in which an actor or recipient answers actor,
// ordered by date, with counts per period (by "month", the default, or ISO
// "week"). It fails only on a bad by or an empty actor.
func Timeline(events []parley.Event, actor string, by string) (*TimelineReport, error) {
	if by == "" {
		by = ByMonth
	}
	if by != ByMonth && by != ByWeek {
		return nil, &ByError{By: by}
	}
	actor = strings.TrimSpace(actor)
	if actor == "" {
		return nil, errors.New("graph: timeline needs an actor")
	}
	r := &TimelineReport{Actor: actor, By: by}
	rows := map[string]*TimelineRow{}
	tallies := map[string]*tally{}
	for i := range events {
		e := &events[i]
		act, rec := anyMatches(e.Actors, actor), anyMatches(e.Recipients, actor)
		if !act && !rec {
			continue
		}
		r.Events = append(r.Events, *e)
		if e.Date == nil {
			r.Undated++
			continue
		}
		p, _ := PeriodOf(e.Date.Start, by)
		row := rows[p]
		if row == nil {
			row = &TimelineRow{Period: p}
			rows[p] = row
			tallies[p] = &tally{}
		}
		tallies[p].add(e)
		if act {
			row.AsActor++
		}
		if rec {
			row.AsRecipient++
		}
	}
	slices.SortFunc(r.Events, func(x, y parley.Event) int { return compareEvents(&x, &y) })
	for p, row := range rows {
		t := tallies[p]
		row.Events, row.Counts, row.MeanScore = t.n, t.counts, t.mean()
		r.Periods = append(r.Periods, *row)
	}
	slices.SortFunc(r.Periods, func(x, y TimelineRow) int { return strings.Compare(x.Period, y.Period) })
	return r, nil
}
