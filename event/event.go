// Package event is parley's PLOVER event coder: lexicons of event verbs
// and nouns (data/events) find triggers in a sentence, and the dependency
// parse of that sentence (a Parser, given to NewCoder) says who did it to
// whom: subject, object, passive agent, possessor, coordination,
// apposition, relative and complement clauses. Without a parser, or where
// the parse names no actor, the position of actor mentions within the
// trigger's clause decides, with rules for passives, hosts, reciprocal
// meetings, event nouns, intentions, reported speech and auxiliary modes.
package event

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/plover"
)

// Coder finds PLOVER events in tokenized sentences. It is built once from
// the lexicons, never changes after, and is safe for concurrent use.
type Coder struct {
	cb         *plover.Codebook
	byHead     map[string][]*rule // first lemma of a pattern -> rules
	rulesOrder []*rule
	cues       []cue
	words      map[string][][]string      // kind -> entries (token lists)
	single     map[string]map[string]bool // kind -> one-token entries
	// kindBit gives each kind of words.tsv a bit (wordKinds order), and
	// lemmaKinds each one-token entry the bits of its kinds, so that a
	// token's kinds are read once per sentence.
	kindBit    map[string]uint64
	lemmaKinds map[string]uint64
	irregular  map[string]string
	parser     Parser // nil: positional attribution only
	// demand is the pattern of a demand stated as an obligation ("said
	// that China must drop barriers"), which no lexicon row spells.
	demand *rule
}

// NewCoder compiles the lexicons under events/ in lex (data.Events) and
// checks every category and mode against the codebook. It reports every
// problem of the lexicons at once, one "file:line: problem" each. p parses
// the sentences that hold a trigger, and attribution then follows the
// syntax (subject, object, passive agent, possessor, coordination); with a
// nil p the coder attributes by position alone.
func NewCoder(lex fs.FS, cb *plover.Codebook, p Parser) (*Coder, error) {
	if cb == nil {
		return nil, fmt.Errorf("event: nil codebook")
	}
	c := &Coder{cb: cb, byHead: map[string][]*rule{}, parser: p,
		demand: &rule{cat: "REQUEST", toks: []string{"say"}, flags: flagScope, literals: 1, pos: "words.tsv:oblige"}}
	var errs errorList
	c.loadIrregular(lex, &errs)
	c.loadRules(lex, verbsFile, false, false, cb, &errs)
	c.loadRules(lex, petrarchFile, false, true, cb, &errs)
	c.loadRules(lex, nounsFile, true, false, cb, &errs)
	c.loadCues(lex, &errs)
	c.loadWords(lex, &errs)
	if len(errs) == 0 {
		// Every category must have at least one verb.
		have := map[string]bool{}
		for _, r := range c.rulesOrder {
			if !r.noun {
				have[r.cat] = true
			}
		}
		for _, cat := range cb.Categories() {
			if !have[cat.Name] {
				errs = append(errs, fmt.Errorf("%s: no verb for category %s", verbsFile, cat.Name))
			}
		}
	}
	if err := errs.err(); err != nil {
		return nil, fmt.Errorf("event: lexicons: %w", err)
	}
	return c, nil
}

// Default builds a Coder from the embedded lexicons and codebook, without a
// parser (positional attribution).
func Default() (*Coder, error) {
	cb, err := plover.Default()
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	return NewCoder(data.Events, cb, nil)
}

// Code returns the events of one article, ordered by sentence then
// trigger. It fills Type, Mode, Aux, Context, Actors, Recipients,
// ClaimedBy, Sentence, SentenceText, Trigger, CAMEO, Goldstein,
// PLOVERScore and Mentions; ID, Article, Doc, Date, DateSource and Place
// are left to the pipeline. Repeats of an event in the article (same
// category, actors, recipients and aux) are merged into the first, with
// Mentions counting them.
func (c *Coder) Code(a *parley.Article, sents []parley.Sentence, ms []parley.Mention) []parley.Event {
	var out []parley.Event
	index := map[string]int{}
	byStart := func(a, b parley.Mention) int { return a.Span.Start - b.Span.Start }
	if !slices.IsSortedFunc(ms, byStart) {
		// reset finds a sentence's mentions by their start.
		ms = slices.Clone(ms)
		slices.SortStableFunc(ms, byStart)
	}
	w := &work{c: c, a: a, all: ms, told: map[parley.Span]bool{}}
	for si := range sents {
		s := &sents[si]
		w.prevS = nil
		if si > 0 {
			w.prevS = &sents[si-1]
		}
		w.reset(s)
		evs := w.sentenceEvents()
		for _, e := range evs {
			w.prev = append(w.prev, told{typ: e.Type, actors: e.Actors, start: e.Trigger.Start})
		}
		for _, e := range evs {
			k := mergeKey(&e)
			if i, ok := index[k]; ok {
				out[i].Mentions++
				continue
			}
			if w.told[e.Trigger] {
				if i := retold(out, &e); i >= 0 {
					out[i].Mentions++
					continue
				}
			}
			index[k] = len(out)
			out = append(out, e)
		}
	}
	return out
}

func mergeKey(e *parley.Event) string {
	var b strings.Builder
	b.WriteString(e.Type)
	b.WriteByte('|')
	b.WriteString(e.Aux)
	for _, list := range [][]parley.Actor{e.Actors, e.Recipients} {
		keys := make([]string, len(list))
		for i, x := range list {
			keys[i] = x.Code + "/" + x.Name + "/" + x.Org
		}
		sort.Strings(keys)
		b.WriteByte('|')
		b.WriteString(strings.Join(keys, ","))
	}
	return b.String()
}

// retold returns the earlier event that a definite event noun retells:
// the first of the same category and auxiliary mode whose sides include
// every country and body the retelling names, or -1.
func retold(out []parley.Event, e *parley.Event) int {
	for i := range out {
		o := &out[i]
		if o.Type != e.Type || o.Aux != e.Aux {
			continue
		}
		if covers(o, e.Actors) && covers(o, e.Recipients) {
			return i
		}
	}
	return -1
}

func covers(o *parley.Event, list []parley.Actor) bool {
	return codesWithin(list, slices.Concat(o.Actors, o.Recipients))
}
