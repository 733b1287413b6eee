package event

import (
	"sort"
	"strings"

	"github.com/parley-events/parley"
)

// work is the per-article scratch state of Code. It is never shared.
type work struct {
	c   *Coder
	a   *parley.Article
	all []parley.Mention // the article's mentions, sorted by span

	s      *parley.Sentence
	prevS  *parley.Sentence // the sentence before s, nil for the first
	toks   []parley.Token
	lem    [][]string // lemma candidates per token
	buf    []string
	ment   []int // token -> index into sm, or -1
	clause []int // token -> clause number
	cstart []int // clause number -> first token
	sm     []smention
	used   []bool
	bloom  [4]uint64    // lemmaBit of every lemma of the sentence
	kinds  []uint64     // token -> its kinds of words.tsv (Coder.kindBit)
	trs    []*trigger   // the sentence's triggers
	words  []string     // the sentence's words, for the parser
	deps   []parley.Dep // the sentence's parse; empty without a parser
	// child lists the dependents of token h at child[childAt[h]:childAt[h+1]]
	// (indexChildren); next is its scratch space.
	child, childAt, next []int
	target               bool   // the trigger being attributed may have a place as recipient
	prev                 []told // the events coded so far in the article
	// told marks the triggers of definite event nouns between states
	// ("the Damascus–Moscow meeting"): retellings of an event the article
	// may have coded already.
	told map[parley.Span]bool
}

// told is an event coded earlier in the article, as backRecipient needs it.
type told struct {
	typ    string
	actors []parley.Actor
	start  int // trigger start
}

// smention is a mention of the current sentence, with its token range.
type smention struct {
	m          *parley.Mention
	first, end int // tokens [first, end)
}

// trigger is a matched pattern.
type trigger struct {
	r        *rule
	head     int   // first token
	end      int   // one past the last literal token
	lits     []int // literal token indexes
	governed bool  // coded through the trigger that governs it
	blocked  bool  // the parse names a subject that is no actor: no positional guess
	dropped  bool  // not an event: a modifier, a purpose, an aim
	gov      *trigger
	assured  int // flagAssure: the complement verb whose subject is assured, or -1
}

func (w *work) reset(s *parley.Sentence) {
	w.s = s
	w.toks = s.Tokens
	w.deps = w.deps[:0]
	w.childAt = w.childAt[:0]
	n := len(w.toks)
	w.lem = w.lem[:0]
	w.buf = w.buf[:0]
	w.ment = grow(w.ment, n)
	w.clause = grow(w.clause, n)
	w.used = w.used[:0]
	for range n {
		w.used = append(w.used, false)
	}
	for i := range n {
		w.ment[i] = -1
	}
	// Lemma candidates, in one backing buffer.
	offs := make([]int, 0, n+1)
	for _, t := range w.toks {
		offs = append(offs, len(w.buf))
		w.buf = w.c.lemmas(w.buf, t.Norm)
	}
	offs = append(offs, len(w.buf))
	for i := range n {
		w.lem = append(w.lem, w.buf[offs[i]:offs[i+1]:offs[i+1]])
	}
	w.kinds = w.kinds[:0]
	for i := range n {
		var k uint64
		for _, l := range w.lem[i] {
			k |= w.c.lemmaKinds[l]
		}
		w.kinds = append(w.kinds, k)
	}
	w.bloom = [4]uint64{}
	for _, l := range w.buf {
		b := lemmaBit(l)
		w.bloom[b>>6] |= 1 << (b & 63)
	}
	// Mentions of this sentence, mapped to tokens.
	w.sm = w.sm[:0]
	from := sort.Search(len(w.all), func(i int) bool { return w.all[i].Span.Start >= s.Span.Start })
	for i := from; i < len(w.all) && w.all[i].Span.Start < s.Span.End; i++ {
		m := &w.all[i]
		if !s.Span.Contains(m.Span) {
			continue
		}
		first, end := -1, -1
		for j, t := range w.toks {
			if t.Span.Overlaps(m.Span) {
				if first < 0 {
					first = j
				}
				end = j + 1
			}
		}
		if first < 0 {
			continue
		}
		// A possessive mention's "'s" token belongs to it.
		if end < n && w.toks[end].Norm == "'s" {
			end++
		}
		k := len(w.sm)
		w.sm = append(w.sm, smention{m: m, first: first, end: end})
		for j := first; j < end; j++ {
			w.ment[j] = k
		}
	}
	// Clauses.
	w.cstart = w.cstart[:0]
	w.cstart = append(w.cstart, 0)
	cl := 0
	for i, t := range w.toks {
		if i > 0 && w.ment[i] < 0 {
			split := w.c.single["split"][t.Norm]
			rel := w.c.single["clause"][t.Norm] && w.toks[i-1].Norm == ","
			if split || rel {
				cl++
				w.cstart = append(w.cstart, i)
			}
		}
		w.clause[i] = cl
	}
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func (w *work) is(kind string, i int) bool {
	if i < 0 || i >= len(w.toks) {
		return false
	}
	return w.kinds[i]&w.c.kindBit[kind] != 0
}

// phraseAt reports whether the tokens from i spell toks (by lemma), and
// returns the index after them.
func (w *work) phraseAt(i int, toks []string) (int, bool) {
	for _, p := range toks {
		if i >= len(w.toks) || !w.hasLemma(i, p) {
			return 0, false
		}
		i++
	}
	return i, true
}

func (w *work) hasLemma(i int, p string) bool {
	for _, l := range w.lem[i] {
		if l == p {
			return true
		}
	}
	return false
}

// match tries r at token i and returns the end and literal positions.
func (w *work) match(r *rule, i int) (int, []int, bool) {
	if !w.near(r, i) {
		return 0, nil, false
	}
	var lits []int
	var try func(k, j int) (int, bool)
	try = func(k, j int) (int, bool) {
		if k == len(r.toks) {
			return j, true
		}
		if r.toks[k] == "*" {
			for skip := 0; skip <= maxGap; skip++ {
				jj := j + skip
				if jj >= len(w.toks) || w.clause[jj] != w.clause[i] {
					break
				}
				if skip > 0 && w.toks[jj-1].Kind == parley.Punct && w.toks[jj-1].Norm != "," {
					break
				}
				if skip > 0 && gapStops[w.toks[jj-1].Norm] {
					// "announced it would suspend aid": a modal opens
					// another verb's phrase.
					break
				}
				if skip > 0 && w.headsOf(jj-1) {
					// "announced the suspension of aid": the gap holds
					// an event noun with its own complement; the
					// pattern's last word belongs to it.
					break
				}
				n := len(lits)
				if end, ok := try(k+1, jj); ok {
					return end, true
				}
				lits = lits[:n]
			}
			return 0, false
		}
		if k > 0 && j < len(w.toks) && w.is("when", j) && !w.hasLemma(j, r.toks[k]) {
			// "called Thursday on Arabs to unite", "met Monday with":
			// a day between two words of a pattern.
			return try(k, j+1)
		}
		if j >= len(w.toks) || w.ment[j] >= 0 || w.clause[j] != w.clause[i] || !w.hasLemma(j, r.toks[k]) {
			return 0, false
		}
		lits = append(lits, j)
		return try(k+1, j+1)
	}
	end, ok := try(0, i)
	return end, lits, ok
}

// gapStops are words a pattern's gap does not cross: modals, which open
// another verb's phrase.
var gapStops = map[string]bool{"would": true, "will": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "can": true, "shall": true}

// headsOf reports an event noun at token j followed by "of" ("the
// suspension of aid"), which heads the phrase after it.
func (w *work) headsOf(j int) bool {
	if j+1 >= len(w.toks) || w.toks[j+1].Norm != "of" {
		return false
	}
	for _, l := range w.lem[j] {
		for _, r := range w.c.byHead[l] {
			if r.noun && len(r.toks) == 1 {
				return true
			}
		}
	}
	return false
}

// near is a cheap test that r's second literal is within reach of token
// i, so that match, which allocates, runs only on likely rules.
func (w *work) near(r *rule, i int) bool {
	if len(r.toks) < 2 {
		return true
	}
	if r.has2 && w.bloom[r.bit2>>6]&(1<<(r.bit2&63)) == 0 {
		return false
	}
	k, reach := 1, 1
	if r.toks[1] == "*" {
		k, reach = 2, maxGap+1
	}
	for j := i + 1; j <= i+reach && j < len(w.toks); j++ {
		if w.hasLemma(j, r.toks[k]) {
			return true
		}
	}
	return false
}

// triggers finds the event patterns of the sentence, longest first at
// each token, without overlapping literal tokens.
func (w *work) triggers() []*trigger {
	var out []*trigger
	for i, t := range w.toks {
		if w.used[i] || w.ment[i] >= 0 || t.Kind != parley.Word || w.title(i) {
			continue
		}
		var best *trigger
		for li, l := range w.lem[i] {
			if slicesContains(w.lem[i][:li], l) {
				continue // the same candidate twice ("agreed": agree, agree)
			}
			for _, r := range w.c.byHead[l] {
				if r.has2 && w.bloom[r.bit2>>6]&(1<<(r.bit2&63)) == 0 {
					continue // its second word is nowhere in the sentence
				}
				end, lits, ok := w.match(r, i)
				if !ok || !w.fits(r, i, end, lits) {
					continue
				}
				cand := &trigger{r: r, head: i, end: end, lits: lits, assured: -1}
				if best == nil || w.better(cand, best) {
					best = cand
				}
			}
		}
		if best == nil {
			continue
		}
		for _, j := range best.lits {
			w.used[j] = true
		}
		out = append(out, best)
	}
	return out
}

// title reports a capitalized word right after an opening quotation mark
// that follows a word: the first word of a title ("author of “Defying
// ISIS: Preserving Christianity”"), not an act.
func (w *work) title(i int) bool {
	if i < 2 || !isUpper(w.a.Text[w.toks[i].Span.Start]) {
		return false
	}
	switch w.toks[i-1].Norm {
	case "“", "\"", "``", "'", "‘":
		// After a word ("author of", "the book"), not after a colon or a
		// comma, where a quoted sentence starts.
		// A reporting verb opens a quotation, not a title.
		return w.toks[i-2].Kind == parley.Word && !w.is("say", i-2)
	}
	return false
}

// fits checks a match's conditions: verbs are not read right after a
// determiner ("the press"), object patterns need an actor soon after, and
// a noun must be the token's own form or its plural.
func (w *work) fits(r *rule, i, end int, lits []int) bool {
	last := lits[len(lits)-1]
	if r.noun {
		if i > 0 && months[w.toks[last].Norm] && isUpper(w.a.Text[w.toks[last].Span.Start]) {
			return false // "last March", "in May": a date, not a march
		}
		norm := w.toks[last].Norm
		p := r.toks[len(r.toks)-1]
		if norm != p && norm != p+"s" && norm != p+"es" && !(strings.HasSuffix(p, "y") && norm == p[:len(p)-1]+"ies") {
			return false
		}
	} else {
		gerund := strings.HasSuffix(w.toks[i].Norm, "ing") && (w.is("prep", i-1) && !w.is("place", i-1))
		if w.is("determiner", i-1) && !gerund {
			return false // "the press", "in March"; but "accused of attacking"
		}
		if i > 0 && w.toks[i-1].Norm == "'s" {
			return false
		}
		if k := w.ment[max(i-1, 0)]; i > 0 && k >= 0 && (w.sm[k].m.Possessive || w.sm[k].m.Kind == parley.MentionAdjective) && w.sm[k].end == i {
			return false
		}
	}
	if r.flags&flagObject != 0 && !w.is("be", i-1) && !w.is("be", i-2) {
		// The object must be the actor itself ("received the Saudi
		// envoy"), not a noun it modifies ("welcomed the Egyptian
		// proposal"), with only determiners before it.
		j := end
		for j < len(w.toks) && j <= end+2 && w.ment[j] < 0 && w.is("determiner", j) && !w.is("prep", j) {
			j++
		}
		if j >= len(w.toks) || w.ment[j] < 0 || w.clause[j] != w.clause[i] {
			return false
		}
		if e := w.sm[w.ment[j]].end; w.sm[w.ment[j]].m.Possessive || w.toks[e-1].Norm == "'s" || e < len(w.toks) && w.toks[e].Norm == "'s" {
			// "welcomed President Reagan's statement" is about the
			// statement; "hosted Ukraine's ministers" about them.
			k := e
			for k < len(w.toks) && k <= e+4 && !w.is("agent", k) && !w.isNounHead(k) {
				k++
			}
			if k >= len(w.toks) || !w.is("agent", k) {
				return false
			}
		}
		if e := w.sm[w.ment[j]].end; e < len(w.toks) && w.eventNoun(e) {
			return false
		}
	}
	return true
}

// isNounHead reports a token that ends a noun phrase: a noun followed by
// no other noun. Without a parse it reports false.
func (w *work) isNounHead(j int) bool {
	if len(w.deps) > 0 {
		return w.deps[j].Tag == "NOUN" && (j+1 >= len(w.toks) || w.deps[j+1].Tag != "NOUN")
	}
	return false
}

// eventNoun reports whether token j can head an event noun.
func (w *work) eventNoun(j int) bool {
	for _, l := range w.lem[j] {
		for _, r := range w.c.byHead[l] {
			if r.noun {
				return true
			}
		}
	}
	return false
}

// better orders two matches at the same token: a hand-written row over a
// generated one (verbs_petrarch.tsv only adds where verbs.tsv and
// nouns.tsv have nothing to say), then more literal tokens, then
// the noun reading after a determiner or possessive (the verb reading
// otherwise), then lexicon order.
func (w *work) better(a, b *trigger) bool {
	if a.r.extra != b.r.extra {
		return !a.r.extra
	}
	if a.r.literals != b.r.literals {
		return a.r.literals > b.r.literals
	}
	if a.r.noun != b.r.noun {
		nounish := w.is("determiner", a.head-1) || w.is("light", a.head-1) ||
			(a.head > 0 && w.ment[a.head-1] >= 0)
		return a.r.noun == nounish
	}
	return a.r.order < b.r.order
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// months are the month names that are also event nouns or verbs.
var months = map[string]bool{"march": true, "may": true}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
