// Package date finds time expressions in news text and normalizes them
// against the publication date: TIMEX3-like types and values ("2025-07-31",
// "2025-W31", "P2W", "PRESENT_REF"...) with the range of days each covers.
//
// The tagger is rule-based: its vocabulary (month and weekday names,
// number words, units, seasons, modifiers, tense cues) is the data file
// words.tsv, compiled by [NewResolver]; the grammar of news dates is Go
// code over the tokens of the text.
//
// # Resolution rules
//
//   - A date without a year ("July 31", "Jan. 5", "December") takes the
//     year that the tense of its sentence points to: past tense the latest
//     year in which it has begun by publication, future tense the earliest
//     in which it has not ended, no tense cue the year that puts it nearest
//     to publication ("Jan. 5" published 2024-12-28 is 2025-01-05). A
//     weekday given with it ("Thursday, July 31") picks the year in which
//     the weekday matches, nearest to publication.
//   - A weekday alone ("on Tuesday"): past tense or none, the latest such
//     day on or before publication, the publication day included (wire
//     copy names the day of the story by its weekday: "the company said
//     Friday" in a story of Friday); future tense, the earliest on or
//     after publication. "last Tuesday" is strictly before, "next Tuesday"
//     strictly after.
//   - "last December", "last summer": the latest one that ended before
//     publication; "next December" the earliest that begins after it; "this
//     December" the one of the publication year.
//   - "early/mid/late December": days 1–10, 11–20, 21–end (value the month,
//     Mod START/MID/END); of a year: January–April, May–August,
//     September–December; of anything else its first, middle or last third.
//   - "over the past two weeks": DURATION P2W whose Range runs from two weeks
//     before publication to publication.
//   - "a day after", "two days later", "less than a week after": anchored to
//     the last single-day date given in the same or the previous sentence (a
//     day after → +1; less than a week after → +1..+6); when there is none,
//     "later/earlier" fall back to the narrative date, "after/before" stay
//     unresolved (Value "").
//   - "later" (opening a sentence), "later that day", "the same day", "the
//     next day": the narrative date, the last date with a range the text set
//     before (plus one day for "the next day").
//   - "since the summer": the expression is "the summer"; its Range runs
//     from the start of that summer to publication (Anchor "since").
//   - "recently", "now", "the future": Value PAST_REF, PRESENT_REF,
//     FUTURE_REF with no Range.
//   - Without a publication date, relative expressions have Value "" and no
//     Range; dates without a year keep their month and day ("XXXX-07-31")
//     with no Range.
package date

import (
	"fmt"
	"sync"
	"time"

	"github.com/parley-events/parley"
)

// Timex is one time expression found in a text.
type Timex struct {
	Span parley.Span
	// Type is the TIMEX3 type: DATE, TIME, DURATION or SET.
	Type string
	// Value is the TIMEX3-like normalized value: "2025-07-31", "2025-07",
	// "2025", "2025-W30", "2025-SU", "2025-Q3", "196X" (the 1960s), "P2W",
	// "PRESENT_REF", "2025-07-31TNI", or an interval
	// "2025-07-17/2025-07-31"; "" when it cannot be resolved.
	Value string
	// Mod is the TIMEX3 modifier of early/mid/late: START, MID, END.
	Mod string `json:",omitempty"`
	// Range is the days the expression covers, when it resolves to days;
	// nil otherwise.
	Range *parley.DateRange
	// Anchor says how it was resolved: "absolute", "published",
	// "tense:past", "tense:future", "narrative", "anchor", "since".
	Anchor string
	// subject is the day of the clause before a "came a day after"
	// expression (the event it refers back to), whose Range dates the
	// clause after it.
	subject *parley.DateRange
}

// Resolver finds and normalizes time expressions. It is immutable and safe
// for concurrent use.
type Resolver struct {
	// vocab holds the words of the lexicon (words.tsv) and the words
	// that open expressions.
	vocab vocab
	// scans holds *scan values whose buffers later calls reuse.
	scans sync.Pool
}

// NewResolver builds a resolver from the embedded vocabulary.
func NewResolver() (*Resolver, error) {
	lx, err := parseLexicon("words.tsv", wordsTSV)
	if err != nil {
		return nil, fmt.Errorf("date: %w", err)
	}
	v, err := newVocab(vocabulary(lx))
	if err != nil {
		return nil, fmt.Errorf("date: vocabulary: %w", err)
	}
	return &Resolver{vocab: v}, nil
}

// Resolve returns the time expressions of text in order. published is the
// reference date; when it is zero, relative expressions stay unresolved.
// sents, when given, are the sentences of text with their tokens, used for
// sentence bounds and tense cues; without them the resolver finds its own.
func (r *Resolver) Resolve(text string, sents []parley.Sentence, published time.Time) []Timex {
	return r.resolve(text, sents, published, 0)
}

func (r *Resolver) resolve(text string, sents []parley.Sentence, published time.Time, refYear int) []Timex {
	s, _ := r.scans.Get().(*scan)
	if s == nil {
		s = new(scan)
	}
	toks := r.tokens(s.toks[:0], text)
	tn := r.findTenses(tenses{sents: s.tn.sents[:0], cues: s.tn.cues[:0]}, text, toks, sents)
	*s = scan{r: r, text: text, toks: toks, tn: tn, refYear: refYear}
	defer r.release(s)
	if !published.IsZero() {
		s.pub = dayOf(published)
		s.hasPub = true
	}
	for i := 0; i < len(toks); {
		if toks[i].rules == 0 {
			i++
			continue
		}
		m, ok := s.best(i)
		if !ok {
			i++
			continue
		}
		m.tx.Span = parley.Span{Start: toks[i].start, End: toks[m.end-1].end}
		if m.since && m.tx.Range != nil && s.hasPub && s.pub.After(m.tx.Range.Start) {
			m.tx.Range = rng(m.tx.Range.Start, s.pub)
			m.tx.Anchor = "since"
		}
		s.out = append(s.out, m.tx)
		i = m.end
	}
	return s.out
}

// release returns s to the pool, keeping its buffers but nothing of the
// text it read.
func (r *Resolver) release(s *scan) {
	clear(s.toks)
	s.text, s.out = "", nil
	r.scans.Put(s)
}
