package event

import (
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/plover"
)

// cooperative categories turn into AGREE when announced as an intention.
var cooperative = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "COOPERATE": true, "AID": true}

// targeted categories take a place as their recipient: attacks, coercion,
// deployments, sanctions and concessions "in Iraq" concern Iraq.
var targeted = map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true, "SANCTION": true, "CONCEDE": true}

// conflictual material categories turn into THREATEN when announced.
var forceful = map[string]bool{"SANCTION": true, "COERCE": true, "ASSAULT": true, "MOBILIZE": true, "THREATEN": true}

// requestMode is the REQUEST/REJECT mode of a governed category
// ("refused to meet" is REJECT meet).
func requestMode(cat string) string {
	switch cat {
	case "CONSULT", "AGREE":
		return "meet"
	case "AID", "COOPERATE", "SUPPORT":
		return "assist"
	case "RETREAT", "CONCEDE":
		return "yield"
	}
	return "change"
}

// threatMode is the THREATEN mode of a governed category and mode.
func threatMode(cat, mode string) string {
	switch {
	case cat == "ASSAULT" || cat == "MOBILIZE":
		return "violence"
	case cat == "COERCE" && mode == "arrest":
		return "arrest"
	case cat == "COERCE" && mode == "seize":
		return "territory"
	case cat == "COERCE", cat == "PROTEST":
		return "restrict"
	case cat == "SANCTION" && mode == "expel":
		return "expel"
	case cat == "SANCTION":
		return "relations"
	}
	return ""
}

// parties is one side of an event: the mentions naming it.
type parties struct {
	ms   []*smention
	pair []parley.Actor // "the two sides": actors resolved from the article
	ref  *parley.Mention
	// unknown is an attacker the sentence does not name ("a roadside
	// bomb killed", "unknown gunmen"): an actor of sector UAF whose
	// country the place stage gives.
	unknown bool
	// place marks a recipient named as where an attack or coercion
	// happened ("a curfew in Turkey"): the people there.
	place bool
}

func (p parties) empty() bool {
	return len(p.ms) == 0 && len(p.pair) == 0 && p.ref == nil && !p.unknown
}

func (p parties) actors() []parley.Actor {
	var out []parley.Actor
	add := func(a parley.Actor) {
		for _, b := range out {
			if b == a {
				return
			}
		}
		out = append(out, a)
	}
	for _, m := range p.ms {
		add(m.m.Actor)
	}
	for _, a := range p.pair {
		add(a)
	}
	if p.ref != nil {
		add(p.ref.Actor)
	}
	if p.unknown {
		add(parley.Actor{Sector: parley.SectorUnidentified})
	}
	// "Lavrov, the Russian foreign minister": a bare state is the same
	// side as a named person or body of it, or a sector of it ("the
	// Turkish capital" and "Turkey").
	kept := out[:0]
	for _, a := range out {
		if a.Name == "" && a.Org == "" {
			covered := false
			for _, b := range out {
				if b.Code == a.Code && ((b.Name != "" || b.Org != "") && (a.Sector == "" || a.Sector == b.Sector) || a.Sector == "" && b.Sector != "") {
					covered = true
					break
				}
			}
			if covered {
				continue
			}
		}
		kept = append(kept, a)
	}
	return kept
}

// sentenceEvents codes the current sentence.
func (w *work) sentenceEvents() []parley.Event {
	if !w.actorable() {
		// No mention and no pronoun: nothing in the sentence can be an
		// actor, so it is neither matched nor parsed.
		w.trs = nil
		return nil
	}
	trs := w.triggers()
	obliged := w.obligation()
	if len(trs) == 0 && !obliged {
		w.trs = trs
		return nil
	}
	w.govern(trs)
	w.parse()
	if w.parsed() {
		if obliged {
			trs = w.demands(trs)
		}
		w.synGovern(trs)
		w.synPrune(trs)
	}
	w.trs = trs
	if len(trs) == 0 {
		return nil
	}
	if w.question() {
		// "Can this relationship endure?": asked, not reported.
		return nil
	}
	var out []parley.Event
	var nodes []int // the trigger token of each event in out
	var trigs []*trigger
	var ctx []string
	ctxDone := false
	for ti, t := range trs {
		if t.governed || t.dropped {
			continue
		}
		e, ok := w.attribute(trs, ti)
		if !ok {
			continue
		}
		if w.invited(trs, ti, out, trigs, &e) {
			continue
		}
		trigs = append(trigs, t)
		nodes = append(nodes, t.lits[len(t.lits)-1])
		if !t.r.noun {
			nodes[len(nodes)-1] = t.head
		}
		if !ctxDone {
			norms := make([]string, len(w.toks))
			for i, tk := range w.toks {
				norms[i] = tk.Norm
			}
			ctx = w.c.cb.Contexts(norms)
			ctxDone = true
		}
		if len(ctx) > 0 {
			e.Context = append([]string(nil), ctx...)
		}
		out = append(out, e)
	}
	out, nodes = w.dropConditions(out, nodes)
	out, nodes = w.outcomes(out, nodes)
	if w.parsed() {
		out, nodes = w.protestDemands(out, nodes)
	}
	if w.parsed() {
		out = w.mainEvents(out, nodes)
	}
	return absorb(out)
}

// protestDemands folds a demand made by protesting ("began a hunger strike
// to demand the return of property") into the protest: PLOVER 3.8.2 codes
// demands that take the form of protests as PROTEST. The demand's
// recipient completes the protest's.
func (w *work) protestDemands(evs []parley.Event, nodes []int) ([]parley.Event, []int) {
	keep, kept := evs[:0], nodes[:0]
	protestAt := func(v int) int {
		for k, e := range keep {
			if e.Type != "PROTEST" {
				continue
			}
			if kept[k] == v {
				return k
			}
			for _, o := range w.kids(v, "obj") {
				if kept[k] == o {
					return k // "began a hunger strike to demand"
				}
			}
		}
		return -1
	}
	for i, e := range evs {
		n := nodes[i]
		if e.Type == "REQUEST" && w.markedTo(n) {
			if base, _ := w.rel(n); base == "advcl" || base == "xcomp" {
				if k := protestAt(w.head(n)); k >= 0 {
					if len(keep[k].Recipients) == 0 {
						keep[k].Recipients = e.Recipients
					}
					continue
				}
			}
		}
		keep = append(keep, e)
		kept = append(kept, n)
	}
	return keep, kept
}

// outcomes folds an attack told as the outcome of one before it in the
// sentence ("shelled the town, killing 20 people", "carried out attacks,
// killing four policemen") into that attack: one event, whose recipients
// the outcome's complete.
func (w *work) outcomes(evs []parley.Event, nodes []int) ([]parley.Event, []int) {
	keep := evs[:0]
	kept := nodes[:0]
	for i, e := range evs {
		n := nodes[i]
		outcome := e.Type == "ASSAULT" && n > 0 && strings.HasSuffix(w.toks[n].Norm, "ing") && w.toks[n-1].Norm == ","
		if outcome {
			for k := len(keep) - 1; k >= 0; k-- {
				if keep[k].Type != "ASSAULT" {
					continue
				}
				for _, r := range e.Recipients {
					if !containsActor(keep[k].Recipients, r) && !containsActor(keep[k].Actors, r) {
						keep[k].Recipients = append(keep[k].Recipients, r)
					}
				}
				outcome = false // folded
				break
			}
			if !outcome {
				continue
			}
		}
		keep = append(keep, e)
		kept = append(kept, n)
	}
	return keep, kept
}

// subordinate relations put a clause or phrase under the one it depends
// on; coordination and parataxis do not.
var subordinate = map[string]bool{"ccomp": true, "xcomp": true, "advcl": true, "acl": true, "csubj": true, "obj": true, "obl": true, "nmod": true, "iobj": true}

// mainEvents keeps the events of the sentence's governing clauses: an
// event whose trigger stands in a clause or phrase subordinate to another
// event's trigger is dropped ("Syria said it was ready to resume talks
// after agreeing ..." is one event), unless it is a material act by other
// actors ("Egypt condemned Israel's shelling of Gaza" reports the shelling
// too).
func (w *work) mainEvents(evs []parley.Event, nodes []int) []parley.Event {
	if len(evs) < 2 {
		return evs
	}
	drop := make([]bool, len(evs))
	for i := range evs {
		for j := range evs {
			if i == j || drop[j] || !w.under(nodes[i], nodes[j]) {
				continue
			}
			if !verbal[evs[i].Type] && !overlapCodes(evs[i].Actors, evs[j].Actors) {
				continue
			}
			drop[i] = true
			break
		}
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// under reports whether token n depends on token top through subordinate
// relations only.
func (w *work) under(n, top int) bool {
	for x, steps := n, 0; x >= 0 && steps < 12; x, steps = w.head(x), steps+1 {
		if x == top {
			return x != n
		}
		base, _ := w.rel(x)
		if !subordinate[base] {
			return false
		}
	}
	return false
}

// ownPeople reports an act by a state's police, courts or government
// whose object (or the object of its purpose clause: "opened fire to
// disperse demonstrators") is a people noun of words.tsv "populace" that
// names no state.
func (w *work) ownPeople(t *trigger, a parley.Actor) bool {
	if !w.parsed() || t.r.noun || a.Code == "" || a.Code == "IGO" || a.Code == "NGO" {
		return false
	}
	switch a.Sector {
	case "COP", "JUD", "GOV":
	default:
		return false
	}
	verbs := []int{t.head}
	for _, x := range w.kids(t.head, "advcl", "xcomp", "conj") {
		if w.markedTo(x) || w.isVerb(x) {
			verbs = append(verbs, x)
		}
	}
	for _, o := range w.kids(t.head, "obj") {
		for _, x := range w.kids(o, "acl") {
			if w.markedTo(x) {
				verbs = append(verbs, x) // "opened fire to disperse"
			}
		}
	}
	for _, v := range verbs {
		for _, o := range w.kids(v, "obj") {
			if w.is("populace", o) && !w.mentionUnder(o) {
				return true
			}
		}
	}
	return false
}

// prepOf returns the token of the preposition that introduces noun n, or
// -1.
func (w *work) prepOf(n int) int {
	if n < 0 || n+1 >= len(w.childAt) {
		return -1
	}
	for _, i := range w.child[w.childAt[n]:w.childAt[n+1]] {
		if i < n && (w.deps[i].Rel == "case" || w.deps[i].Rel == "mark") {
			return i
		}
	}
	return -1
}

// topicOnly reports a recipient found by position that the parse puts in
// an "of" or "about" phrase of verb v, what was spoken of ("warned of
// French jihadists"), or in a relative clause under v: not to whom.
func (w *work) topicOnly(v int, p parties) bool {
	if !w.parsed() || len(p.ms) == 0 {
		return false
	}
	for _, o := range w.kids(v, "obl") {
		if c := w.caseOf(o); c != "of" && c != "about" {
			continue
		}
		for x, steps := p.ms[0].first, 0; x >= 0 && steps < 12; x, steps = w.head(x), steps+1 {
			if x == o {
				return true
			}
			if x == v {
				break
			}
		}
	}
	// "approve a plan that will not allow candidates from Hamas": a
	// mention inside a relative clause under the verb is no party.
	for x, steps := p.ms[0].first, 0; x >= 0 && steps < 12; x, steps = w.head(x), steps+1 {
		if x == v {
			return false
		}
		if _, full := w.rel(x); full == "acl:relcl" && w.head(x) != v {
			return true
		}
	}
	return false
}

// overlapCodes reports whether two sides share a country or body code.
func overlapCodes(a, b []parley.Actor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Code == y.Code {
				return true
			}
		}
	}
	return false
}

// absorb drops an event without recipients when the sentence has the same
// category and actors with recipients ("Israeli airstrikes on Damascus
// killed two soldiers" is one assault, not two).
func absorb(evs []parley.Event) []parley.Event {
	out := evs[:0]
	for i, e := range evs {
		drop := false
		if len(e.Recipients) == 0 {
			for j, o := range evs {
				if j != i && o.Type == e.Type && len(o.Recipients) > 0 && sameActors(o.Actors, e.Actors) {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, e)
		}
	}
	return out
}

func sameActors(a, b []parley.Actor) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !containsActor(b, x) {
			return false
		}
	}
	return true
}

// govern links intention and request verbs to the event verb they
// introduce ("agreed to meet", "urged Syria to withdraw").
func (w *work) govern(trs []*trigger) {
	for i, t := range trs {
		if t.governed || t.r.flags&(flagScope|flagIntent) == 0 {
			continue
		}
		for _, u := range trs[i+1:] {
			if w.clause[u.head] != w.clause[t.head] || u.head-t.end > 6 {
				break
			}
			if u.r.noun {
				// An event noun sets the mode but is coded on its own.
				if t.gov == nil {
					t.gov = u
				}
				break
			}
			u.governed = true
			t.gov = u
			break
		}
	}
}

// category returns the category and mode of a trigger, taking what it
// governs into account.
func category(t *trigger) (string, string) {
	cat, mode := t.r.cat, t.r.mode
	g := t.gov
	if g == nil {
		return cat, mode
	}
	if t.r.flags&flagIntent != 0 && !g.r.noun {
		switch {
		case cooperative[g.r.cat]:
			return "AGREE", ""
		case g.r.cat == "RETREAT" || g.r.cat == "CONCEDE":
			return "CONCEDE", ""
		case forceful[g.r.cat]:
			return "THREATEN", threatMode(g.r.cat, g.r.mode)
		}
		return g.r.cat, g.r.mode
	}
	if mode == "" {
		switch cat {
		case "REQUEST", "REJECT":
			mode = requestMode(g.r.cat)
		case "THREATEN":
			mode = threatMode(g.r.cat, g.r.mode)
		}
	}
	return cat, mode
}

// attribute finds who did what to whom for trigger trs[ti].
func (w *work) attribute(trs []*trigger, ti int) (parley.Event, bool) {
	t := trs[ti]
	if t.r.noun && t.end < len(w.toks) && w.used[t.end] {
		// "a cooperation pact": the noun modifies the next trigger.
		return parley.Event{}, false
	}
	if t.r.flags&flagAssure != 0 && t.assured < 0 {
		// An assurance is read from the parse alone.
		return parley.Event{}, false
	}
	if t.r.flags&flagContest != 0 && w.contest() {
		// "Trump narrowly beat Clinton in Wisconsin": an election or
		// a match, not violence.
		return parley.Event{}, false
	}
	if w.parsed() && !t.r.noun && (w.otherParticle(t) || t.r.flags&flagAnimate != 0 && w.inanimateObject(t) || w.adjectival(t)) {
		// "she wound up on a plane", "kill off the siesta": another
		// phrasal verb; "killed the trade deal", "a report released
		// Tuesday": no one is harmed or freed; "compromising material",
		// "the proposed changes": a verb used as an adjective.
		return parley.Event{}, false
	}
	var actor, recip parties
	reciprocal := false
	// Violence and coercion "in Iraq" are against Iraq; a meeting "in
	// Cairo" is only held there.
	// So are a deployment refused or agreed to "in Iraq", or aid.
	w.target = targeted[t.r.cat] || t.r.flags&flagLocative != 0 || t.gov != nil && (t.r.cat == "THREATEN" && targeted[t.gov.r.cat] ||
		(t.gov.r.cat == "MOBILIZE" || t.gov.r.cat == "AID") && (t.r.cat == "REJECT" || t.r.cat == "AGREE"))
	synDone := false
	if w.parsed() {
		actor, recip, reciprocal, synDone = w.synParties(t)
	}
	if !synDone && t.blocked {
		return parley.Event{}, false
	}
	if !synDone && t.r == w.c.demand {
		return parley.Event{}, false
	}
	if !synDone && w.parsed() && t.r.noun {
		// Syntax sees no actor for the noun: no guess by position.
		return parley.Event{}, false
	}
	if synDone && recip.empty() && !reciprocal && !t.r.noun {
		recip = w.contentParty(trs, t, actor)
	}
	if synDone && t.r.cat == "ACCUSE" && !t.r.noun {
		// "complained to the UN over Israeli air raids": the accused is
		// what the complaint is about, not whom it is addressed to.
		if p := w.grievance(t.head); !p.empty() {
			recip = p
		}
	}
	if synDone {
		// Syntax found the actor. A recipient it cannot see (a
		// prepositional phrase attached too low, a complement clause) is
		// the first mention after the trigger, as without syntax.
		if recip.empty() && !reciprocal {
			if t.r.noun {
				_, recip, _ = w.nounParties(t)
			} else if t.r.flags&flagHost == 0 {
				recip = w.object(trs, ti)
				if w.topicOnly(t.head, recip) {
					recip = parties{}
				}
			}
		}
	} else if t.r.noun {
		actor, recip, reciprocal = w.nounParties(t)
	} else {
		passive := w.passive(t)
		subj := w.subject(t.head)
		obj := w.object(trs, ti)
		if passive {
			subj, obj = w.byAgent(t.end), w.patient(t.head)
		}
		actor, recip = subj, obj
		if t.r.flags&flagHost != 0 {
			if passive {
				// "X was received by Y": X visits, Y hosts.
				actor, recip = obj, subj
			} else {
				actor, recip = obj, subj
			}
		}
	}
	if actor.empty() {
		return parley.Event{}, false
	}
	cat, mode := category(t)
	acts := actor.actors()
	var recs []parley.Actor
	if (t.r.flags&flagMutual != 0 || reciprocal) && !recip.place {
		// ("fighting in Iraq": a place is no second side.)
		for _, a := range recip.actors() {
			if !containsActor(acts, a) {
				acts = append(acts, a)
			}
		}
	} else {
		recs = recip.actors()
		if len(actor.pair) > 0 {
			recs = nil
		}
	}
	if t.r.cat == "AGREE" && cat == "CONCEDE" && t.r.flags&flagIntent != 0 && distinctCodes(acts) >= 2 {
		// "The two sides agreed to reopen the crossings": an agreement
		// between the sides, not one side's concession.
		cat, mode = "AGREE", ""
	}
	if t.r.flags&flagJoint != 0 && distinctCodes(acts) >= 2 {
		// "French and Egyptian warships launched war games": a joint
		// exercise is cooperation between the actors.
		cat, mode, recs = "COOPERATE", "", nil
	}
	if len(recs) == 0 && (cat == "PROTEST" || cat == "REJECT") {
		// "blocked streets in defiance of Chinese authorities", "declined
		// to resign despite pressure by the commission": whom the act
		// defies is its other side.
		recs = w.defied(t, acts)
	}
	if cat == "THREATEN" && len(recs) == 0 && !t.r.noun && w.parsed() {
		// "warned of retaliation against Israel": the threat's target is
		// its act's; "warned of hundreds of jihadists": a warning about
		// something that is no act threatens no one.
		for _, o := range w.kids(t.head, "obl") {
			if w.caseOf(o) != "of" {
				continue
			}
			if w.eventNoun(o) || w.is("backref", o) {
				recs = w.nounRecipient(o).actors()
			} else if w.isAgentNoun(o) || len(w.phrase(o, 0)) > 0 {
				return parley.Event{}, false
			}
			break
		}
	}
	if w.oneSided(t) {
		// "declared a unilateral ceasefire in south Lebanon": no one
		// else is party to it.
		recs = nil
	}
	if len(recs) == 0 && len(acts) < 2 && w.parsed() && !t.r.noun && !w.oneSided(t) {
		// "Syria condemned the attacks": the author of an act the
		// article told before.
		recs = w.backRecipient(t, acts)
	}
	if len(recs) == 0 && len(acts) == 1 && (cat == "COERCE" || cat == "ASSAULT") && w.ownPeople(t, acts[0]) {
		// "Egyptian police opened fire to disperse demonstrators":
		// a state's police, courts or government act on its own people.
		recs = []parley.Actor{{Code: acts[0].Code}}
	}
	if t.r.flags&flagProtest != 0 && official(actor) {
		cat, mode = "ACCUSE", "disapprove"
	}
	// Drop recipients that are the actor itself (same state and sector).
	if len(recs) > 0 {
		people := map[parley.Actor]bool{}
		if cat == "PROTEST" {
			// Protests are the public's: a state's people and its
			// government are two sides ("Algerians protested against
			// the government").
			people = actor.people()
		}
		kept := recs[:0:0]
		for _, r := range recs {
			same := false
			for _, a := range acts {
				if a.Code == r.Code && sector(a) == sector(r) && people[a] == people[r] {
					same = true
					break
				}
			}
			if same && recip.place && r.Sector == "" || same && recip.place && r.Sector == "GOV" && r.Name == "" && r.Org == "" {
				// "Turkish authorities imposed a curfew in Turkey": a
				// state's own territory stands for its people.
				r.Sector, same = "CVL", false
			}
			if !same {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 && len(acts) < 2 && w.c.single["dyadic"][strings.ToLower(cat)] {
			return parley.Event{}, false
		}
		// "The two sides agreed to form a Syrian-Russian committee": the
		// object names the actors themselves, so the event is mutual.
		recs = kept
	}
	if cat == "RETREAT" && recip.place && codesWithin(recs, acts) {
		// "their forces completed their withdrawal from the Bosnian town
		// of Gorazde": a retreat within the actor's own state has no
		// other side.
		recs = nil
	}
	if distinctCodes(acts) >= 2 && len(recs) > 0 && codesWithin(recs, acts) && !targeted[cat] {
		// "Israel and Lebanon renewed negotiations on an Israeli troop
		// pullback", "Palestinians and Israelis failed to reach
		// agreement on the fate of Palestinian offices": the two sides
		// act together; a phrase naming one of them again is the topic,
		// not a third party.
		recs = nil
	}
	if cat == "CONSULT" && mode == "visit" {
		w.namedHost(t, acts, recs)
	}
	aux, refused := w.aux(t)
	if refused && (cooperative[cat] || cat == "CONCEDE" || cat == "RETREAT") {
		// "Syria says it will not accept refugees", "would not meet
		// their demands": a refusal announced is a REJECT, not a
		// negated commitment.
		cat, mode, aux = "REJECT", "", ""
	}
	refusal := refused && cat == "REJECT"
	if cat != "THREATEN" && (aux == parley.AuxFuture || (t.gov != nil && t.r.flags&flagIntent != 0)) {
		if u := w.unless(t); u >= 0 {
			// "will withdraw its force from Chad unless the president
			// arranges a ceasefire": a conditional warning is a threat,
			// against whoever must meet the condition.
			cat, mode, aux = "THREATEN", threatMode(t.r.cat, t.r.mode), ""
			if t.gov != nil {
				mode = threatMode(t.gov.r.cat, t.gov.r.mode)
			}
			if len(recs) == 0 {
				if p := w.objectFrom(u+1, len(w.toks), w.clause[u]); !p.empty() {
					recs = p.actors()
				}
			}
		}
	}
	if cat == "RETREAT" && aux == parley.AuxFuture {
		// PLOVER: an announced retreat is a concession.
		cat, mode, aux = "CONCEDE", "", ""
	}
	if cooperative[cat] && cat != "AGREE" && aux == parley.AuxFuture {
		// PLOVER 3.1: consultations, support, cooperation and aid
		// reported in the future tense are commitments: AGREE, with no
		// auxiliary mode ("will visit", "will provide aid").
		cat, mode, aux = "AGREE", "", ""
	}
	if (cat == "ASSAULT" || cat == "COERCE" || cat == "SANCTION") && aux == parley.AuxHypothetical && w.wordAfter(t, "if") >= 0 {
		// "may halt its mediation if cooperation founders", "could
		// strike if the talks fail": a conditional warning is a threat.
		cat, mode, aux = "THREATEN", threatMode(cat, mode), ""
	}
	if cat == "PROTEST" && aux == parley.AuxFuture && len(recs) > 0 {
		// "said they would boycott all contact with the United States":
		// PLOVER's THREATEN restrict names boycotts and strikes.
		cat, mode, aux = "THREATEN", "restrict", ""
	}
	if cat == "SANCTION" && aux == parley.AuxFuture && w.announced(t) {
		// "announced it would prohibit all aid to the rebels": the
		// announcement of a cut is the cut (SANCTION is verbal conflict
		// in the manual's quad table, 7.2), as an announced retreat is a
		// concession.
		aux = ""
	}
	if (cat == "ASSAULT" || cat == "COERCE" || cat == "SANCTION") && aux == parley.AuxFuture {
		// PLOVER 2.3: one category, not a category and an auxiliary
		// mode: an announced attack, blockade or expulsion ("will
		// tighten the blockade") is a threat, its content the mode.
		cat, mode, aux = "THREATEN", threatMode(cat, mode), ""
	}
	if cat == "CONSULT" && mode == "visit" && military(acts) {
		// "Russian troops arrived in Syria": armed forces that arrive
		// deploy, they do not visit (as "deployed troops to Estonia",
		// verbs.tsv); peacekeepers deployed are aid ("NATO
		// peacekeeping troops have arrived in Bosnia").
		cat, mode = "MOBILIZE", "troops"
		if w.peacekeepers(t) {
			cat, mode = "AID", ""
		}
	}
	if len(recs) == 0 && len(acts) < 2 && w.c.single["dyadic"][strings.ToLower(cat)] && !refusal &&
		!(cat == "CONSULT" && mode == "visit" && w.placeNamedAfter(t) && !military(acts)) &&
		!(cat == "THREATEN" && plover.ForcefulThreat(mode) && synDone && w.placedAfter(t)) {
		// "rejecting the notion", "welcoming an official": a meeting,
		// request or rejection with no one on the other side is a
		// stance, not an event. A visit to a place ("arrived in Amman")
		// is kept: its host is the state of the place, which the
		// pipeline's place stage gives (the actor stage gives no
		// mention for a capital after "in"). So is a threat of force
		// against a place ("threatened to impose a curfew in Algiers"):
		// its target is the place's state.
		return parley.Event{}, false
	}
	if t.r.noun && len(recs) == 0 && len(acts) < 2 && w.parsed() && w.is("temporal", w.prepOf(t.lits[len(t.lits)-1])) {
		// "officers holed up since last month's U.S. invasion": an event
		// named to date another, with no other side, is not reported.
		return parley.Event{}, false
	}
	if t.r.flags&flagCivil == 0 && w.material(cat) && !w.political(acts) && !w.political(recs) {
		// "the airport restricted take-offs", "people fought in the
		// street": a material event needs a state, an armed group or a
		// body on one side.
		return parley.Event{}, false
	}
	if !w.c.cb.ValidMode(cat, mode) {
		mode = ""
	}
	if t.r.noun && w.parsed() && w.definite(t.lits[len(t.lits)-1]) && unnamed(acts) && unnamed(recs) {
		if w.told == nil {
			w.told = map[parley.Span]bool{}
		}
		w.told[parley.Span{Start: w.toks[t.lits[0]].Span.Start, End: w.toks[t.lits[len(t.lits)-1]].Span.End}] = true
	}
	e := parley.Event{
		Type:         cat,
		Mode:         mode,
		Aux:          aux,
		Actors:       acts,
		Recipients:   recs,
		Sentence:     w.s.Span,
		SentenceText: w.s.Span.In(w.a.Text),
		Trigger:      parley.Span{Start: w.toks[t.lits[0]].Span.Start, End: w.toks[t.lits[len(t.lits)-1]].Span.End},
		Mentions:     1,
	}
	if code, g, ok := w.c.cb.CAMEO(cat, mode); ok {
		e.CAMEO, e.Goldstein = code, g
	} else if code, g, ok := w.c.cb.CAMEO(cat, ""); ok {
		e.CAMEO, e.Goldstein = code, g
	}
	e.PLOVERScore = w.c.cb.Score(cat, mode)
	claim := (*parley.Mention)(nil)
	if w.parsed() {
		claim = w.synClaimant(t.lits[len(t.lits)-1])
	}
	if claim == nil {
		claim = w.claimant(t, actor)
	}
	if claim != nil && !actor.names(claim) {
		e.ClaimedBy = []parley.Actor{claim.Actor}
	}
	if e.Type == "PROTEST" && len(e.Recipients) == 0 {
		e.Recipients = w.protestTarget(t, acts, claim)
	}
	return e, true
}

// contest reports a sentence about an election or a match: one holding a
// word of words.tsv "contest".
func (w *work) contest() bool {
	for i := range w.toks {
		if w.is("contest", i) {
			return true
		}
	}
	return false
}

// adjectival reports a one-word verb trigger the parse uses as an
// adjective modifying a noun ("compromising material", "opposing sides").
func (w *work) adjectival(t *trigger) bool {
	if len(t.lits) != 1 {
		return false
	}
	// Only a present participle: a past one tagged as a modifier is as
	// often a parse error ("Israeli forces shelled villages").
	base, _ := w.rel(t.head)
	return base == "amod" && w.deps[t.head].XPOS == "VBG"
}

// otherParticle reports a verb trigger whose parse gives it a particle the
// pattern does not spell: "wound up" is not "wound", "kill off" not
// "kill".
func (w *work) otherParticle(t *trigger) bool {
	for _, c := range w.kids(t.head, "compound") {
		if _, full := w.rel(c); full == "compound:prt" && !slicesContainsInt(t.lits, c) {
			return true
		}
	}
	return false
}

// inanimateObject reports a trigger whose direct object, passive subject,
// or (as a participle) modified noun is a common noun that names no
// people: not an actor, pronoun, name, number, agent or "animate" word.
func (w *work) inanimateObject(t *trigger) bool {
	v := t.head
	objs := w.kids(v, "obj", "nsubj:pass")
	if base, _ := w.rel(v); base == "acl" && w.head(v) >= 0 {
		objs = append(objs, w.head(v)) // "a report released Tuesday"
	}
	for _, o := range objs {
		if slicesContainsInt(t.lits, o) {
			continue
		}
		d := w.deps[o]
		if d.Tag != "NOUN" || w.ment[o] >= 0 || w.is("agent", o) || w.is("animate", o) {
			return false
		}
		// "killed two Syrian soldiers", "freed members of Hamas": a
		// mention on the noun names people.
		for _, c := range w.kids(o, "amod", "compound", "nmod:poss", "nmod") {
			if _, full := w.rel(c); w.ment[c] >= 0 && (full != "nmod" || w.caseOf(c) == "of") {
				return false
			}
		}
		return true
	}
	return false
}

// placeNamedAfter reports a proper name right after the trigger, or
// after "the": the place of "arrived in Amman", "travelled to the Hague".
func (w *work) placeNamedAfter(t *trigger) bool {
	j := t.end
	if j < len(w.toks) && w.toks[j].Norm == "the" {
		j++
	}
	return j < len(w.toks) && w.ment[j] < 0 && isUpper(w.a.Text[w.toks[j].Span.Start])
}

// placedAfter reports a place preposition followed by a proper name that
// is no actor mention after the trigger in its clause: "in Algiers".
func (w *work) placedAfter(t *trigger) bool {
	for j := t.end; j+1 < len(w.toks) && w.clause[j] == w.clause[t.head]; j++ {
		if !w.c.single["place"][w.toks[j].Norm] {
			continue
		}
		k := j + 1
		if w.toks[k].Norm == "the" && k+1 < len(w.toks) {
			k++
		}
		if w.ment[k] < 0 && isUpper(w.a.Text[w.toks[k].Span.Start]) {
			return true
		}
	}
	return false
}

// peacekeepers reports a word of kind "peacekeeping" in trigger t's
// clause before it: the subject names a peacekeeping force.
func (w *work) peacekeepers(t *trigger) bool {
	cl := w.clause[t.head]
	for j := t.head - 1; j >= 0 && w.clause[j] == cl; j-- {
		if w.is("peacekeeping", j) {
			return true
		}
	}
	return false
}

// military reports an actor list of armed forces only: troops that
// "arrived in Bosnia" deploy, they do not visit.
func military(list []parley.Actor) bool {
	for _, a := range list {
		if a.Sector != "MIL" {
			return false
		}
	}
	return len(list) > 0
}

// protestTarget finds whom a protest is against when syntax gave no
// recipient: PLOVER codes protests against their recipient, which news
// names in the protest's purpose or place ("staged demonstrations to
// demand reforms by President Suharto's government", "demonstrated in
// Serbia", "in protest against violations by the security forces"): the
// first state, government body or official named after the trigger, not
// the source of the report.
func (w *work) protestTarget(t *trigger, acts []parley.Actor, claim *parley.Mention) []parley.Actor {
	for k := range w.sm {
		sm := &w.sm[k]
		m := sm.m
		if sm.first < t.end || m == claim || (claim != nil && m.Actor == claim.Actor) || w.sayAfter(sm.end) {
			continue
		}
		if containsActor(acts, m.Actor) {
			continue
		}
		switch {
		case m.Kind == parley.MentionCountry || m.Kind == parley.MentionCapital || m.Actor.Code == "IGO":
		case m.Kind == parley.MentionAdjective:
			continue // "Russian Jewish immigrants" is not against Russia
		default:
			switch m.Actor.Sector {
			case "GOV", "MIL", "COP", "LEG", "JUD", "PTY":
			default:
				continue
			}
		}
		return []parley.Actor{m.Actor}
	}
	// "Thousands of Nigerians rallied in Lagos": a protest by a state's
	// people that names no one else is against their government.
	code := ""
	for _, a := range acts {
		switch a.Sector {
		case "GOV", "MIL", "COP", "LEG", "JUD", "SPY", "":
			return nil
		}
		if a.Code == "" || a.Code == "IGO" || a.Code == "NGO" || code != "" && a.Code != code {
			return nil
		}
		code = a.Code
	}
	if code == "" {
		return nil
	}
	return []parley.Actor{{Code: code, Sector: "GOV"}}
}

// material reports whether a category is material cooperation or
// conflict.
func (w *work) material(cat string) bool {
	c, ok := w.c.cb.Category(cat)
	return ok && (c.Quad == plover.MaterialCoop || c.Quad == plover.MaterialConflict)
}

// political reports whether a list holds a political actor: a state, a
// body, an armed group, or a person or group of a sector that words.tsv
// does not list as civil (civilians, business, media...). A named person
// with neither sector nor title is a private person.
func (w *work) political(list []parley.Actor) bool {
	for _, a := range list {
		switch {
		case a.Org != "", a.Code == "IGO", a.Code == "NGO":
			return true
		case a.Sector == "":
			if a.Name == "" || a.Title != "" {
				return true
			}
		case !w.c.single["civil"][strings.ToLower(a.Sector)]:
			return true
		}
	}
	return false
}

// sector returns an actor's sector, GOV for a state named without one
// ("Russia" and "Putin" are one side).
func sector(a parley.Actor) string {
	if a.Sector == "" && a.Code != "IGO" && a.Code != "NGO" {
		return "GOV"
	}
	return a.Sector
}

func containsActor(list []parley.Actor, a parley.Actor) bool {
	for _, b := range list {
		if b == a {
			return true
		}
	}
	return false
}

// official reports whether a side is a state rather than its people.
func official(p parties) bool {
	for _, m := range p.ms {
		switch {
		case m.m.Kind == parley.MentionCountry || m.m.Kind == parley.MentionCapital:
			return true
		case m.m.Actor.Sector == "GOV" || m.m.Actor.Sector == "LEG" || m.m.Actor.Sector == "MIL":
			return true
		case m.m.Kind == parley.MentionOrg && (m.m.Actor.Code == "IGO" || m.m.Actor.Code == "NGO"):
			// "a human rights group protested": a body's protest is a
			// statement.
			return true
		}
	}
	return false
}

// passive reports "was attacked", "were received": a be-word one or two
// tokens before an inflected verb.
func (w *work) passive(t *trigger) bool {
	if w.toks[t.head].Norm == t.r.toks[0] {
		return false // bare lemma: "will meet", "to host"
	}
	if strings.HasSuffix(w.toks[t.head].Norm, "ing") || strings.HasSuffix(w.toks[t.head].Norm, "s") && !strings.HasSuffix(w.toks[t.head].Norm, "ss") {
		return false
	}
	for j := t.head - 1; j >= 0 && j >= t.head-3; j-- {
		if w.ment[j] >= 0 || w.toks[j].Kind == parley.Punct {
			return false
		}
		if w.is("be", j) && w.toks[j].Norm != "be" {
			return true
		}
	}
	return false
}

// patient returns the subject of a passive verb at p: the nearest mention
// before it in its clause, possessives included ("Russia's bases were
// shelled" is an attack on Russia).
func (w *work) patient(p int) parties {
	start := w.cstart[w.clause[p]]
	for k := len(w.sm) - 1; k >= 0; k-- {
		m := w.sm[k]
		if m.end > p || m.first < start || (w.is("prep", m.first-1) && w.toks[m.first-1].Norm != "of") {
			continue
		}
		return parties{ms: w.groupBack(k)}
	}
	return w.subject(p)
}

// byAgent returns the mention after "by" right after a passive verb.
func (w *work) byAgent(end int) parties {
	for j := end; j < len(w.toks) && j <= end+3; j++ {
		if w.toks[j].Norm == "by" {
			return w.objectFrom(j+1, len(w.toks), w.clause[j])
		}
		if w.toks[j].Kind == parley.Punct {
			break
		}
	}
	return parties{}
}

// acceptable reports whether a mention ending before token limit can be a
// subject: possessives only when they modify an agent noun ("Syria's
// foreign minister", not "Russia's bases").
func (w *work) acceptable(k, limit int) bool {
	m := w.sm[k]
	if !m.m.Possessive {
		return true
	}
	for j := m.end; j < limit && j < m.end+3; j++ {
		if w.is("agent", j) {
			return true
		}
	}
	return false
}

// subject finds the actor of a verb at token p: the nearest acceptable
// mention before it in its clause (with the mentions coordinated with it),
// "the two sides", a pronoun, or the subject of the clause before.
func (w *work) subject(p int) parties {
	if p >= len(w.toks) {
		return parties{}
	}
	return w.subjectIn(p, w.clause[p])
}

// subjectIn is subject for a verb at token p (or clause end) in clause cl.
func (w *work) subjectIn(p, cl int) parties {
	start := w.cstart[cl]
	// "X met Y and promised ...": the second verb shares the first's
	// subject.
	for j := p - 1; j >= start && j >= p-2 && w.ment[j] < 0; j-- {
		if w.toks[j].Norm != "and" {
			continue
		}
		for k := len(w.trs) - 1; k >= 0; k-- {
			u := w.trs[k]
			if u.head < j && w.clause[u.head] == cl && !u.r.noun {
				return w.subject(u.head)
			}
		}
	}
	for k := len(w.sm) - 1; k >= 0; k-- {
		m := w.sm[k]
		if m.end > p || m.first < start {
			continue
		}
		if !w.acceptable(k, p) || (w.is("prep", m.first-1) && w.toks[m.first-1].Norm != "of") {
			continue
		}
		if pr := w.pairBetween(m.end, p); pr != nil {
			return parties{pair: pr}
		}
		return parties{ms: w.groupBack(k)}
	}
	if pr := w.pairBetween(start, p); pr != nil {
		return parties{pair: pr}
	}
	for j := p - 1; j >= start; j-- {
		switch {
		case w.is("person", j):
			return w.refer(true)
		case w.is("thing", j):
			if w.theyNamed(j) {
				return parties{}
			}
			return w.refer(false)
		}
	}
	if cl > 0 {
		// A clause opened by "but", "while", "who": its subject is the
		// previous clause's, the subject of its verb when it has one.
		for k := len(w.trs) - 1; k >= 0; k-- {
			if u := w.trs[k]; !u.r.noun && w.clause[u.head] == cl-1 {
				return w.subject(u.head)
			}
		}
		return w.subjectIn(start, cl-1)
	}
	return parties{}
}

// refer resolves a pronoun to the last person (or the last state or body)
// mentioned in the article before the sentence. "It" and "they" reach
// back one sentence only, and not past a sentence whose subject is a name
// the actor stage does not know ("Eta was formed in 1959. It killed more
// than 800 people" is not Spain's doing).
func (w *work) refer(person bool) parties {
	if person {
		// "he"/"she": the actor stage resolves them where it can
		// (mentions of kind person); one it left alone stands for someone
		// it does not know ("Mrs Haley said she...").
		return parties{}
	}
	if w.prevS == nil || w.unknownOpener(w.prevS) {
		return parties{}
	}
	for i := len(w.all) - 1; i >= 0 && w.all[i].Span.Start >= w.prevS.Span.Start; i-- {
		m := &w.all[i]
		if m.Span.Start < w.s.Span.Start && !m.Possessive && m.Kind != parley.MentionPerson {
			return parties{ref: m}
		}
	}
	return parties{}
}

// unknownOpener reports a sentence that opens with a capitalized word
// that is neither a function word nor the start of an actor mention: a
// name the actor stage does not know.
func (w *work) unknownOpener(s *parley.Sentence) bool {
	if len(s.Tokens) == 0 {
		return false
	}
	t := s.Tokens[0]
	text := t.Span.In(w.a.Text)
	if text == "" || !isUpper(text[0]) || w.c.single["opener"][t.Norm] {
		return false
	}
	for i := range w.all {
		if w.all[i].Span.Start == t.Span.Start {
			return false
		}
	}
	return true
}

// pairBetween looks for "the two sides" in tokens [from, to) and resolves
// it to the last two distinct states named in the article before it.
func (w *work) pairBetween(from, to int) []parley.Actor {
	for j := from; j < to; j++ {
		for _, ph := range w.c.words["pair"] {
			if _, ok := w.phraseAt(j, ph); ok {
				return w.lastTwo(w.toks[j].Span.Start)
			}
		}
	}
	return nil
}

func (w *work) lastTwo(before int) []parley.Actor {
	var out []parley.Actor
	seen := map[string]bool{}
	for i := len(w.all) - 1; i >= 0 && len(out) < 2; i-- {
		m := &w.all[i]
		if m.Span.Start >= before || seen[m.Actor.Code] || m.Actor.Code == "" {
			continue
		}
		seen[m.Actor.Code] = true
		out = append(out, parley.Actor{Code: m.Actor.Code, Sector: m.Actor.Sector})
	}
	if len(out) < 2 {
		return nil
	}
	return []parley.Actor{out[1], out[0]}
}

// coordinated reports whether only coordinating words stand in [from, to).
func (w *work) coordinated(from, to int) bool {
	if from >= to {
		return false // adjacent mentions name one actor twice
	}
	for j := from; j < to; {
		ok := false
		for _, ph := range w.c.words["coord"] {
			if e, m := w.phraseAt(j, ph); m {
				j, ok = e, true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// groupBack returns mention k with the mentions coordinated before it.
func (w *work) groupBack(k int) []*smention {
	out := []*smention{&w.sm[k]}
	for i := k - 1; i >= 0; i-- {
		if !w.coordinated(w.sm[i].end, w.sm[i+1].first) {
			break
		}
		out = append([]*smention{&w.sm[i]}, out...)
	}
	return out
}

// groupFwd returns mention k with the mentions coordinated after it.
func (w *work) groupFwd(k int) []*smention {
	out := []*smention{&w.sm[k]}
	for i := k + 1; i < len(w.sm); i++ {
		if !w.coordinated(w.sm[i-1].end, w.sm[i].first) || w.sayAfter(w.sm[i].end) {
			break
		}
		out = append(out, &w.sm[i])
	}
	return out
}

// objectFrom returns the first mention starting in [from, limit) within
// clause cl, preferring a named actor right after a possessive ("Syria's
// new president, Ahmad al-Sharaa"), with the mentions coordinated to it.
func (w *work) objectFrom(from, limit, cl int) parties {
	for k := range w.sm {
		m := w.sm[k]
		if m.first < from || m.first >= limit || w.clause[m.first] != cl {
			continue
		}
		if w.sayAfter(m.end) {
			continue // ", Lavrov said": the claimant, not the object
		}
		if w.is("boundary", m.end) {
			continue // "on the Thai border": a place
		}
		if !w.target && w.is("place", m.first-1) && !w.used[m.first-1] {
			continue // "talks in Cairo": where, not with whom
		}
		if m.m.Possessive && k+1 < len(w.sm) && w.sm[k+1].first-m.end <= 4 && w.sm[k+1].first < limit &&
			w.sm[k+1].m.Actor.Code == m.m.Actor.Code {
			k++
		}
		return parties{ms: w.groupFwd(k)}
	}
	return parties{}
}

// sayAfter reports a reporting verb within two tokens after token end.
func (w *work) sayAfter(end int) bool {
	for j := end; j < len(w.toks) && j < end+2; j++ {
		if w.is("say", j) {
			return true
		}
	}
	return false
}

// object finds the recipient of verb trigger trs[ti]: the first mention
// after its head and before the next event verb it does not govern.
func (w *work) object(trs []*trigger, ti int) parties {
	t := trs[ti]
	limit := len(w.toks)
	for _, u := range trs[ti+1:] {
		if u == t.gov || u.r.noun {
			continue
		}
		limit = u.head
		break
	}
	return w.objectFrom(t.head+1, limit, w.clause[t.head])
}

// nounParties attributes an event noun: a possessive or adjective actor
// before it, "by X" or "between X and Y" after it, or the subject of a
// light verb that carries it.
func (w *work) nounParties(t *trigger) (actor, recip parties, reciprocal bool) {
	cl := w.clause[t.head]
	// Modifier: "Israel's attacks", "Israeli shelling", "the Russian-led
	// mediation", allowing two plain words between ("systematic").
	skipped := 0
	for j := t.head - 1; j >= w.cstart[cl] && skipped <= 2; j-- {
		if k := w.ment[j]; k >= 0 {
			actor = parties{ms: w.groupBack(k)}
			break
		}
		tk := w.toks[j]
		if tk.Kind != parley.Word || w.is("determiner", j) || w.is("light", j) || w.used[j] {
			break
		}
		skipped++
	}
	after := t.end
	if after < len(w.toks) {
		switch w.toks[after].Norm {
		case "by":
			if actor.empty() {
				actor = w.objectFrom(after+1, min(after+4, len(w.toks)), cl)
			}
		case "between", "among":
			group := w.objectFrom(after+1, min(after+4, len(w.toks)), cl)
			if actor.empty() {
				actor = w.lightSubject(t)
			}
			if actor.empty() {
				return group, parties{}, true
			}
			return actor, group, false
		}
	}
	if actor.empty() {
		actor = w.lightSubject(t)
	}
	if actor.empty() {
		return
	}
	recip = w.objectFrom(t.end, len(w.toks), cl)
	return
}

// lightSubject returns the subject of a light verb carrying noun trigger t
// ("held talks", "launched a wave of airstrikes").
func (w *work) lightSubject(t *trigger) parties {
	cl := w.clause[t.head]
	for j := t.head - 1; j >= w.cstart[cl] && j >= t.head-4; j-- {
		if w.ment[j] >= 0 || w.toks[j].Kind == parley.Punct {
			break
		}
		if w.is("light", j) || w.lightPhraseEnding(j) {
			return w.subject(j)
		}
		if w.is("prep", j) && w.toks[j].Norm != "of" {
			break
		}
	}
	return parties{}
}

// lightPhraseEnding reports a two-word light verb ("carry out") ending at j.
func (w *work) lightPhraseEnding(j int) bool {
	for _, ph := range w.c.words["light"] {
		if len(ph) < 2 || j-len(ph)+1 < 0 {
			continue
		}
		if _, ok := w.phraseAt(j-len(ph)+1, ph); ok {
			return true
		}
	}
	return false
}

// claimant returns who reported the event when it is reported speech:
// "X said (that) Y attacked Z", "Y attacked Z, X said".
func (w *work) claimant(t *trigger, actor parties) *parley.Mention {
	if len(actor.ms) == 0 {
		return nil
	}
	aFirst := actor.ms[0].first
	for j := range w.toks {
		if !w.is("say", j) || w.ment[j] >= 0 || w.used[j] && j == t.head {
			continue
		}
		var c *parley.Mention
		switch {
		case j < aFirst && j < t.head:
			// The claimant is the subject of the reporting verb.
			for k := len(w.sm) - 1; k >= 0; k-- {
				if w.sm[k].end <= j && w.acceptable(k, j) && !w.is("prep", w.sm[k].first-1) {
					c = w.sm[k].m
					break
				}
			}
		case j > t.end:
			for k := range w.sm {
				m := w.sm[k]
				afterPrep := w.is("prep", m.first-1) && w.toks[m.first-1].Norm != "of"
				if (m.first > j && m.first <= j+3) || (m.first >= t.end && m.end == j && !afterPrep) {
					c = m.m
					break
				}
			}
		}
		if c == nil {
			continue
		}
		for _, m := range actor.ms {
			if m.m == c || m.m.Actor == c.Actor {
				return nil
			}
		}
		return c
	}
	return nil
}

// isVerbHead reports whether a verb trigger starts at token j.
func (w *work) isVerbHead(j int) bool {
	for _, u := range w.trs {
		if u.head == j && !u.r.noun {
			return true
		}
	}
	return false
}

// aux returns the auxiliary mode of a trigger from the cues around it:
// negation before hypothetical before future before historical; and
// whether it is refused: negated and future at once ("will not accept").
func (w *work) aux(t *trigger) (string, bool) {
	cl := w.clause[t.head]
	start := w.cstart[cl]
	found := map[string]bool{}
	for _, c := range w.c.cues {
		if c.aux == "none" {
			continue
		}
		switch c.where {
		case "before":
			// Before the trigger, or inside a gap of its pattern ("said
			// it will support").
			last := t.lits[len(t.lits)-1]
			for j := max(start, t.head-4); j < last; j++ {
				if j >= t.head && slicesContainsInt(t.lits, j) {
					continue
				}
				if e, ok := w.phraseAt(j, c.toks); ok && e <= last && !w.cancelled(j) {
					found[c.aux] = true
				}
			}
		case "clause":
			for j := start; j < t.head; j++ {
				if _, ok := w.phraseAt(j, c.toks); ok && !w.cancelled(j) {
					found[c.aux] = true
				}
			}
		case "after":
			if !t.r.noun {
				continue
			}
			for j := t.end; j < len(w.toks) && j <= t.end+8 && w.clause[j] == cl && !w.isVerbHead(j); j++ {
				if _, ok := w.phraseAt(j, c.toks); ok && !w.cancelled(j) {
					found[c.aux] = true
				}
			}
		}
	}
	for j := max(start, t.head-4); j < t.head; j++ {
		if strings.HasSuffix(w.toks[j].Norm, "n't") {
			found[parley.AuxNegation] = true
		}
	}
	if len(found) == 0 && w.parsed() && !t.r.noun {
		// "is willing to send material to help defend Saudi Arabia": the
		// verbs an infinitive hangs on carry its intention.
		for a, steps := t.head, 0; steps < 3; steps++ {
			base, _ := w.rel(a)
			if !(base == "xcomp" || base == "advcl" && w.markedTo(a)) || w.head(a) < start {
				break
			}
			a = w.head(a)
			for _, c := range w.c.cues {
				if c.aux != parley.AuxFuture || c.where != "before" {
					continue
				}
				for j := max(start, a-4); j <= a; j++ {
					if e, ok := w.phraseAt(j, c.toks); ok && e <= a+2 && !w.cancelled(j) {
						found[c.aux] = true
					}
				}
			}
		}
	}
	refused := found[parley.AuxNegation] && found[parley.AuxFuture]
	for _, a := range []string{parley.AuxNegation, parley.AuxHypothetical, parley.AuxFuture, parley.AuxHistorical} {
		if found[a] {
			return a, refused
		}
	}
	return "", refused
}

// defied returns the party named right after a word of kind "defy"
// ("despite", "defiance") that follows trigger t in its clause: the
// first mention within six tokens that is not a place or one of acts.
func (w *work) defied(t *trigger, acts []parley.Actor) []parley.Actor {
	cl := w.clause[t.head]
	for j := t.end; j < len(w.toks) && w.clause[j] == cl; j++ {
		if !w.is("defy", j) {
			continue
		}
		for k := j + 1; k < len(w.toks) && k <= j+6; k++ {
			m := w.ment[k]
			if m < 0 {
				continue
			}
			sm := &w.sm[m]
			if sm.first != k || containsActor(acts, sm.m.Actor) || k > 0 && w.c.single["place"][w.toks[k-1].Norm] {
				break
			}
			return []parley.Actor{sm.m.Actor}
		}
		return nil
	}
	return nil
}

// oneSided reports a trigger marked as done by one side alone ("a
// unilateral ceasefire", "withdrew unilaterally"): a word of kind
// "unilateral" right before its pattern or inside it.
func (w *work) oneSided(t *trigger) bool {
	for j := max(0, t.head-2); j < t.end && j < len(w.toks); j++ {
		if w.is("unilateral", j) {
			return true
		}
	}
	if t.end < len(w.toks) && w.is("unilateral", t.end) {
		return true
	}
	return false
}

// cancelled reports whether token j stands in a phrase that is no cue
// though it holds one (modes.tsv aux "none": "once again" is not "once").
func (w *work) cancelled(j int) bool {
	for _, c := range w.c.cues {
		if c.aux != "none" {
			continue
		}
		for k := max(0, j-len(c.toks)+1); k <= j; k++ {
			if e, ok := w.phraseAt(k, c.toks); ok && e > j {
				return true
			}
		}
	}
	return false
}

// people returns the actors of the side named as a state's people, not its
// state: an adjective or demonym mention without a sector ("Algerians",
// "Iraqi students"), which the recognizer codes by country alone.
func (p parties) people() map[parley.Actor]bool {
	out := map[parley.Actor]bool{}
	for _, m := range p.ms {
		if m.m.Actor.Sector == "" && m.m.Kind != parley.MentionCountry && m.m.Kind != parley.MentionCapital && m.m.Actor.Name == "" && m.m.Actor.Org == "" {
			out[m.m.Actor] = true
		}
	}
	return out
}

// definite words make an event noun refer back to an act already told.
var definite = map[string]bool{"the": true, "these": true, "those": true, "this": true, "that": true, "such": true}

// backRecipient returns the recipient of verb trigger t whose object is an
// event noun referring back to an earlier event of the article ("condemned
// the attacks", "rejected these accusations", "threatened retaliation"):
// the actors of the last such event with other actors than acts. The
// definite noun takes the last event of its own category; a "backref" noun
// the last forceful one.
func (w *work) backRecipient(t *trigger, acts []parley.Actor) []parley.Actor {
	cands := w.kids(t.head, "obj")
	for _, j := range t.lits[1:] {
		if w.is("backref", j) {
			cands = append(cands, j) // "threatened retaliation", however parsed
		}
	}
	for _, o := range cands {
		cats := map[string]bool{}
		if w.is("backref", o) {
			for c := range forceful {
				cats[c] = true
			}
		} else {
			def := false
			for _, d := range w.kids(o, "det") {
				def = def || definite[w.toks[d].Norm]
			}
			if !def || len(w.phrase(o, 0)) > 0 {
				continue // "the Israeli attacks" names its author
			}
			for _, l := range w.lem[o] {
				for _, r := range w.c.byHead[l] {
					if r.literals == 1 && len(r.toks) == 1 && r.flags&(flagIntent|flagScope|flagAssure) == 0 {
						cats[r.cat] = true // "the strikes": the noun or its verb
					}
				}
			}
		}
		if len(cats) == 0 {
			continue
		}
		start := w.toks[t.head].Span.Start
		for i := len(w.prev) - 1; i >= 0; i-- {
			e := &w.prev[i]
			if !cats[e.typ] || e.start >= start {
				continue
			}
			other := true
			for _, a := range e.actors {
				for _, b := range acts {
					if a.Code == b.Code {
						other = false
					}
				}
			}
			if other {
				return append([]parley.Actor(nil), e.actors...)
			}
		}
	}
	return nil
}

// namedHost puts a name on a visit's host when the recipient is a state's
// government named only by its capital or its name and the rest of the
// sentence names one official of that government: "he visited Moscow,
// where he delivered a message to President Putin" is a visit to Putin.
func (w *work) namedHost(t *trigger, acts, recs []parley.Actor) {
	for i := range recs {
		r := &recs[i]
		if r.Name != "" || r.Org != "" || sector(*r) != "GOV" {
			continue
		}
		var host *parley.Actor
		for k := range w.sm {
			sm := &w.sm[k]
			a := sm.m.Actor
			if sm.first < t.end || sm.m.Kind != parley.MentionPerson || a.Name == "" ||
				a.Code != r.Code || sector(a) != "GOV" || containsActor(acts, a) {
				continue
			}
			if host != nil && host.Name != a.Name {
				host = nil // two officials: no way to tell which received
				break
			}
			host = &sm.m.Actor
		}
		if host != nil {
			*r = *host
		}
	}
}

// unnamed reports whether no actor in the list is a named person.
func unnamed(list []parley.Actor) bool {
	for _, a := range list {
		if a.Name != "" {
			return false
		}
	}
	return true
}

// invited reports whether the event of trigger trs[ti] is what an earlier
// invitation in the sentence invites its recipients to do: "X invited Y to
// attend the summit" codes the invitation, and Y's attendance is only its
// content.
func (w *work) invited(trs []*trigger, ti int, evs []parley.Event, trigs []*trigger, e *parley.Event) bool {
	for j, u := range trigs {
		if u.r.flags&flagInvite == 0 || u.head >= trs[ti].head || len(evs[j].Recipients) == 0 {
			continue
		}
		all := true
		for _, a := range e.Actors {
			if !containsActor(evs[j].Recipients, a) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// contentParty returns the other side that verb trigger t's object, an
// event noun, names: "rejected calls by Belarus's rulers" is a rejection
// of Belarus, "will attend the talks with the United States" a meeting
// with the United States. It gives the noun's recipient, else its actor
// when that is not t's own.
func (w *work) contentParty(trs []*trigger, t *trigger, actor parties) parties {
	for _, o := range w.kids(t.head, "obj") {
		isNoun := false
		for _, u := range trs {
			if u != t && u.r.noun && u.lits[len(u.lits)-1] == o {
				isNoun = true
			}
		}
		if !isNoun {
			continue
		}
		a, r, _, _ := w.synNoun(o)
		if !r.empty() {
			return r
		}
		if !a.empty() && !overlapCodes(a.actors(), actor.actors()) {
			return a
		}
	}
	return parties{}
}

// unless returns the token of an "unless" after trigger t in its sentence,
// or -1.
// announced reports a trigger in the complement of a reporting verb whose
// subject is the trigger's own ("the United States announced it would
// prohibit aid"): a decision made public, not a warning.
func (w *work) announced(t *trigger) bool {
	if !w.parsed() {
		return false
	}
	v := t.head
	for x, steps := v, 0; x >= 0 && steps < 3; x, steps = w.head(x), steps+1 {
		base, _ := w.rel(x)
		h := w.head(x)
		if h < 0 {
			return false
		}
		if base == "ccomp" && w.is("say", h) && w.toks[h].Norm != "warned" && !w.is("oblige", h) {
			return true
		}
		if base != "conj" && base != "xcomp" {
			return false
		}
	}
	return false
}

// unless returns the "unless" after trigger t, or -1.
func (w *work) unless(t *trigger) int { return w.wordAfter(t, "unless") }

// wordAfter returns the first token after trigger t that is word, or -1.
func (w *work) wordAfter(t *trigger, word string) int {
	for j := t.end; j < len(w.toks); j++ {
		if w.toks[j].Norm == word {
			return j
		}
	}
	return -1
}

// dropConditions drops the events told in the "unless" clause of a threat
// ("... unless the Kremlin closes its radar base"): the condition, not an
// event.
func (w *work) dropConditions(evs []parley.Event, nodes []int) ([]parley.Event, []int) {
	at := -1
	for _, tk := range w.toks {
		if tk.Norm == "unless" {
			at = tk.Span.Start
			break
		}
	}
	if at < 0 {
		return evs, nodes
	}
	threat := false
	for _, e := range evs {
		if e.Type == "THREATEN" && e.Trigger.Start < at {
			threat = true
		}
	}
	if !threat {
		return evs, nodes
	}
	keptE, keptN := evs[:0], nodes[:0]
	for i, e := range evs {
		if e.Trigger.Start > at {
			continue
		}
		keptE, keptN = append(keptE, e), append(keptN, nodes[i])
	}
	return keptE, keptN
}

// codesWithin reports whether every country or body of list is among
// those of of: the same code, and the same body when list names one.
func codesWithin(list, of []parley.Actor) bool {
	for _, a := range list {
		found := false
		for _, b := range of {
			if a.Code == b.Code && (a.Org == "" || a.Org == b.Org) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// grievance returns the party an accusation verb v is about: its "over",
// "about" or "against" phrase, or the owner of such a phrase's noun ("over
// two Israeli air raids").
func (w *work) grievance(v int) parties {
	for _, o := range w.kids(v, "obl") {
		c := w.caseOf(o)
		if c == "" {
			// "over two Israeli air raids": the parser may read "over"
			// as "more than"; the phrase's first word tells.
			c = w.toks[w.leftmost(o)].Norm
		}
		switch c {
		case "over", "about", "against":
			if p := w.argument(o, v); !p.empty() {
				return p
			}
		}
	}
	// The parser may hang the phrase elsewhere ("complained to the UN
	// on Tuesday over two Israeli air raids last Friday in which it
	// said ..."): a mention within four words after "over" or "about"
	// in the verb's clause.
	cl := w.clause[v]
	for j := v + 1; j < len(w.toks) && w.clause[j] == cl; j++ {
		if n := w.toks[j].Norm; n != "over" && n != "about" {
			continue
		}
		for k := j + 1; k <= j+4 && k < len(w.toks); k++ {
			if m := w.ment[k]; m >= 0 && w.sm[m].first == k {
				return parties{ms: []*smention{&w.sm[m]}}
			}
		}
		break
	}
	return parties{}
}

// leftmost returns the first token of the phrase headed by n.
func (w *work) leftmost(n int) int {
	first := n
	for j := n - 1; j >= 0; j-- {
		for x, steps := j, 0; x >= 0 && steps < 12; x, steps = w.head(x), steps+1 {
			if x == n {
				first = j
				break
			}
		}
		if first != j {
			break
		}
	}
	return first
}
