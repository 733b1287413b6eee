package date

import (
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// narrativeSpan is the longest range a date may cover and still set the
// narrative date for the sentences after it: a day, a weekday, "last
// week", "September 15–20", "mid-October". A background "in 2011" or "last
// December" does not date the events that follow.
const narrativeSpan = 10 * 24 * time.Hour

// narrativeSets reports whether t may set the narrative date: a DATE or
// TIME with a range of at most narrativeSpan, not a "since" range, and,
// when past is set, not one that begins after pub: a scheduled "summit in
// mid-October" or "elections on September 15–20" does not date the past
// events told after it.
func narrativeSets(t *Timex, pub time.Time, past bool) bool {
	if t.Range == nil || (t.Type != "DATE" && t.Type != "TIME") || t.Anchor == "since" {
		return false
	}
	if t.Range.End.Sub(t.Range.Start) > narrativeSpan {
		return false
	}
	return !past || !t.Range.Start.After(pub)
}

// EventDate picks the date of an event whose trigger is at span trigger in
// sentence sent, future when "will", "plans to"... comes just before the
// trigger; see [Resolver.EventDateFor], which also reads the event's Aux.
func (r *Resolver) EventDate(timexes []Timex, sents []parley.Sentence, sent int, trigger parley.Span, published time.Time) (*parley.DateRange, string) {
	future := sent >= 0 && sent < len(sents) && futureTrigger(sents[sent].Tokens, trigger)
	return r.eventDate(timexes, sents, sent, trigger, future, published)
}

// EventDateFor picks the date of event e, reported in sentence sent:
//
//  1. the date expression of its own clause: among the dated expressions
//     of the sentence, the nearest to the trigger, preferring those not cut
//     off from it by a semicolon; intervals stay intervals
//     (parley.DateFromText). Not candidates: an expression inside a
//     quotation the trigger is not in ("he attributed it to 'shelling over
//     the past two weeks'"), a "since" range ("for the third time since
//     the summer" counts, it does not date), and, unless the event is
//     future or hypothetical (its Aux, or "will", "is to", "plans to"
//     just before the trigger), a date that begins after publication ("extended an
//     invitation to a summit in mid-October"). For "the visit came a day
//     after X held talks", X's event takes the day before the visit's and
//     an event named before the expression takes the visit's own day;
//  2. else the narrative date: the last DATE or TIME the article set
//     before the sentence that may set it (at most ten days long, and for
//     an event that is not future, not after publication)
//     (parley.DateFromNarrative);
//  3. else the publication date (parley.DateFromPublished).
//
// It returns nil, "" when nothing is known. timexes are Resolve's output
// for the article's text; sents its sentences.
func (r *Resolver) EventDateFor(timexes []Timex, sents []parley.Sentence, sent int, e *parley.Event, published time.Time) (*parley.DateRange, string) {
	future := e.Aux == parley.AuxFuture || e.Aux == parley.AuxHypothetical
	if !future && sent >= 0 && sent < len(sents) {
		future = futureTrigger(sents[sent].Tokens, e.Trigger)
	}
	return r.eventDate(timexes, sents, sent, e.Trigger, future, published)
}

func (r *Resolver) eventDate(timexes []Timex, sents []parley.Sentence, sent int, trigger parley.Span, future bool, published time.Time) (*parley.DateRange, string) {
	hasPub := !published.IsZero()
	pub := dayOf(published)
	if sent >= 0 && sent < len(sents) {
		s := sents[sent]
		tq := quoteOf(s.Tokens, trigger.Start)
		var best *parley.DateRange
		bestD := 0
		for k := range timexes {
			t := &timexes[k]
			if t.Range == nil || !s.Span.Contains(t.Span) || t.Anchor == "since" {
				continue
			}
			if quoteOf(s.Tokens, t.Span.Start) != tq {
				continue
			}
			rg := t.Range
			if t.subject != nil && trigger.End <= t.Span.Start {
				rg = t.subject
			}
			if !future && hasPub && rg.Start.After(pub) {
				continue
			}
			d := t.Span.Distance(trigger)
			if cutOff(s, t.Span, trigger) {
				d += 1 << 20
			}
			if best == nil || d < bestD {
				best, bestD = rg, d
			}
		}
		if best != nil {
			r := *best
			return &r, parley.DateFromText
		}
	}
	before := trigger.Start
	if sent >= 0 && sent < len(sents) {
		before = sents[sent].Span.Start
	}
	for k := len(timexes) - 1; k >= 0; k-- {
		t := &timexes[k]
		if t.Span.Start >= before || !narrativeSets(t, pub, hasPub && !future) {
			continue
		}
		r := *t.Range
		if t.subject != nil {
			r = *t.subject // the story goes on with the day of "the visit came a day after..."
		}
		return &r, parley.DateFromNarrative
	}
	if hasPub {
		d := parley.Day(published)
		return &d, parley.DateFromPublished
	}
	return nil, ""
}

// futureTrigger reports whether the trigger is a verb in the future:
// "will meet", "'ll attend", "is to visit", "plans to sign", "is set to
// hold", "is expected to announce". A bare infinitive ("forced the troops
// to withdraw", "agreed to form") is not future.
func futureTrigger(toks []parley.Token, trigger parley.Span) bool {
	k := len(toks)
	for i, t := range toks {
		if t.Span.Start >= trigger.Start {
			k = i
			break
		}
	}
	for i := k - 1; i >= 0 && i >= k-3; i-- {
		switch toks[i].Norm {
		case "will", "shall", "'ll":
			return true
		case "to":
			return i > 0 && futureTo[toks[i-1].Norm]
		case "not", "also", "soon", "then", "be", "again":
			continue
		}
		return false
	}
	return false
}

// futureTo are the words that make the infinitive after them future.
var futureTo = map[string]bool{
	"is": true, "are": true, "set": true, "plans": true, "plan": true,
	"planning": true, "expected": true, "scheduled": true, "due": true,
	"going": true, "intends": true, "intend": true, "aims": true,
}

// quoteOf returns the start of the opening quotation mark of the
// quotation holding byte offset at among the sentence's tokens, or -1.
// Tokens fold typographic quotes to '"', so quotation marks toggle.
func quoteOf(toks []parley.Token, at int) int {
	open := -1
	for _, t := range toks {
		if t.Span.Start >= at {
			break
		}
		if t.Norm == "\"" {
			if open >= 0 {
				open = -1
			} else {
				open = t.Span.Start
			}
		}
	}
	return open
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
