package event

import (
	"strings"

	"github.com/parley-events/parley"
)

// Parser gives the syntax of one sentence's words: for each word its tags,
// its head and its Universal Dependencies relation (syntax.Model is one).
type Parser interface {
	AppendDeps(dst []parley.Dep, words []string) []parley.Dep
}

// quotes folds typographic apostrophes and quotes to the ASCII forms the
// parser was trained on.
var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "—", "--", "–", "-")

// parse fills w.deps with the parse of the current sentence, or leaves it
// empty when the coder has no parser.
func (w *work) parse() {
	w.deps = w.deps[:0]
	w.childAt = w.childAt[:0]
	if w.c.parser == nil || len(w.toks) == 0 {
		return
	}
	w.words = w.words[:0]
	for _, t := range w.toks {
		s := t.Span.In(w.a.Text)
		if strings.ContainsAny(s, "’‘“”—–") {
			s = quotes.Replace(s)
		}
		w.words = append(w.words, s)
	}
	w.deps = w.c.parser.AppendDeps(w.deps, w.words)
	if len(w.deps) != len(w.toks) {
		w.deps = w.deps[:0] // a parser that disagrees on the words is ignored
		return
	}
	for i, d := range w.deps {
		if d.Head < -1 || d.Head >= len(w.deps) || d.Head == i {
			w.deps = w.deps[:0]
			return
		}
	}
	w.indexChildren()
	if w.repairHave() {
		w.indexChildren()
	}
	if w.repairModalSubject() {
		w.indexChildren()
	}
	if w.repairCasedSubject() {
		w.indexChildren()
	}
}

// repairCasedSubject mends a parse that makes a noun after a preposition
// the subject of the verb and the noun before the preposition its object
// ("a roadside bombing near Samarra killed one soldier": "Samarra" the
// subject): a subject has no preposition, so the noun before it is the
// subject and the prepositional phrase modifies it.
func (w *work) repairCasedSubject() bool {
	changed := false
	for s := range w.deps {
		if base, _ := w.rel(s); base != "nsubj" {
			continue
		}
		v := w.deps[s].Head
		cs := w.kids(s, "case")
		if v <= s || len(cs) == 0 || cs[0] > s {
			continue
		}
		n := -1
		for j := cs[0] - 1; j >= 0; j-- {
			if w.deps[j].Head == v {
				n = j
				break
			}
		}
		if n < 0 || !w.isNoun(n) {
			continue
		}
		if base, _ := w.rel(n); base != "obj" && base != "obl" {
			continue
		}
		w.deps[n].Rel = "nsubj"
		w.deps[s].Head, w.deps[s].Rel = n, "nmod"
		changed = true
	}
	return changed
}

// repairModalSubject mends a parse that leaves a modal's verb without a
// subject and hangs the noun right before the modal on the verb above
// ("said US and British forces must ensure security": "forces" a second
// complement of "said"): a finite clause has a subject, and that noun is
// it.
func (w *work) repairModalSubject() bool {
	changed := false
	for i := 1; i < len(w.deps); i++ {
		if w.deps[i].Tag != "AUX" || w.toks[i].Norm == "to" {
			continue
		}
		x := w.deps[i].Head
		if x <= i || !w.isVerb(x) || len(w.kids(x, "nsubj", "expl")) > 0 {
			continue
		}
		n := i - 1
		d := &w.deps[n]
		if d.Tag != "NOUN" && d.Tag != "PROPN" && d.Tag != "PRON" || d.Head < 0 || d.Head != w.deps[x].Head || d.Head > n {
			continue
		}
		d.Head, d.Rel = x, "nsubj"
		changed = true
	}
	return changed
}

// indexChildren lists each token's dependents in token order, so that
// kids reads them without a scan of the sentence.
func (w *work) indexChildren() {
	n := len(w.deps)
	w.childAt = append(w.childAt[:0], make([]int, n+1)...)
	for _, d := range w.deps {
		if d.Head >= 0 {
			w.childAt[d.Head+1]++
		}
	}
	for i := 1; i <= n; i++ {
		w.childAt[i] += w.childAt[i-1]
	}
	w.child = append(w.child[:0], make([]int, w.childAt[n])...)
	next := append(w.next[:0], w.childAt[:n]...)
	for i, d := range w.deps {
		if d.Head >= 0 {
			w.child[next[d.Head]] = i
			next[d.Head]++
		}
	}
	w.next = next
}

// repairHave mends a parse that reads "have" with an object as an
// auxiliary of the noun before it ("Erdogan had talks with Putin": "had"
// an aux of "Erdogan"): "have" is the verb, the noun its subject.
func (w *work) repairHave() bool {
	changed := false
	for i := range w.deps {
		d := &w.deps[i]
		n := w.toks[i].Norm
		if d.Tag != "AUX" || n != "had" && n != "has" && n != "have" {
			continue
		}
		h := d.Head
		if h < 0 || h > i || (w.deps[h].Tag != "NOUN" && w.deps[h].Tag != "PROPN" && w.deps[h].Tag != "PRON") {
			continue
		}
		if len(w.kids(i, "obj")) == 0 {
			continue
		}
		d.Head, d.Rel, d.Tag = w.deps[h].Head, w.deps[h].Rel, "VERB"
		w.deps[h].Head, w.deps[h].Rel = i, "nsubj"
		changed = true
	}
	return changed
}

// parsed reports whether the current sentence has a parse.
func (w *work) parsed() bool { return len(w.deps) > 0 }

// rel returns the relation of token i without its subtype ("nsubj:pass" is
// "nsubj"), and the full relation.
func (w *work) rel(i int) (string, string) {
	r := w.deps[i].Rel
	base, _, _ := strings.Cut(r, ":")
	return base, r
}

// head returns the head of token i, -1 for the root.
func (w *work) head(i int) int { return w.deps[i].Head }

// headOf is head, and -1 for no token (i < 0).
func (w *work) headOf(i int) int {
	if i < 0 {
		return -1
	}
	return w.deps[i].Head
}

// kids appends to dst the dependents of h whose relation (full, or base
// when base is set) is one of rels.
func (w *work) kids(h int, rels ...string) []int {
	var out []int
	if h < 0 || h+1 >= len(w.childAt) {
		return nil
	}
	for _, i := range w.child[w.childAt[h]:w.childAt[h+1]] {
		d := w.deps[i]
		base, _, _ := strings.Cut(d.Rel, ":")
		for _, r := range rels {
			if d.Rel == r || base == r {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// caseOf returns the preposition (case or mark dependent) of token n, "" when
// it has none; multiword ones ("according to", "on behalf of") give their
// first word.
func (w *work) caseOf(n int) string {
	if n < 0 || n+1 >= len(w.childAt) {
		return ""
	}
	kids := w.child[w.childAt[n]:w.childAt[n+1]]
	for _, i := range kids {
		if d := w.deps[i]; (d.Rel == "case" || d.Rel == "fixed") && i < n {
			return w.toks[i].Norm
		}
	}
	// "between President Putin and ...": the parser may hang the
	// preposition on a title or name part before the head.
	for _, i := range kids {
		if d := w.deps[i]; i < n && (d.Rel == "nmod:desc" || d.Rel == "compound" || d.Rel == "flat") {
			for _, j := range w.child[w.childAt[i]:w.childAt[i+1]] {
				if j < i && w.deps[j].Rel == "case" {
					return w.toks[j].Norm
				}
			}
		}
	}
	return ""
}

// isVerb reports whether the parser tagged token i as a verb or auxiliary.
func (w *work) isVerb(i int) bool {
	t := w.deps[i].Tag
	return t == "VERB" || t == "AUX"
}

// isNoun reports whether the parser tagged token i as a noun.
func (w *work) isNoun(i int) bool {
	t := w.deps[i].Tag
	return t == "NOUN" || t == "PROPN"
}

// phrase returns the actors a noun phrase headed at token n names: the
// mention it is part of, or the mentions that modify it ("Syria's foreign
// minister", "Iranian officials", "the president of Egypt", "Hamas
// leader"), with the phrases coordinated with it ("X and Y") and, for a
// relative pronoun, the noun the clause modifies.
func (w *work) phrase(n, depth int) []*smention {
	if n < 0 || depth > 3 {
		return nil
	}
	var out []*smention
	add := func(ms []*smention) {
		for _, m := range ms {
			dup := false
			for _, o := range out {
				if o == m {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, m)
			}
		}
	}
	own := -1
	if k := w.ment[n]; k >= 0 {
		own = k
		add(w.sameSpan(k))
		// "Hungarian and Romanian officials", "Syria's foreign and
		// defense ministers": modifiers outside the mention join it.
		m := w.sm[k]
		for _, c := range w.kids(n, "amod", "nmod:poss", "compound") {
			if c < m.first || c >= m.end {
				if w.ment[c] >= 0 {
					add(w.phrase(c, depth+1))
				}
			}
		}
	} else {
		if w.is("boundary", n) {
			// "a stronghold on the Thai border": a border is a place,
			// and the state it is named after no party.
			return nil
		}
		if n+1 < len(w.toks) && w.is("relational", n+1) && w.ment[n+1] < 0 {
			// "Israel's militia ally", whatever the tagger made of
			// "ally": the noun names the other side.
			return nil
		}
		if w.is("relational", n) {
			// "Pakistan, a key U.S. ally": an ally's modifier is the
			// other side; the name set beside it, however the parser
			// hung it, is who the noun means.
			for _, c := range w.kids(n, "appos", "vocative", "dep") {
				if w.ment[c] < 0 {
					continue
				}
				for _, m := range w.phrase(c, depth+1) {
					if m.first <= c || m.first > n {
						add([]*smention{m}) // not "U.S." of "a key U.S. ally"
					}
				}
			}
			return out
		}
		for _, c := range w.kids(n, "nmod:poss", "amod", "compound", "appos", "flat", "nmod", "det", "acl") {
			base, full := w.rel(c)
			switch {
			case base == "nmod" && full != "nmod:poss" && w.caseOf(c) != "of" && w.caseOf(c) != "by":
				continue // "attacks on Syria": the noun's recipient, not its owner
			case base == "nmod" && full != "nmod:poss" && w.caseOf(c) == "of" && c > n && (len(out) > 1 || len(out) > 0 && w.eventNoun(n)):
				// "the Turkish and Greek sides of the island of Cyprus":
				// the coordinated modifiers name the sides; the "of"
				// phrase where; "Israeli shelling of Gaza": an event's
				// "of" phrase is its target. (One modifier of another
				// noun may be a place's: "the Turkish capital of Ankara".)
				continue
			case base == "acl":
				// "forces loyal to X", "troops of X": only a mention right at
				// the clause's head counts; "crimes committed by X": the
				// agent is the noun's owner.
				if w.ment[c] < 0 {
					for _, a := range w.kids(c, "obl:agent", "obl") {
						if _, f := w.rel(a); f == "obl:agent" || w.caseOf(a) == "by" {
							add(w.phrase(a, depth+1))
						}
					}
					continue
				}
			case base == "det" && w.ment[c] < 0:
				continue
			}
			if w.ment[c] >= 0 && w.sm[w.ment[c]].m.Possessive && !w.isAgentNoun(n) && !w.eventNoun(n) && !w.is("owned", n) {
				// "Russia's bases": only agents and events take their
				// owner as actor.
				continue
			}
			add(w.phrase(c, depth+1))
			if len(out) > 0 && base == "nmod:poss" {
				break
			}
		}
		if p := w.apposedPerson(n, out); p != nil {
			// "Syria's new president, Ahmad Al-Sharaa,": the person named
			// right after the title is who it means, however the
			// parser attached the name.
			return []*smention{p}
		}
	}
	for _, c := range w.kids(n, "conj") {
		if own >= 0 && w.ment[c] == own {
			continue
		}
		add(w.phrase(c, depth+1))
	}
	if own >= 0 {
		// Conjuncts and appositions may hang on another token of the
		// mention ("Trinidad and Tobago" is one, "X, Y's envoy" another).
		m := w.sm[own]
		for j := m.first; j < m.end; j++ {
			if j == n {
				continue
			}
			for _, c := range w.kids(j, "conj") {
				if w.ment[c] != own && (c < m.first || c >= m.end) {
					add(w.phrase(c, depth+1))
				}
			}
		}
	}
	return out
}

// isAgentNoun reports whether token j names people or bodies that act.
func (w *work) isAgentNoun(j int) bool { return w.is("agent", j) }

// pronoun reports whether token j is a personal or relative pronoun.
func (w *work) pronoun(j int) bool { return w.deps[j].Tag == "PRON" }

// argument turns the node n filling an argument slot of verb v into
// parties: a phrase, "the two sides", or a pronoun resolved to the
// subject of a governing clause or the article before the sentence.
func (w *work) argument(n, v int) parties {
	if w.ment[n] < 0 && w.pronoun(n) && anaphors[w.toks[n].Norm] > 0 && len(w.kids(n, "conj")) > 0 {
		// "he and Turkish President Erdogan agreed": the pronoun
		// alone; its conjunct is another subject.
		return w.pronounArgument(n, v)
	}
	if ms := w.phrase(n, 0); len(ms) > 0 {
		return parties{ms: ms}
	}
	// "the two sides", "both countries".
	if pr := w.pairEnding(n); pr != nil {
		return parties{pair: pr}
	}
	if !w.pronoun(n) {
		return parties{}
	}
	return w.pronounArgument(n, v)
}

// pronounArgument resolves pronoun n, an argument of verb v.
func (w *work) pronounArgument(n, v int) parties {
	norm := w.toks[n].Norm
	switch norm {
	case "who", "which", "that", "whom":
		// The relative clause's noun: "officials who met".
		for x := v; x >= 0; x = w.head(x) {
			if _, full := w.rel(x); full == "acl:relcl" {
				if h := w.head(x); h >= 0 && !w.pronoun(h) {
					return w.argument(h, w.head(h))
				}
				return parties{}
			}
		}
		return parties{}
	}
	// "Syria says it will withdraw": the subject of a clause above. "It"
	// stands for no person: "Chirac reminded Iraq that it must
	// cooperate" is Iraq, the object.
	thing := anaphors[norm] == 2 && norm != "they" && norm != "them"
	plural := norm == "they" || norm == "them"
	for x := w.headOf(v); x >= 0; x = w.head(x) {
		for _, s := range w.kids(x, "nsubj") {
			if s < n && !w.pronoun(s) {
				ms := w.phrase(s, 0)
				if len(ms) > 0 && !(thing && persons(ms)) {
					return parties{ms: ms}
				}
				if len(ms) == 0 && plural && w.pluralNoun(s) {
					// "terrorists say they are ready to surrender":
					// "they" are the terrorists, no actor.
					return parties{}
				}
			}
		}
		if thing {
			for _, o := range w.kids(x, "obj", "iobj") {
				if o < n {
					if ms := w.phrase(o, 0); len(ms) > 0 && !persons(ms) {
						return parties{ms: ms}
					}
				}
			}
		}
	}
	switch anaphors[norm] {
	case 1:
		return w.refer(true)
	case 2:
		return w.refer(false)
	}
	return parties{}
}

// pluralNoun reports a plural common noun.
func (w *work) pluralNoun(s int) bool {
	return w.deps[s].XPOS == "NNS" || w.deps[s].XPOS == "NNPS"
}

// theyNamed reports a "they" or "them" at token j whose clause hangs under
// one with a plural noun subject that is no actor, before it: "terrorists
// say they are ready to surrender" speaks of the terrorists.
func (w *work) theyNamed(j int) bool {
	if !w.parsed() || (w.toks[j].Norm != "they" && w.toks[j].Norm != "them") {
		return false
	}
	for x := w.head(j); x >= 0; x = w.head(x) {
		for _, s := range w.kids(x, "nsubj") {
			if s < j && !w.pronoun(s) && w.pluralNoun(s) && len(w.phrase(s, 0)) == 0 {
				return true
			}
		}
	}
	return false
}

// persons reports whether every mention of ms names a person.
func persons(ms []*smention) bool {
	for _, m := range ms {
		if m.m.Kind != parley.MentionPerson {
			return false
		}
	}
	return len(ms) > 0
}

// anaphors are the pronouns argument resolves to an earlier mention: 1 for
// a person, 2 for a state or body.
var anaphors = map[string]int{"he": 1, "she": 1, "him": 1, "her": 1, "it": 2, "they": 2, "them": 2}

// actorable reports whether the sentence can give an event an actor: it
// has a mention, or a pronoun that may stand for one.
func (w *work) actorable() bool {
	if len(w.sm) > 0 {
		return true
	}
	for i, t := range w.toks {
		if anaphors[t.Norm] > 0 {
			return true
		}
		for _, ph := range w.c.words["pair"] {
			if _, ok := w.phraseAt(i, ph); ok {
				return true // "the two sides"
			}
		}
	}
	return false
}

// synSubject returns the subject of verb v: its nsubj (or, passive, the
// obl:agent), inherited through xcomp, conj, participles and relative
// clauses. passive tells whether v has a passive subject, which is then
// returned as patient.
func (w *work) synSubject(v int) (actor, patient parties, passive bool) {
	for _, s := range w.kids(v, "nsubj:pass") {
		if w.activeVerb(v) {
			break
		}
		passive = true
		patient = w.argument(s, v)
	}
	if len(w.kids(v, "aux:pass")) > 0 {
		passive = true
	}
	if !passive && w.deps[v].XPOS == "VBN" && w.hasAgent(v) {
		// "fighters taken hostage by the rebels": a participle with
		// its own "by" agent is passive; the noun it qualifies is the
		// patient.
		if base, full := w.rel(v); base == "acl" && full != "acl:relcl" {
			passive = true
			patient = w.argument(w.head(v), v)
		}
	}
	if passive {
		for _, a := range w.kids(v, "obl:agent", "obl") {
			if _, full := w.rel(a); full == "obl:agent" || w.caseOf(a) == "by" {
				actor = w.argument(a, v)
				break
			}
		}
		if patient.empty() {
			// "the prime minister has been indicted": a plain subject
			// of a passive verb is its patient too.
			for _, s := range w.kids(v, "nsubj") {
				if s < v {
					patient = w.argument(s, v)
					break
				}
			}
		}
		if patient.empty() {
			patient = w.inherited(v)
		}
		return
	}
	if subj := w.kids(v, "nsubj"); len(subj) > 0 {
		// Two subjects are a misparse of a descriptor before a name
		// ("Human rights watchdog Amnesty International accused"): the
		// one nearest the verb that names an actor is it.
		// One after the verb is its misparsed object ("summoned Niger's
		// ambassador").
		for k := len(subj) - 1; k >= 0; k-- {
			if subj[k] > v && k > 0 {
				continue
			}
			if p := w.argument(subj[k], v); !p.empty() {
				// "he and Turkish President Erdogan agreed": two
				// subjects joined by "and" are one list.
				if k > 0 && subj[k-1] < subj[k] && len(p.ms) > 0 && w.andBetween(subj[k-1], subj[k]) {
					if q := w.argument(subj[k-1], v); len(q.ms) > 0 {
						p.ms = append(append([]*smention(nil), q.ms...), p.ms...)
					}
				}
				return p, parties{}, false
			}
		}
		return parties{}, parties{}, false // a subject that names no actor
	}
	// "a day after Lavrentiev held talks": the parser may read "after
	// Lavrentiev" as a phrase and leave the verb without a subject; a
	// mention right before the verb, after a subordinating word, is it.
	for _, o := range w.kids(v, "obl") {
		if o < v && w.ment[o] >= 0 && w.sm[w.ment[o]].end == v && w.c.single["subordinator"][w.caseOf(o)] {
			if p := w.argument(o, v); !p.empty() {
				return p, parties{}, false
			}
		}
	}
	return w.inherited(v), parties{}, false
}

// andBetween reports an "and" between tokens a and b (a < b) with no
// verb in between.
func (w *work) andBetween(a, b int) bool {
	for j := a + 1; j < b; j++ {
		if w.toks[j].Norm == "and" {
			return true
		}
		if w.isVerb(j) {
			return false
		}
	}
	return false
}

// activeVerb reports a verb the parser gave a passive subject that its
// form says is active: no passive auxiliary, no "by" agent, and a finite
// past or present form or a perfect "have" ("the two sides have agreed").
func (w *work) activeVerb(v int) bool {
	if len(w.kids(v, "aux:pass")) > 0 || w.hasAgent(v) {
		return false
	}
	switch w.deps[v].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	for _, a := range w.kids(v, "aux") {
		if n := w.toks[a].Norm; n == "have" || n == "has" || n == "had" {
			return true
		}
	}
	return false
}

// inherited returns the subject a verb without one takes from the verb it
// depends on: "agreed to meet", "met X and discussed", "..., rejecting",
// "officials who met", "forces loyal to".
func (w *work) inherited(v int) parties {
	h := w.head(v)
	if h < 0 {
		return parties{}
	}
	base, full := w.rel(v)
	switch {
	case base == "xcomp", base == "conj" && w.isVerb(h):
		if base == "conj" && w.liftConj(v, h) {
			// "X reaffirmed that Y would retain its bases and requested
			// ...": a finite verb cannot share the modal of a complement
			// clause; it is coordinated with the verb above it.
			h = w.head(h)
		}
		if base == "xcomp" {
			// Object control: "urged Syria to withdraw".
			for _, o := range w.kids(h, "obj") {
				if p := w.argument(o, h); !p.empty() {
					return p
				}
			}
		}
		a, p, passive := w.synSubject(h)
		if passive && (a.empty() || base == "conj" && !p.empty() && !w.passiveVerb(v)) {
			// "The premier has been indicted by the court and will
			// resign": an active verb coordinated with a passive one
			// shares its grammatical subject, not its agent.
			return p
		}
		if a.empty() && base == "conj" {
			if q := w.nearConjunct(v); !q.empty() {
				return q
			}
		}
		return a
	case base == "acl" && full != "acl:relcl" && w.is("statement", h):
		// "issued a declaration demanding that ...": the participle
		// speaks for whoever issued the statement.
		if g := w.head(h); g >= 0 && w.isVerb(g) {
			a, p, passive := w.synSubject(g)
			if passive && a.empty() {
				return p
			}
			return a
		}
		return w.argument(h, v)
	case full == "acl:relcl", base == "acl":
		return w.argument(h, v)
	case base == "advcl" && strings.HasSuffix(w.toks[v].Norm, "ing") && w.markedOf(v):
		// "accused Russia of shelling": the object did it.
		for _, o := range w.kids(h, "obj") {
			if p := w.argument(o, h); !p.empty() {
				return p
			}
		}
		a, _, _ := w.synSubject(h)
		return a
	case base == "advcl" && (strings.HasSuffix(w.toks[v].Norm, "ing") || w.markedTo(v)):
		if w.is("say", h) && h > v {
			// "Rebels shelled the town, killing 20 people, relief
			// officials said": the participle belongs to the reported
			// clause before it, not to whoever reports it.
			for _, c := range w.kids(h, "ccomp", "parataxis") {
				if c < v && w.isVerb(c) {
					a, p, passive := w.synSubject(c)
					if passive && a.empty() {
						return p
					}
					return a
				}
			}
			return parties{}
		}
		a, _, _ := w.synSubject(h)
		return a
	}
	return parties{}
}

// nearConjunct is the subject of a verb coordinated with v that the
// parser hung too high ("the visit follows ... where Damascus reaffirmed
// that Russia would retain its bases and requested that ...": "requested"
// hung on "follows"): the nearest verb before the "and" that opens v,
// lifted past a modal complement as liftConj does.
func (w *work) nearConjunct(v int) parties {
	j := v - 1
	for j > 0 && w.toks[j].Norm != "and" && v-j < 3 {
		j--
	}
	if j <= 0 || w.toks[j].Norm != "and" {
		return parties{}
	}
	for x := j - 1; x >= 0; x-- {
		if w.deps[x].Tag != "VERB" {
			continue
		}
		h := x
		if w.liftConj(v, x) {
			h = w.head(x)
		}
		if h < 0 || !w.isVerb(h) {
			return parties{}
		}
		a, _, passive := w.synSubject(h)
		if passive {
			return parties{}
		}
		return a
	}
	return parties{}
}

// liftConj reports whether conjunct v, attached to h, belongs one clause
// higher: h is a complement clause with a modal or "to" of its own, and v
// is inflected, so it does not share them ("would retain ... and
// requested").
func (w *work) liftConj(v, h int) bool {
	if hb, _ := w.rel(h); hb != "ccomp" && hb != "xcomp" || w.head(h) < 0 || !w.isVerb(w.head(h)) {
		return false
	}
	if len(w.kids(v, "nsubj", "nsubj:pass", "aux", "mark")) > 0 {
		return false
	}
	norm := w.toks[v].Norm
	if !strings.HasSuffix(norm, "ed") && !w.c.irregularPast(norm) {
		return false
	}
	for _, a := range w.kids(h, "aux", "mark") {
		if a < h && (w.deps[a].Tag == "AUX" || w.toks[a].Norm == "to") && w.toks[a].Norm != "have" && w.toks[a].Norm != "has" && w.toks[a].Norm != "had" {
			return true
		}
	}
	return false
}

// synObject returns the recipient of verb v: its object, indirect object,
// or an oblique with a recipient preposition; preps are the pattern's own
// literal prepositions, which always count.
func (w *work) synObject(v int, t *trigger) parties {
	for _, o := range w.kids(v, "iobj", "obj") {
		if slicesContainsInt(t.lits, o) {
			// "reiterated Russia's support for X": the pattern's own noun
			// is no party; its owner is the actor's side.
			continue
		}
		if p := w.argument(o, v); !p.empty() {
			return p
		}
	}
	// A second subject after the verb is its misparsed object
	// ("Oniya summoned Niger's ambassador").
	if subj := w.kids(v, "nsubj"); len(subj) > 1 && subj[0] < v {
		for _, o := range subj[1:] {
			if o > v {
				if p := w.argument(o, v); !p.empty() {
					return p
				}
			}
		}
	}
	// "is investigating alleged war crimes by Croatian extremists": a
	// "by" phrase the parser hung on an active verb with an object is the
	// object's agent, whom the act is about.
	if objs := w.kids(v, "obj"); len(objs) > 0 && !w.passiveVerb(v) {
		for _, o := range w.kids(v, "obl") {
			if o <= v || w.caseOf(o) != "by" {
				continue
			}
			if by := w.leftmost(o); by > objs[0] && by-objs[0] <= 2 {
				if p := w.argument(o, v); !p.empty() {
					return p
				}
			}
		}
	}
	// The object's own recipient: "threatened further action against
	// Russia", "break off relations with Congo".
	for _, o := range w.kids(v, "obj") {
		if w.ment[o] >= 0 || slicesContainsInt(t.lits, o) {
			continue
		}
		for _, c := range w.kids(o, "nmod") {
			if _, full := w.rel(c); full != "nmod:poss" && w.recipientCase(w.caseOf(c)) {
				if p := w.argument(c, o); !p.empty() {
					p.place = w.placeCase(w.caseOf(c))
					return p
				}
			}
		}
	}
	// A literal preposition of the pattern ("meet with", "attack on").
	for _, j := range t.lits[1:] {
		if r, _ := w.rel(j); r == "case" {
			if p := w.argument(w.head(j), v); !p.empty() {
				return p
			}
		}
	}
	// Objects of the pattern's literal nouns: "reach an agreement with".
	for _, j := range t.lits[1:] {
		if w.isNoun(j) {
			if p := w.nounRecipient(j); !p.empty() {
				return p
			}
		}
	}
	for _, o := range w.kids(v, "obl", "nmod") {
		if _, full := w.rel(o); full == "obl:agent" || full == "obl:tmod" {
			continue
		}
		if c := w.caseOf(o); w.recipientCase(c) {
			if p := w.argument(o, v); !p.empty() {
				// "imposed a curfew in Turkey": a place stands for
				// the people there.
				p.place = w.placeCase(c)
				return p
			}
		}
	}
	return parties{}
}

// recipientCase reports whether a preposition introduces a recipient for
// the trigger being coded: "with", "to", "against"..., and place
// prepositions only for attacks ("strikes in Gaza").
func (w *work) recipientCase(p string) bool {
	if p == "" {
		return false
	}
	if w.c.single["recipient"][p] {
		return true
	}
	return w.target && w.c.single["place"][p]
}

// placeCase reports a preposition that brought in a recipient only as a
// place ("in Turkey"), not as a recipient in its own right ("against").
func (w *work) placeCase(p string) bool { return !w.c.single["recipient"][p] }

// nounRecipient returns the recipient of an event noun at n: a
// prepositional modifier with a recipient preposition ("talks with Y",
// "attacks on Y", "aid to Y").
func (w *work) nounRecipient(n int) parties {
	for _, o := range w.kids(n, "nmod") {
		if _, full := w.rel(o); full == "nmod:poss" {
			continue
		}
		c := w.caseOf(o)
		// "the blockade of Serbia", "the invasion of Kuwait": of an
		// attack or coercion, "of" names its target.
		if w.recipientCase(c) || (w.target && c == "of") {
			if p := w.argument(o, n); !p.empty() {
				p.place = c != "of" && w.placeCase(c)
				return p
			}
		}
	}
	return parties{}
}

// synNoun attributes an event noun at token n: its owner or modifier
// ("Israel's attacks", "Israeli shelling", "attacks by X"), "between X and
// Y", else the subject of the verb that carries it ("held talks",
// "launched airstrikes"); the recipient is a modifier with a recipient
// preposition, or the carrying verb's.
func (w *work) synNoun(n int) (actor, recip parties, reciprocal, ok bool) {
	for _, c := range w.kids(n, "nmod:poss", "amod", "compound", "nmod") {
		base, full := w.rel(c)
		if w.pronoun(c) {
			continue // "its mediation": the owner is not resolved by syntax
		}
		if base == "nmod" && full != "nmod:poss" {
			switch w.caseOf(c) {
			case "by":
			case "between", "among":
				if g := w.argument(c, n); !g.empty() {
					if len(g.actors()) < 2 {
						// "between President Putin and Israeli Prime
						// Minister Netanyahu" read as an apposition: the
						// second side after "and".
						for _, a := range w.kids(c, "appos") {
							if w.ment[a] >= 0 && w.andBetween(c, a) {
								g.ms = append(g.ms, w.phrase(a, 0)...)
							}
						}
					}
					if actor.empty() {
						actor = w.carrier(n)
					}
					if actor.empty() {
						return g, parties{}, true, true
					}
					return actor, g, false, true
				}
				continue
			default:
				continue
			}
		}
		if p := w.argument(c, n); !p.empty() && actor.empty() {
			actor = p
		}
	}
	if actor.empty() {
		actor = w.carrier(n)
	} else if distinctCodes(actor.actors()) >= 2 {
		// "the Damascus–Moscow meeting", "Russian-Iranian talks": the
		// modifier names both sides.
		if recip = w.nounRecipient(n); recip.empty() {
			return actor, parties{}, true, true
		}
		return actor, recip, false, true
	}
	recip = w.nounRecipient(n)
	if recip.empty() {
		// "gave aid to Syria": a light verb's phrase names the noun's
		// recipient ("complained to the UN over air raids" does not).
		if v := w.head(n); v >= 0 && w.isVerb(v) && (w.is("light", v) || w.lightPhraseEnding(v) || w.lightParticle(v)) {
			if base, _ := w.rel(n); base == "obj" {
				for _, o := range w.kids(v, "obl", "iobj") {
					if w.recipientCase(w.caseOf(o)) || w.deps[o].Rel == "iobj" {
						if p := w.argument(o, v); !p.empty() {
							recip = p
							break
						}
					}
				}
			}
		}
	}
	return actor, recip, false, true
}

// carrier returns the subject of the verb whose object (or subject, for
// "talks were held") event noun n is.
func (w *work) carrier(n int) parties {
	v := w.head(n)
	if v < 0 || !w.isVerb(v) {
		return parties{}
	}
	switch base, full := w.rel(n); {
	case base == "obj":
		if !w.is("light", v) && !w.lightPhraseEnding(v) && !w.lightParticle(v) {
			return parties{}
		}
		if norm := w.toks[v].Norm; norm == "has" || norm == "have" {
			// "Canada has one trade agreement in Asia": present "have"
			// tells what a party holds, not what it did ("had talks").
			return parties{}
		}
		a, _, _ := w.synSubject(v)
		return a
	case full == "nsubj:pass":
		if w.is("broker", v) {
			// "the deal was mediated by Turkey and Russia": the
			// mediators are not its parties.
			return parties{}
		}
		a, _, _ := w.synSubject(v)
		return a
	}
	return parties{}
}

// lightParticle reports "carried out": a light phrase whose particle
// follows the verb.
func (w *work) lightParticle(v int) bool {
	for _, p := range w.kids(v, "compound:prt") {
		for _, ph := range w.c.words["light"] {
			if len(ph) == 2 && w.hasLemma(v, ph[0]) && w.toks[p].Norm == ph[1] {
				return true
			}
		}
	}
	return false
}

// synClaimant returns who reports the event of trigger token v: the
// subject of a reporting verb v's clause depends on ("X said Y attacked",
// "Y attacked, X said"), or "according to X".
func (w *work) synClaimant(v int) *parley.Mention {
	for x := v; x >= 0; x = w.head(x) {
		base, _ := w.rel(x)
		h := w.head(x)
		for _, o := range w.kids(x, "obl", "nmod") {
			if w.caseOf(o) == "according" {
				if ms := w.phrase(o, 0); len(ms) > 0 {
					return ms[0].m
				}
			}
		}
		if h < 0 {
			return nil
		}
		if (base == "ccomp" || base == "parataxis" || base == "advcl") && w.is("say", h) {
			a, _, _ := w.synSubject(h)
			if len(a.ms) > 0 {
				return a.ms[0].m
			}
			if a.ref != nil {
				return a.ref
			}
			return nil
		}
		if base != "conj" && base != "xcomp" && base != "ccomp" {
			return nil
		}
	}
	return nil
}

// synParties attributes trigger t by syntax; ok is false when syntax finds
// no actor, and the positional rules are used instead.
func (w *work) synParties(t *trigger) (actor, recip parties, reciprocal, ok bool) {
	if t.r.noun {
		actor, recip, reciprocal, _ = w.synNoun(t.lits[len(t.lits)-1])
		if t.r.flags&flagHost != 0 && !reciprocal {
			// "Mitterrand gave a warm welcome to de Klerk": the
			// welcomed one visits, the one who gives it hosts.
			if recip.empty() {
				return parties{}, parties{}, false, false
			}
			actor, recip = recip, actor
		}
		return actor, recip, reciprocal, !actor.empty()
	}
	v := t.head
	if t.r.flags&flagMutual != 0 && len(w.kids(v, "nsubj")) == 0 {
		// "because of fighting between Azerbaijanis and Armenians": the
		// sides are named after "between", not inherited.
		for _, o := range w.kids(v, "obl") {
			if c := w.caseOf(o); c == "between" || c == "among" {
				if g := w.argument(o, v); len(g.actors()) >= 2 {
					return g, parties{}, true, true
				}
			}
		}
	}
	subj, patient, passive := w.synSubject(v)
	obj := w.synObject(v, t)
	if obj.empty() && t.gov != nil && !t.gov.r.noun {
		// "threatened to attack Israel", "refused to meet X".
		obj = w.synObject(t.gov.head, t.gov)
	}
	if passive {
		obj = patient
	}
	if t.assured >= 0 {
		// "X reaffirmed that Y would retain": Y is assured.
		for _, s := range w.kids(t.assured, "nsubj") {
			obj = w.argument(s, t.assured)
			if t.r == w.c.demand && w.pronoun(s) && (obj.empty() || overlapCodes(obj.actors(), subj.actors())) {
				// "sent a warning to Poland that it must respect":
				// an obligation binds whom it is addressed to.
				if a := w.addressee(v); !a.empty() {
					obj = a
				}
			}
		}
	}
	// "Egypt reiterated Jordan's support for X": the owner of the
	// pattern's noun acts, unless it is the subject's own state
	// ("Lavrov reiterated Russia's support").
	for _, j := range t.lits[1:] {
		for _, c := range w.kids(j, "nmod:poss") {
			if w.ment[c] < 0 {
				continue
			}
			if p := w.argument(c, j); !p.empty() && !overlapCodes(p.actors(), subj.actors()) && !subj.empty() {
				subj = p
			}
		}
	}
	actor, recip = subj, obj
	if t.r.flags&flagHost != 0 {
		// "X hosted Y", "Y was received by X": Y visits, X hosts.
		actor, recip = obj, subj
	}
	if actor.empty() && t.r.cat == "ASSAULT" && !obj.empty() && w.unidentified(v, passive) {
		// "a roadside bomb killed two US soldiers", "were killed by
		// unknown gunmen", "killed in a car bombing": an attack on a named
		// victim by an attacker the text does not name.
		actor = parties{unknown: true}
	}
	if actor.empty() && t.r.flags&flagHost == 0 && w.namedNonActor(v, passive) {
		// "Gunmen carried out attacks", "Starbucks agreed to buy",
		// "earthquakes struck Iran": the parse names who acted, and it
		// is no state, body or official; no guess by position.
		t.blocked = true
	}
	return actor, recip, false, !actor.empty()
}

// unidentified reports whether attack verb v is told of an attacker the
// sentence does not name: a weapon or unnamed attacker (words.tsv
// "weapon") as its subject, its "by" agent when passive, or, passive with
// no agent, its "in" phrase.
func (w *work) unidentified(v int, passive bool) bool {
	weapon := func(n int) bool {
		if w.ment[n] >= 0 {
			return false
		}
		if w.is("weapon", n) {
			return true
		}
		// "a car bomb explosion": a compound names the weapon (or a
		// gerund the parser hangs on the noun: "a roadside bombing").
		for _, c := range w.kids(n, "compound", "acl") {
			if w.is("weapon", c) {
				return true
			}
		}
		return false
	}
	if !passive {
		for _, s := range w.kids(v, "nsubj") {
			return weapon(s)
		}
		// "a car bomb killed 13 soldiers and wounded 56 more": a verb
		// coordinated with one whose subject is a weapon shares it.
		if base, _ := w.rel(v); base == "conj" {
			if h := w.head(v); h >= 0 && w.isVerb(h) && len(w.kids(h, "aux:pass")) == 0 {
				for _, s := range w.kids(h, "nsubj") {
					return weapon(s)
				}
			}
		}
		return false
	}
	agent := false
	for _, a := range w.kids(v, "obl:agent", "obl") {
		if _, full := w.rel(a); full == "obl:agent" || w.caseOf(a) == "by" {
			agent = true
			if weapon(a) {
				return true
			}
		}
	}
	if agent {
		return false
	}
	for _, a := range w.kids(v, "obl") {
		if w.caseOf(a) == "in" && weapon(a) {
			return true
		}
	}
	return false
}

// passiveVerb reports whether verb v is passive itself: a passive
// auxiliary or subject, or a past participle with its own "by" agent.
func (w *work) passiveVerb(v int) bool {
	if len(w.kids(v, "aux:pass", "obl:agent")) > 0 {
		return true
	}
	if len(w.kids(v, "nsubj:pass")) > 0 {
		return !w.activeVerb(v)
	}
	return w.deps[v].XPOS == "VBN" && len(w.kids(v, "aux")) == 0
}

// namedNonActor reports whether verb v has a subject (or, passive, a "by"
// agent) that is a word of the sentence but no actor mention.
func (w *work) namedNonActor(v int, passive bool) bool {
	if passive {
		for _, a := range w.kids(v, "obl:agent", "obl") {
			if _, full := w.rel(a); full == "obl:agent" || w.caseOf(a) == "by" {
				return !w.pronoun(a)
			}
		}
		return false
	}
	return w.nonActorSubject(v, 0)
}

// nonActorSubject reports whether the subject verb v has, or inherits as
// inherited does, is a word that names no actor.
func (w *work) nonActorSubject(v, depth int) bool {
	if depth > 4 {
		return false
	}
	if subj := w.kids(v, "nsubj"); len(subj) > 0 {
		s := subj[0]
		if w.is("weapon", s) && w.ment[s] < 0 {
			return true // "a car bomb in central Turkey killed": no one named
		}
		return !w.pronoun(s) && !w.mentionUnder(s) && w.pairEnding(s) == nil
	}
	h := w.head(v)
	if h < 0 || len(w.kids(v, "nsubj:pass", "aux:pass")) > 0 {
		return false
	}
	switch base, full := w.rel(v); {
	case base == "xcomp":
		if len(w.kids(h, "obj")) > 0 {
			return false // object control: "urged Syria to withdraw"
		}
		return w.isVerb(h) && w.nonActorSubject(h, depth+1)
	case base == "conj" && w.isVerb(h), base == "advcl" && (strings.HasSuffix(w.toks[v].Norm, "ing") || w.markedTo(v)) && !w.markedOf(v):
		return w.nonActorSubject(h, depth+1)
	case full == "acl:relcl", base == "acl" && w.isNoun(h):
		// "officials who met", "civilians set fire to their homes"
		// (a clause the parser hung on its subject).
		return !w.pronoun(h) && !w.mentionUnder(h)
	}
	return false
}

// mentionUnder reports whether an actor mention stands anywhere in the
// phrase headed by n ("groups in Zimbabwe", "workers affiliated with the
// Serbian Workers' Union").
func (w *work) mentionUnder(n int) bool {
	for j := range w.toks {
		if w.ment[j] < 0 {
			continue
		}
		for x, steps := j, 0; x >= 0 && steps < 8; x, steps = w.head(x), steps+1 {
			if x == n {
				return true
			}
		}
	}
	return false
}

// names reports whether the side is named by mention m or its actor.
func (p parties) names(m *parley.Mention) bool {
	for _, x := range p.ms {
		if x.m == m || x.m.Actor == m.Actor {
			return true
		}
	}
	if p.ref != nil && p.ref.Actor == m.Actor {
		return true
	}
	for _, a := range p.pair {
		if a == m.Actor {
			return true
		}
	}
	return false
}

// sameSpan returns mention k with the other mentions of the same span (the
// recognizer may resolve "the two countries" to two actors).
func (w *work) sameSpan(k int) []*smention {
	out := []*smention{&w.sm[k]}
	for i := range w.sm {
		if i != k && w.sm[i].first == w.sm[k].first && w.sm[i].end == w.sm[k].end {
			out = append(out, &w.sm[i])
		}
	}
	return out
}

// pairEnding resolves "the two sides" ending at token n to the last two
// states named before it.
func (w *work) pairEnding(n int) []parley.Actor {
	for _, ph := range w.c.words["pair"] {
		j := n - len(ph) + 1
		if j < 0 {
			continue
		}
		if e, ok := w.phraseAt(j, ph); ok && e == n+1 {
			return w.lastTwo(w.toks[j].Span.Start)
		}
	}
	return nil
}

// verbal categories are said, not done: an event noun of one that is the
// object of another event verb ("rejected the proposal", "denied the
// allegations") is what that event is about, not a second event. Material
// ones are kept: "denounced Israeli attacks" reports the attacks too.
var verbal = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true}

// synGovern links by syntax what govern links by position: an intention
// or request verb governs the event verb of its complement ("demanded
// that Israel ease restrictions", "refused to allow"); and an event noun
// that is the object of another event verb is the content of that event
// ("rejected a U.S. request", "accepted the proposal"), not coded alone.
func (w *work) synGovern(trs []*trigger) {
	at := map[int]*trigger{}
	for _, t := range trs {
		at[t.head] = t
		at[t.lits[len(t.lits)-1]] = t
	}
	for _, u := range trs {
		n := u.lits[len(u.lits)-1]
		h := w.head(n)
		if h < 0 {
			continue
		}
		t := at[h]
		if t == nil || t == u || t.r.noun {
			continue
		}
		base, _ := w.rel(n)
		switch {
		case u.r.noun && base == "obj" && !w.is("light", h) && verbal[u.r.cat]:
			u.governed = true
			if t.gov == nil && t.r.flags&(flagScope|flagIntent) != 0 {
				t.gov = u
			}
		case (!u.r.noun || w.deps[n].Tag == "VERB") && (base == "ccomp" || base == "xcomp") && t.r.flags&(flagScope|flagIntent) != 0:
			// (A noun reading the parse makes a verb is reread as one
			// later: "demanding that India release the fishermen".)
			if t.gov != nil && t.gov != u {
				t.gov.governed = false
			}
			t.gov = u
			u.governed = true
		}
	}
	// What a governed noun or a rejection holds is governed with it:
	// "rejected an Indian proposal for signing a trade agreement" reports
	// no signing.
	for _, u := range trs {
		if !(u.governed && u.r.noun || u.r.cat == "REJECT" && !u.r.noun) {
			continue
		}
		for _, x := range trs {
			if !x.governed && x != u && w.under(x.lits[len(x.lits)-1], u.head) {
				x.governed = true
			}
		}
	}
}

// markedOf reports a gerund clause opened by "of" ("accused X of
// shelling").
func (w *work) markedOf(v int) bool {
	for _, m := range w.kids(v, "mark", "case") {
		if w.toks[m].Norm == "of" {
			return true
		}
	}
	return false
}

// markedTo reports a purpose clause: "telephoned X to discuss".
func (w *work) markedTo(v int) bool {
	for _, m := range w.kids(v, "mark") {
		if w.toks[m].Norm == "to" {
			return true
		}
	}
	return false
}

// question reports a sentence that asks rather than reports: it ends with
// a question mark.
func (w *work) question() bool {
	for i := len(w.toks) - 1; i >= 0; i-- {
		switch n := w.toks[i].Norm; {
		case n == "?":
			return true
		case w.toks[i].Kind == parley.Punct && n != "?":
			continue // closing quotes and brackets
		default:
			return false
		}
	}
	return false
}

// synPrune drops, by syntax, the triggers that do not report an event of
// their own: a verb pattern on a word the parser reads as a noun ("its
// veto"); verbs and event nouns inside a purpose clause or an infinitive
// that modifies a noun ("to deter further incursions", "an effort to lift
// sanctions", "the initiative to assist"); participles that modify a noun
// without an agent ("agreements signed in 2001", "the occupied Golan");
// and verbs flagged intention-only ("seek", "want") with a to-infinitive,
// together with the verb they govern ("Moscow seeks to expand
// cooperation" states an aim).
func (w *work) synPrune(trs []*trigger) {
	isTrig := map[int]*trigger{}
	for _, t := range trs {
		isTrig[t.head] = t
		isTrig[t.lits[len(t.lits)-1]] = t
	}
	for _, t := range trs {
		if len(t.lits) > 1 && !t.r.noun {
			// "Syrians view talks with Moscow": a noun the verb pattern
			// "talk with" took; the noun reading, if any, stands.
			if tag := w.deps[t.head].Tag; (tag == "NOUN" || tag == "PROPN") && !w.reread(t, true) && w.deps[t.head].Rel != "root" {
				// "a suspension of air links with Serbia": no verb, and
				// no event noun either. (A root tagged as a noun is more
				// likely a mistagged verb.)
				t.dropped = true
				continue
			}
		}
		if len(t.lits) == 1 {
			// The parser's part of speech decides between the verb and
			// the noun reading of one word ("lodged an official protest",
			// "Russia attacks Kyiv").
			switch tag := w.deps[t.head].Tag; {
			case !t.r.noun && (tag == "NOUN" || tag == "PROPN"):
				if !w.reread(t, true) {
					t.dropped = true
					continue
				}
			case !t.r.noun && tag == "ADJ":
				// "180 people dead and 1,300 injured": a state, not an act.
				t.dropped = true
				continue
			case t.r.noun && tag == "VERB":
				w.reread(t, false)
			}
		}
		n := t.lits[len(t.lits)-1]
		if t.r.flags&flagAssure != 0 {
			t.assured = w.assuredClause(t.head)
			if t.assured < 0 {
				t.dropped = true
				continue
			}
		}
		if !t.r.noun {
			n = t.head
			if w.participle(n) || w.listItem(n) {
				t.dropped = true
				continue
			}
			if t.r.flags&flagAim != 0 {
				for _, x := range w.kids(n, "xcomp") {
					if w.markedTo(x) && len(w.kids(n, "obj", "iobj")) == 0 {
						t.dropped = true
						if u := isTrig[x]; u != nil && u != t {
							u.dropped = true
						}
					}
				}
				if t.dropped {
					continue
				}
			}
		}
		if w.inPurpose(n, isTrig, t) || w.planned(n, t.r.noun) {
			t.dropped = true
		}
	}
}

// listItem reports a gerund introduced by "including" ("imposing new
// conditions, including lifting the siege"): an item of what the clause
// names, not an act of its own.
func (w *work) listItem(v int) bool {
	if !strings.HasSuffix(w.toks[v].Norm, "ing") {
		return false
	}
	for _, c := range w.kids(v, "case", "mark") {
		if c < v && w.toks[c].Norm == "including" {
			return true
		}
	}
	return false
}

// planned reports a trigger at n that is what a plan or aim holds: a verb
// that is plan content or coordinated with it ("aims to tighten sanctions
// and impose a blockade"), or a noun carried by such a verb.
func (w *work) planned(n int, noun bool) bool {
	v := n
	if noun {
		if v = w.head(n); v < 0 || !w.isVerb(v) {
			return false
		}
	}
	for depth := 0; v >= 0 && depth < 3; depth++ {
		if w.planContent(v) {
			return true
		}
		if base, _ := w.rel(v); base != "conj" {
			return false
		}
		v = w.head(v)
	}
	return false
}

// planContent reports a verb that is the content of a plan noun ("the
// ICRC's initiative to assist in Suwayda", "an attempt to mediate"): what
// is planned is not an event, whatever tag the parser gave the noun.
func (w *work) planContent(v int) bool {
	base, _ := w.rel(v)
	h := w.head(v)
	if base == "xcomp" && h >= 0 && w.isVerb(h) && w.markedTo(v) && w.is("aim", h) {
		// "a resolution that aims to tighten sanctions", "intends to
		// expand cooperation": an aim, not an act.
		return true
	}
	return (base == "xcomp" || base == "acl") && h >= 0 && !w.isVerb(h) && w.markedTo(v) && w.is("plan", h) && len(w.kids(h, "cop")) == 0
}

// assuredClause returns the verb of a complement clause of v that assures
// another party of what it keeps ("reaffirmed that Russia would retain its
// bases"): a "keep" verb with a modal and a subject of its own; -1 when v
// has none.
func (w *work) assuredClause(v int) int {
	for _, x := range w.kids(v, "ccomp") {
		if !w.is("keep", x) || len(w.kids(x, "nsubj")) == 0 {
			continue
		}
		for _, a := range w.kids(x, "aux") {
			if w.deps[a].Tag == "AUX" && w.is("modal", a) {
				return x
			}
		}
	}
	return -1
}

// participle reports a verb at v that modifies a noun as a participle
// with no subject, object or agent of its own ("agreements signed in
// 2001", "the occupied Golan"). A participle on a noun that names an actor
// is taken for a misparsed main verb ("Russian troops pulled back").
func (w *work) participle(v int) bool {
	base, full := w.rel(v)
	if base != "amod" && (base != "acl" || full == "acl:relcl") {
		return false
	}
	if len(w.kids(v, "nsubj", "nsubj:pass", "obj", "iobj")) > 0 || w.hasAgent(v) {
		return false
	}
	if base == "acl" && (len(w.phrase(w.head(v), 0)) > 0 || w.is("statement", w.head(v))) {
		// "officials accusing ...", "a declaration demanding ...".
		return false
	}
	// An attributive participle stands right after a determiner or a
	// preposition ("the occupied Golan", "to occupied Golan"); after
	// anything else the parse is more likely wrong ("the US on Thursday
	// rejected calls").
	return base == "acl" || v == 0 || w.is("determiner", v-1) || w.is("prep", v-1)
}

// hasAgent reports a "by" agent of verb v.
func (w *work) hasAgent(v int) bool {
	for _, a := range w.kids(v, "obl") {
		if _, full := w.rel(a); full == "obl:agent" || w.caseOf(a) == "by" {
			return true
		}
	}
	return false
}

// inPurpose reports whether token n stands in a to-infinitive that
// modifies a noun ("an effort to lift sanctions"), or in a purpose clause
// of another trigger ("requested patrols to deter incursions"). A purpose
// clause of a verb that is no event may hold the sentence's event
// ("farmers blocked roads to protest").
func (w *work) inPurpose(n int, isTrig map[int]*trigger, self *trigger) bool {
	purpose := false
	for x, steps := n, 0; x >= 0 && steps < 8; x, steps = w.head(x), steps+1 {
		if u := isTrig[x]; u != nil && u != self {
			return purpose
		}
		base, full := w.rel(x)
		if !w.markedTo(x) {
			continue
		}
		switch {
		case base == "acl" && full != "acl:relcl":
			return true
		case base == "advcl":
			purpose = true
		}
	}
	return false
}

// reread replaces one-word trigger t by the best rule of the other part of
// speech (noun when noun is set) that matches at its token, and reports
// whether there was one.
func (w *work) reread(t *trigger, noun bool) bool {
	i := t.head
	var best *trigger
	for _, l := range w.lem[i] {
		for _, r := range w.c.byHead[l] {
			if r.noun != noun {
				continue
			}
			end, lits, ok := w.match(r, i)
			if !ok || !w.fits(r, i, end, lits) {
				continue
			}
			if r.literals != 1 {
				continue // longer patterns were tried first: keep the word alone
			}
			if best == nil || r.order < best.r.order {
				best = &trigger{r: r, head: i, end: end, lits: lits, assured: -1}
			}
		}
	}
	if best == nil {
		return false
	}
	for _, j := range t.lits {
		w.used[j] = false // "talks with": "with" is free again
	}
	for _, j := range best.lits {
		w.used[j] = true
	}
	t.r, t.end, t.lits = best.r, best.end, best.lits
	return true
}

func slicesContainsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// distinctCodes counts the country and body codes in a list of actors.
func distinctCodes(list []parley.Actor) int {
	n := 0
	for i, a := range list {
		seen := false
		for _, b := range list[:i] {
			if b.Code == a.Code {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}

// definite reports an event noun with a definite or demonstrative
// determiner ("the meeting", "this visit"): most often a report of an
// event the article has told already.
func (w *work) definite(n int) bool {
	for _, d := range w.kids(n, "det") {
		switch w.toks[d].Norm {
		case "the", "this", "that", "these", "those":
			return true
		}
	}
	return false
}

// obligation reports whether the sentence has a modal of obligation after
// a reporting verb: the only sentences where demands cast as obligations
// ("said that China must drop barriers") can be, parsed even without a
// trigger.
func (w *work) obligation() bool {
	say := false
	for i := range w.toks {
		switch {
		case w.is("say", i) || w.is("statement", i):
			say = true
		case say && w.is("oblige", i):
			return true
		}
	}
	return false
}

// demands adds to trs (kept in token order) a REQUEST trigger for each
// reporting verb whose complement clause obliges a subject of its own:
// "Russia said that Sudan must return the helicopter" is a demand of
// Russia on Sudan, and the trigger of the clause, if any, is its content.
func (w *work) demands(trs []*trigger) []*trigger {
	for a := range w.toks {
		if !w.is("oblige", a) || w.deps[a].Tag != "AUX" {
			continue
		}
		x := w.head(a)
		if x < 0 || len(w.kids(x, "nsubj", "nsubj:pass")) == 0 {
			continue
		}
		// The reporting verb the clause depends on, through at most a
		// few heads: the parser often hangs "that ..." on the date
		// before it ("said on Tuesday that").
		v, st := -1, -1
		for h, steps := w.head(x), 0; h >= 0 && steps < 4; h, steps = w.head(h), steps+1 {
			if !w.isVerb(h) {
				continue
			}
			if w.is("say", h) {
				v = h
				break
			}
			if j := w.statementUnder(h, x); j >= 0 {
				v, st = h, j
				break
			}
		}
		if v < 0 || v > x {
			continue
		}
		t := &trigger{r: w.c.demand, head: v, end: v + 1, lits: []int{v}, assured: x}
		kept := trs[:0:0]
		for _, u := range trs {
			switch {
			case u.head == v || st >= 0 && u.head == st:
				continue // the reporting verb's or the statement's own reading gives way
			case u.head == x || w.under(u.head, x) || w.under(u.lits[len(u.lits)-1], x):
				if t.gov == nil && !u.r.noun {
					t.gov = u
				}
				u.governed = true
			}
			kept = append(kept, u)
		}
		i := 0
		for i < len(kept) && kept[i].head < v {
			i++
		}
		trs = append(kept[:i:i], append([]*trigger{t}, kept[i:]...)...)
	}
	return trs
}

// addressee returns the party verb v addresses: its object, or the "to"
// phrase of its object or of the verb ("sent a warning to Poland").
func (w *work) addressee(v int) parties {
	for _, o := range w.kids(v, "obj", "iobj", "obl") {
		base, _ := w.rel(o)
		if base == "obl" && w.caseOf(o) != "to" {
			continue
		}
		if base != "obl" && w.caseOf(o) == "" {
			if ms := w.phrase(o, 0); len(ms) > 0 {
				return parties{ms: ms}
			}
		}
		if base == "obl" {
			if ms := w.phrase(o, 0); len(ms) > 0 {
				return parties{ms: ms}
			}
			continue
		}
		for _, k := range w.kids(o, "nmod") {
			if w.caseOf(k) == "to" {
				if ms := w.phrase(k, 0); len(ms) > 0 {
					return parties{ms: ms}
				}
			}
		}
	}
	return parties{}
}

// statementUnder returns the statement noun among the dependents of verb
// v before x ("issued a stern reminder to Iraq that it must"), or -1: the
// verb reports what the statement says.
func (w *work) statementUnder(v, x int) int {
	for j := v + 1; j < x; j++ {
		if !w.is("statement", j) || !w.isNoun(j) {
			continue
		}
		for h, steps := w.head(j), 0; h >= 0 && steps < 3; h, steps = w.head(h), steps+1 {
			if h == v {
				return j
			}
		}
	}
	return -1
}

// apposedPerson returns the person mention that follows agent noun n after
// a comma when n's phrase names only that person's state (ms), or nil.
func (w *work) apposedPerson(n int, ms []*smention) *smention {
	if len(ms) == 0 || !w.isAgentNoun(n) || n+2 >= len(w.toks) || w.toks[n+1].Norm != "," {
		return nil
	}
	k := w.ment[n+2]
	if k < 0 || w.sm[k].first != n+2 || w.sm[k].m.Kind != parley.MentionPerson {
		return nil
	}
	p := &w.sm[k]
	for _, m := range ms {
		if m.m.Kind == parley.MentionPerson || m.m.Actor.Code != p.m.Actor.Code {
			return nil
		}
	}
	return p
}
