package actor

import (
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Learned is a person recognized from the text, not from the KB, with the
// evidence.
type Learned struct {
	Name string
	// Role is the person's country (or body), sector and title as the text
	// gives them; ValidFrom is the article's publication date.
	Role parley.Role
	// Org is the body the person was named for ("Supreme National Security
	// Council"), if any.
	Org string
	// Evidence is the span of the sentence that named the person.
	Evidence parley.Span
	// Known is set when the knowledge base already knows the person and
	// the text only attests the role ("Russia's Special Presidential Envoy
	// for Syria, Alexander Lavrentiev"): the evidence is kept, but the
	// person is not learned again.
	Known bool
}

// WithLearned returns a recognizer that also knows these people (learned
// from earlier articles), so they are resolved in later articles too: by
// full name, and by surname once named in full. People the knowledge base
// already knows under one of the spellings (SamePerson) are left out, and
// so are repeats. The receiver is not changed.
func (r *Recognizer) WithLearned(people []Learned) *Recognizer {
	kb := r.kb.clone()
	for _, l := range people {
		if strings.TrimSpace(l.Name) == "" || !kb.actorCode(l.Role.Code) {
			continue
		}
		if i := kb.personIndex(l.Name); i >= 0 {
			continue
		}
		known := false
		for i := range kb.people {
			if kb.matchesOnly(i, translitWords(l.Name)) {
				known = true
				break
			}
		}
		if known {
			continue
		}
		p := Person{Name: l.Name, Roles: []Role{{Role: l.Role, Org: kb.CanonicalOrg(l.Org)}}}
		if l.Org == "" {
			p.Roles[0].Org = ""
		}
		for _, s := range surnames(l.Name) {
			if _, clash := kb.Country(s); clash || len(kb.personBy[fold(s)]) > 0 {
				continue
			}
			if _, isOrg := kb.Org(s); isOrg {
				continue
			}
			p.Aliases = append(p.Aliases, s)
		}
		i := len(kb.people)
		kb.people = append(kb.people, p)
		for _, n := range slices.Concat([]string{p.Name}, p.Aliases) {
			kb.personBy[fold(n)] = append(kb.personBy[fold(n)], i)
			kb.looseBy[looseKey(n)] = append(kb.looseBy[looseKey(n)], i)
		}
		kb.indexPeople(i)
	}
	return NewRecognizer(kb)
}

// clone copies the knowledge base deeply enough that people can be added
// to the copy.
func (kb *KB) clone() *KB {
	c := *kb
	c.people = slices.Clone(kb.people)
	c.personBy = cloneIndex(kb.personBy)
	c.looseBy = cloneIndex(kb.looseBy)
	c.keyBy = cloneIndex(kb.keyBy)
	c.holders = cloneIndex(kb.holders)
	return &c
}

func cloneIndex(m map[string][]int) map[string][]int {
	c := make(map[string][]int, len(m))
	for k, v := range m {
		c[k] = slices.Clip(v)
	}
	return c
}

// surnames returns the forms a person's last name is written alone:
// "Mazen al-Faraya" → "al-Faraya", "Faraya". Names of one word, and last
// names of fewer than four letters, give none.
func surnames(name string) []string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return nil
	}
	last := ws[len(ws)-1]
	var out []string
	if len([]rune(last)) >= 4 {
		out = append(out, last)
	}
	for _, p := range []string{"al-", "Al-", "el-", "El-"} {
		if rest, ok := strings.CutPrefix(last, p); ok && len([]rune(rest)) >= 4 {
			out = append(out, rest)
		}
	}
	return out
}

// personRef is a person mention of the text so far.
type personRef struct {
	actor   parley.Actor // zero for a person the text names but no one knows
	subject bool         // it opens its clause: a pronoun may refer to it
	gender  byte         // 'f' or 'm' when an honorific or pronoun tells, else 0
}

// genderHonorifics give the gender of the name after them.
var genderHonorifics = map[string]byte{"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f'}

// honorific returns the gender the unit before units[i] gives, and
// whether there is one.
func honorific(us []unit, i int) (byte, bool) {
	if i == 0 {
		return 0, false
	}
	g, ok := genderHonorifics[us[i-1].key]
	return g, ok
}

// clauseOpeners are the units after which a mention opens a clause.
var clauseOpeners = map[string]bool{",": true, ";": true, ":": true, "-": true, "—": true, "(": true, "and": true, "but": true,
	"while": true, "when": true, "after": true, "before": true, "as": true, "because": true, "since": true, "that": true,
	"where": true, "although": true, "though": true, "until": true, "if": true, "whereas": true, "then": true, "so": true, "\"": true}

// opensClause reports whether a mention at units[i] starts its sentence or
// clause.
func opensClause(us []unit, i int) bool {
	return i == 0 || clauseOpeners[us[i-1].key]
}

// person records a person mention.
func (s *scan) person(us []unit, i int, m parley.Mention) {
	s.out = append(s.out, m)
	ref := personRef{actor: m.Actor, subject: opensClause(us, i)}
	if g, ok := honorific(us, i); ok {
		ref.gender, ref.subject = g, opensClause(us, i-1)
	}
	switch us[i].key {
	case "he":
		ref.gender = 'm'
	case "she":
		ref.gender = 'f'
	}
	s.persons = append(s.persons, ref)
}

// stranger records a person the text names with an honorific that no
// rule resolves ("Mrs Haley said"): a later "she" may be hers, not the
// last known person's.
func (s *scan) stranger(us []unit, i int) {
	if i+1 < len(us) && us[i+1].word && capitalized(us[i+1].raw) {
		s.persons = append(s.persons, personRef{subject: opensClause(us, i), gender: genderHonorifics[us[i].key]})
	}
}

// locatives are the prepositions that make a capital a place.
var locatives = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true, "outside": true,
	"inside": true, "into": true, "around": true, "across": true, "toward": true, "towards": true, "via": true, "within": true}

// locative reports whether units[i] follows a locative preposition,
// possibly with "the" between.
func locative(us []unit, i int) bool {
	j := i - 1
	if j >= 0 && us[j].key == "the" {
		j--
	}
	return j >= 0 && locatives[us[j].key]
}

// plural reports whether the last word of an agent phrase is a plural
// ("ministers", not "affairs" or "boss").
func plural(key string) bool {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		key = key[i+1:]
	}
	return len(key) > 3 && strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "ss") && key != "affairs" && !strings.HasSuffix(key, "us")
}

// titleOf returns the title and sector a title noun gives a person. A
// counterpart has the title of the last titled person named before.
func (s *scan) titleOf(agent int) (string, string) {
	ag := s.r.kb.agents[agent]
	if ag.Name != "counterpart" {
		return ag.Name, ag.Sector
	}
	for k := len(s.persons) - 1; k >= 0; k-- {
		if t := strings.TrimPrefix(s.persons[k].actor.Title, "former "); t != "" && t != "counterpart" {
			sector := s.persons[k].actor.Sector
			if a, ok := s.r.kb.agentBy[fold(t)]; ok {
				sector = s.r.kb.agents[a].Sector
			}
			return t, firstNonEmpty(sector, ag.Sector)
		}
	}
	return ag.Name, ag.Sector
}

// genericTitles are title nouns that stand for any more specific title
// with the same head word: "the minister" for the foreign minister.
var genericTitles = map[string]bool{"minister": true, "president": true, "special envoy": true, "spokesman": true,
	"secretary": true, "commander": true, "leader": true, "ambassador": true, "chief": true, "head": true,
	"adviser": true, "chairman": true, "director": true, "general": true, "king": true, "emir": true, "counterpart": true}

// titleFits reports whether a person's title is the office a title noun
// names.
func (s *scan) titleFits(title string, office string) bool {
	title = strings.TrimPrefix(title, "former ")
	if title == "" {
		return false
	}
	if s.r.kb.office(title) == office {
		return true
	}
	if !genericTitles[office] {
		return false
	}
	head := office
	if i := strings.LastIndexByte(head, ' '); i >= 0 {
		head = head[i+1:]
	}
	if head == "spokesman" {
		return strings.Contains(title, "spokes")
	}
	return slices.Contains(strings.Fields(fold(title)), head)
}

// resolveTitle finds the person a singular title names: the last person
// of the text with that title (and code or body, when given), else the
// one holder of the office on the publication day in the knowledge base.
func (s *scan) resolveTitle(codeOrOrg string, agent int) (parley.Actor, bool) {
	office, _ := s.titleOf(agent)
	office = s.r.kb.office(office)
	for k := len(s.persons) - 1; k >= 0; k-- {
		a := s.persons[k].actor
		if a.Name == "" || codeOrOrg != "" && a.Code != codeOrOrg && a.Org != codeOrOrg {
			continue
		}
		if s.titleFits(a.Title, office) {
			return a, true
		}
	}
	if codeOrOrg == "" {
		return parley.Actor{}, false
	}
	if p, r, ok := s.r.kb.Holder(codeOrOrg, office, s.day); ok {
		return personActor(p, r), true
	}
	return parley.Actor{}, false
}

// unnamed handles what starts at units[i] when no name does: a pronoun,
// "the two sides", "the minister", a learned person named again, or an
// unknown person followed by an appositive.
func (s *scan) unnamed(us []unit, i int, caps bool) (int, bool) {
	u := &us[i]
	switch u.key {
	case "he", "she":
		return s.pronoun(us, i)
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss":
		if i+1 >= len(us) {
			return 0, false
		}
		if m := s.r.longestName(us, i+1, caps); m.end == 0 {
			if _, ok := s.localAt(us, i+1); !ok {
				s.stranger(us, i)
			}
		}
		return 0, false
	case "two", "both":
		return s.pair(us, i)
	case "the":
		return s.theTitle(us, i, caps)
	}
	if !u.word || caps || !capitalized(u.raw) && !particle(u.key) {
		return 0, false
	}
	if l, ok := s.localAt(us, i); ok {
		s.person(us, i, parley.Mention{Span: parley.Span{Start: u.span.Start, End: us[l.end-1].span.End}, Kind: parley.MentionPerson, Actor: l.actor, Possessive: l.possessive})
		return l.next, true
	}
	return s.unknownAppositive(us, i)
}

// pronoun resolves "he"/"she" in subject position to the most recent
// person who opened a clause, else the most recent person, skipping those
// an honorific or an earlier pronoun gave the other gender ("Mr Trump ...
// Mrs Haley said she"). When that person is one the text named but no
// rule resolved, the pronoun is left unresolved.
func (s *scan) pronoun(us []unit, i int) (int, bool) {
	if !opensClause(us, i) || i+1 >= len(us) || !us[i+1].word || len(s.persons) == 0 {
		return 0, false
	}
	g := byte('m')
	if us[i].key == "she" {
		g = 'f'
	}
	k := -1
	for j := len(s.persons) - 1; j >= 0; j-- {
		if p := s.persons[j]; p.gender == 0 || p.gender == g {
			if k < 0 {
				k = j
			}
			if p.subject {
				k = j
				break
			}
		}
	}
	if k < 0 || s.persons[k].actor.IsZero() {
		return 0, false
	}
	a := s.persons[k].actor
	s.person(us, i, parley.Mention{Span: us[i].span, Kind: parley.MentionPerson, Actor: a})
	return i + 1, true
}

// pairNouns follow "the two" or "both" to name two parties.
var pairNouns = map[string]bool{"sides": true, "countries": true, "nations": true, "states": true, "governments": true, "parties": true, "capitals": true}

// pair resolves "the two sides", "both countries" (and "two sides") to the
// two most recent distinct states mentioned before.
func (s *scan) pair(us []unit, i int) (int, bool) {
	if i+1 >= len(us) || !pairNouns[us[i+1].key] {
		return 0, false
	}
	if us[i].key == "two" && us[i+1].key != "sides" && (i == 0 || us[i-1].key != "the") {
		return 0, false // "two countries signed": not a reference
	}
	var codes []string
	for k := len(s.out) - 1; k >= 0 && len(codes) < 2; k-- {
		c := s.out[k].Actor.Code
		if c == "" || c == "IGO" || c == "NGO" || slices.Contains(codes, c) {
			continue
		}
		codes = append(codes, c)
	}
	if len(codes) < 2 {
		return 0, false
	}
	span := parley.Span{Start: us[i].span.Start, End: us[i+1].span.End}
	for _, c := range []string{codes[1], codes[0]} {
		s.out = append(s.out, parley.Mention{Span: span, Kind: parley.MentionCountry, Actor: parley.Actor{Code: c, Sector: "GOV"}})
	}
	return i + 2, true
}

// theTitle resolves "the minister", "the president" (a singular title
// after "the" with no country) to the last person of the text with that
// title.
func (s *scan) theTitle(us []unit, i int, caps bool) (int, bool) {
	if i+1 >= len(us) {
		return 0, false
	}
	end, a := s.r.longestAgent(us, i+1)
	if end == 0 || !s.r.kb.agents[a].Title || plural(us[end-1].key) {
		return 0, false
	}
	if next, ok := s.titled(us, i+1, end, a, "", "", caps); ok {
		return next, true // "the President Vladimir Putin"
	}
	// "the minister of defence of Syria": leave titles with a complement alone
	if end < len(us) && complements[us[end].key] {
		return 0, false
	}
	p, ok := s.resolveTitle("", a)
	if !ok {
		return 0, false
	}
	s.person(us, i, parley.Mention{Span: parley.Span{Start: us[i+1].span.Start, End: us[end-1].span.End}, Kind: parley.MentionPerson, Actor: p})
	return end, true
}

// learn records an unknown person named in the text, once.
func (s *scan) learn(a parley.Actor) {
	if s.local == nil {
		s.local = map[string]int{}
	}
	if _, dup := s.local[fold(a.Name)]; dup {
		return
	}
	l := Learned{Name: a.Name, Org: a.Org, Evidence: s.sent,
		Role: parley.Role{Code: a.Code, Sector: a.Sector, Title: a.Title, ValidFrom: dayOf(s.day)}}
	if s.localW == nil {
		s.localW = map[string]bool{}
	}
	for _, n := range slices.Concat([]string{a.Name}, surnames(a.Name)) {
		k := fold(n)
		if _, taken := s.local[k]; !taken {
			s.local[k] = len(s.learned)
			w, _, _ := strings.Cut(k, " ")
			w, _, _ = strings.Cut(w, "-")
			s.localW[w] = true
		}
	}
	s.learned = append(s.learned, l)
}

// attest records that the text states the role of a person the knowledge
// base knows, once per person and article.
func (s *scan) attest(a parley.Actor) {
	k := "kb:" + fold(a.Name)
	if s.local == nil {
		s.local = map[string]int{}
	}
	if _, dup := s.local[k]; dup {
		return
	}
	s.local[k] = len(s.learned)
	s.learned = append(s.learned, Learned{Name: a.Name, Org: a.Org, Evidence: s.sent, Known: true,
		Role: parley.Role{Code: a.Code, Sector: a.Sector, Title: a.Title, ValidFrom: dayOf(s.day)}})
}

func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// localMatch is a learned person named again at units[i:end].
type localMatch struct {
	end, next  int
	actor      parley.Actor
	possessive bool
}

// localAt finds the longest full name or surname of a person learned
// earlier in this text at units[i].
func (s *scan) localAt(us []unit, i int) (localMatch, bool) {
	if !s.localW[us[i].key] {
		return localMatch{}, false
	}
	best := localMatch{}
	key := ""
	for j := i; j < len(us) && j < i+6; j++ {
		key = joinKey(key, us[j], j == i)
		if l, ok := s.local[key]; ok && us[j].word {
			lr := s.learned[l]
			best = localMatch{end: j + 1, next: j + 1, actor: parley.Actor{Code: lr.Role.Code, Sector: lr.Role.Sector, Name: lr.Name, Org: lr.Org, Title: lr.Role.Title}}
		}
	}
	if best.end == 0 {
		return best, false
	}
	if best.end < len(us) && !us[best.end].gap && (us[best.end].key == "'s" || us[best.end].key == "'") {
		best.possessive, best.next = true, best.end+1
	}
	return best, true
}

// nameEnd returns the end of the run of name words at units[i]
// (capitalized words, lower-case particles inside, hyphens), at most max
// words, or i when none.
func nameEnd(us []unit, i, max int) int {
	q := i
	for q < len(us) && q-i < max {
		u := &us[q]
		switch {
		case u.word && capitalized(u.raw) && !notName(u.key):
		case u.key == "-" && !u.gap && q > i:
		case u.word && particle(u.key) && q+1 < len(us) && (capitalized(us[q+1].raw) || us[q+1].key == "-"):
		default:
			return trimName(us, i, q)
		}
		q++
	}
	return trimName(us, i, q)
}

func trimName(us []unit, i, q int) int {
	for q > i && !us[q-1].word {
		q--
	}
	return q
}

// unknownAppositive recognizes a person the knowledge base does not know
// by the appositive after the name: "Mazen al-Faraya, Jordan's interior
// minister", "Ali Larijani, the Secretary of Iran's SNSC".
func (s *scan) unknownAppositive(us []unit, i int) (int, bool) {
	if !capitalized(us[i].raw) {
		return 0, false
	}
	q := nameEnd(us, i, 6)
	if q >= len(us) || us[q].key != "," {
		return 0, false
	}
	words := 0
	for j := i; j < q; j++ {
		if us[j].word && !particle(us[j].key) {
			words++
		}
	}
	if words < 2 {
		return 0, false
	}
	// no part of the name may be a known name or title ("Syrian President"),
	// except a known person's surname after an unknown given name ("Karim
	// Saleh" is not Ali Abdullah Saleh)
	for j := i; j < q; j++ {
		if m := s.r.longestName(us, j, false); m.end > 0 && (j == i || !onlyPeople(m.entries)) {
			return 0, false
		}
		if end, _ := s.r.longestAgent(us, j); end > 0 {
			return 0, false
		}
	}
	a, next, ok := s.appositive(us, q, false)
	if !ok || a.Code == "" {
		return 0, false
	}
	a.Name = parley.Span{Start: us[i].span.Start, End: us[q-1].span.End}.In(s.text)
	s.learn(a)
	s.person(us, i, parley.Mention{Span: parley.Span{Start: us[i].span.Start, End: us[q-1].span.End}, Kind: parley.MentionPerson, Actor: a})
	return next, true
}

// appositive reads ", [the] [COUNTRY's|ADJECTIVE] TITLE [of|for|to [the]
// COUNTRY's|ADJECTIVE|BODY]" at units[p] and returns the role it gives
// (no Name) and where it ends; ok is false when units[p] does not start
// one. Its names give no mentions of their own.
func (s *scan) appositive(us []unit, p int, caps bool) (parley.Actor, int, bool) {
	kb := s.r.kb
	if p >= len(us) || us[p].key != "," {
		return parley.Actor{}, 0, false
	}
	q := p + 1
	if q < len(us) && us[q].key == "the" {
		q++
	}
	var a parley.Actor
	// a country, adjective or body before the title
	if m := s.r.longestName(us, q, caps); m.end > 0 {
		e := pickEntry(m.entries)
		if e.kind == entryPerson {
			return parley.Actor{}, 0, false
		}
		a = entryActor(kb, e)
		q = m.end
		if q < len(us) && !us[q].gap && (us[q].key == "'s" || us[q].key == "'") {
			q++
		}
	}
	if q >= len(us) {
		return parley.Actor{}, 0, false
	}
	end, ag := s.r.longestAgent(us, q)
	if end == 0 || !kb.agents[ag].Title || plural(us[end-1].key) {
		return parley.Actor{}, 0, false
	}
	title, sector := s.titleOf(ag)
	a.Sector, a.Title = sector, title
	q = end
	// "of Iran's Supreme National Security Council", "for Syria"
	if q+1 < len(us) && complements[us[q].key] {
		r := q + 1
		if us[r].key == "the" {
			r++
		}
		var of parley.Actor
		found := false
		for r < len(us) {
			m := s.r.longestName(us, r, caps)
			if m.end == 0 {
				break
			}
			e := pickEntry(m.entries)
			if e.kind == entryPerson {
				break
			}
			x := entryActor(kb, e)
			if !found || x.Org != "" {
				of, found = x, true
			}
			r = m.end
			if r < len(us) && !us[r].gap && (us[r].key == "'s" || us[r].key == "'") {
				r++
				continue
			}
			break
		}
		if found {
			if of.Org != "" {
				a.Title = title + " of " + of.Org
				if of.Code != "IGO" && of.Code != "NGO" && kb.agents[ag].Sector == "GOV" {
					a.Sector = of.Sector
				}
				if of.Code == "IGO" || of.Code == "NGO" {
					a.Sector = of.Sector
				}
				if of.Code == "IGO" || of.Code == "NGO" || of.Sector == "REB" {
					a.Org = of.Org // a state's own bodies are not an Org of the person
				}
			}
			if a.Code == "" || of.Org != "" {
				a.Code = of.Code
			}
			q = r
		}
	}
	// an abbreviation in brackets: "(SNSC)"
	if q+2 < len(us) && us[q].key == "(" {
		if m := s.r.longestName(us, q+1, caps); m.end > 0 && m.end < len(us) && us[m.end].key == ")" {
			q = m.end + 1
		}
	}
	return a, q, true
}

// entryActor is the actor a country, capital, adjective or body entry
// stands for.
func entryActor(kb *KB, e entry) parley.Actor {
	switch e.kind {
	case entryOrg:
		o := kb.orgs[e.idx]
		return parley.Actor{Code: o.Code, Sector: o.Sector, Org: o.Name}
	case entryPerson:
		return parley.Actor{}
	}
	return parley.Actor{Code: kb.countries[e.idx].Alpha3}
}

// onlyPeople reports whether every meaning of a spelling is a person.
func onlyPeople(es []entry) bool {
	for _, e := range es {
		if e.kind != entryPerson {
			return false
		}
	}
	return true
}
