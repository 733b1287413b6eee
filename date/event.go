package date

import (
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// narrativeSpan is the longest range a date may cover and still set the
// narrative date for the sentences after it: a background "in 2011" does
// not date the events that follow.
const narrativeSpan = 31 * 24 * time.Hour

// EventDate picks the date of an event whose trigger is at span trigger in
// sentence sent:
//
//  1. the date expression of its own clause: among the dated expressions
//     of the sentence, the nearest to the trigger, preferring those not cut
//     off from it by a semicolon; intervals stay intervals
//     (parley.DateFromText);
//  2. else the narrative date: the last DATE or TIME the article set
//     before the sentence, when it covers at most a month
//     (parley.DateFromNarrative);
//  3. else the publication date (parley.DateFromPublished).
//
// It returns nil, "" when nothing is known. timexes are Resolve's output
// for the article's text; sents its sentences.
func (r *Resolver) EventDate(timexes []Timex, sents []parley.Sentence, sent int, trigger parley.Span, published time.Time) (*parley.DateRange, string) {
	if sent >= 0 && sent < len(sents) {
		sp := sents[sent].Span
		var best *Timex
		bestD := 0
		for k := range timexes {
			t := &timexes[k]
			if t.Range == nil || !sp.Contains(t.Span) {
				continue
			}
			d := distance(t.Span, trigger)
			if cutOff(sents[sent], t.Span, trigger) {
				d += 1 << 20
			}
			if best == nil || d < bestD {
				best, bestD = t, d
			}
		}
		if best != nil {
			r := *best.Range
			return &r, parley.DateFromText
		}
	}
	before := trigger.Start
	if sent >= 0 && sent < len(sents) {
		before = sents[sent].Span.Start
	}
	for k := len(timexes) - 1; k >= 0; k-- {
		t := timexes[k]
		if t.Span.Start >= before || t.Range == nil || (t.Type != "DATE" && t.Type != "TIME") {
			continue
		}
		if t.Range.End.Sub(t.Range.Start) > narrativeSpan {
			continue
		}
		r := *t.Range
		return &r, parley.DateFromNarrative
	}
	if !published.IsZero() {
		d := parley.Day(published)
		return &d, parley.DateFromPublished
	}
	return nil, ""
}

func distance(a, b parley.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// cutOff reports whether a semicolon stands between spans a and b in the
// sentence.
func cutOff(s parley.Sentence, a, b parley.Span) bool {
	lo, hi := min(a.End, b.End), max(a.Start, b.Start)
	for _, t := range s.Tokens {
		if t.Span.Start >= lo && t.Span.End <= hi && (t.Norm == ";" || strings.HasPrefix(t.Norm, ";")) {
			return true
		}
	}
	return false
}
