package actor

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// entryKind says what a dictionary entry names.
type entryKind uint8

// In order of precedence when one spelling names several things.
const (
	entryOrg entryKind = iota
	entryPerson
	entryCountry
	entryCapital
	entryAdjective
	entryGroup  // kb.groups: "Britons", "Kurds"
	entryPlural // a demonym plural made from an adjective: "Syrians" (idx into kb.countries)
)

// entry is one meaning of a spelling, with the casing rules of the
// spellings that gave it.
type entry struct {
	kind  entryKind
	idx   int             // into kb.orgs, kb.people or kb.countries
	upper bool            // an abbreviation ("US", "WHO"): only matched in capitals
	lower map[string]bool // words the spelling writes in lower case ("al", "of")
}

// dict maps folded spellings to what they name.
type dict struct {
	keys map[string][]entry
}

func newDict() dict { return dict{keys: map[string][]entry{}} }

func (d dict) add(name string, e entry) {
	name = stripThe(strings.TrimSpace(name))
	k := fold(name)
	if k == "" {
		return
	}
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	e.upper = allUpper(name) && letters <= 5
	e.lower = map[string]bool{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if !capitalized(w) {
			e.lower[fold(w)] = true
		}
	}
	for i, old := range d.keys[k] {
		if old.kind == e.kind && old.idx == e.idx {
			// the same meaning spelled twice ("US", "U.S."): keep the laxer casing
			old.upper = old.upper && e.upper
			for w := range e.lower {
				old.lower[w] = true
			}
			d.keys[k][i] = old
			return
		}
	}
	d.keys[k] = append(d.keys[k], e)
}

// Recognizer finds actor mentions in tokenized sentences. It is built once
// from a KB and is safe for concurrent use.
type Recognizer struct {
	kb     *KB
	names  dict
	agents map[string]int // folded agent phrase → kb.agents index
	// index finds the keys of names, agents and kb.homelands in runs of
	// units; nameEntries and homeCodes are what its phrases point to.
	index       phraseIndex
	nameEntries [][]entry
	homeCodes   []string
	// fuzzy maps the skeleton of one-word country names, adjectives,
	// plurals and capitals to them, for misspellings ("Ethopia").
	fuzzy map[string][]fuzzyName
	// fuzzyBits has the bit skeletonBit sets for each key of fuzzy: most
	// skeletons are of none, and the bit says so without a map lookup.
	fuzzyBits [fuzzyWords]uint64
	// unitBufs holds *[]unit buffers that later FindAll calls reuse.
	unitBufs sync.Pool
}

// fuzzyWords is the size of Recognizer.fuzzyBits in 64-bit words.
const fuzzyWords = 256

// skeletonBit returns the word and bit of fuzzyBits for a skeleton
// (FNV-1a folded to the bitmap's size).
func skeletonBit(sk []byte) (int, uint64) {
	h := uint32(2166136261)
	for _, c := range sk {
		h = (h ^ uint32(c)) * 16777619
	}
	h %= fuzzyWords * 64
	return int(h / 64), 1 << (h % 64)
}

// fuzzyName is a spelling the fuzzy index points to.
type fuzzyName struct {
	key string // folded spelling
	e   entry
}

// NewRecognizer compiles the names of kb into a matcher.
func NewRecognizer(kb *KB) *Recognizer {
	r := &Recognizer{kb: kb, names: newDict(), agents: map[string]int{}, fuzzy: map[string][]fuzzyName{}}
	for i, c := range kb.countries {
		for _, n := range slices.Concat([]string{c.Name}, c.Aliases) {
			r.names.add(n, entry{kind: entryCountry, idx: i})
		}
		for _, n := range c.Adjectives {
			r.names.add(n, entry{kind: entryAdjective, idx: i})
		}
		for _, n := range c.Capitals {
			r.names.add(n, entry{kind: entryCapital, idx: i})
		}
		for _, n := range c.Adjectives {
			if p := demonymPlural(n); p != "" {
				r.names.add(p, entry{kind: entryPlural, idx: i})
			}
		}
	}
	for k, es := range r.names.keys {
		if len(k) < minFuzzy-1 || strings.ContainsAny(k, " -'") {
			continue
		}
		for _, e := range es {
			if e.kind == entryCountry || e.kind == entryAdjective || e.kind == entryCapital || e.kind == entryPlural {
				sk := fuzzSkeleton(k)
				r.fuzzy[sk] = append(r.fuzzy[sk], fuzzyName{key: k, e: e})
				w, bit := skeletonBit([]byte(sk))
				r.fuzzyBits[w] |= bit
			}
		}
	}
	for i, g := range kb.groups {
		for _, n := range slices.Concat([]string{g.Name}, g.Aliases) {
			r.names.add(n, entry{kind: entryGroup, idx: i})
		}
	}
	for i, o := range kb.orgs {
		for _, n := range slices.Concat([]string{o.Name}, o.Aliases) {
			r.names.add(n, entry{kind: entryOrg, idx: i})
		}
	}
	for i, p := range kb.people {
		for _, n := range slices.Concat([]string{p.Name}, p.Aliases) {
			r.names.add(n, entry{kind: entryPerson, idx: i})
		}
		if n, ok := withoutMiddle(p.Name); ok {
			r.names.add(n, entry{kind: entryPerson, idx: i})
		}
	}
	for i, a := range kb.agents {
		for _, n := range slices.Concat([]string{a.Name}, a.Aliases) {
			r.agents[fold(n)] = i
		}
	}
	names := make(map[string]int, len(r.names.keys))
	for k, es := range r.names.keys {
		names[k] = len(r.nameEntries)
		r.nameEntries = append(r.nameEntries, es)
	}
	homes := make(map[string]int, len(kb.homelands))
	for k, code := range kb.homelands {
		homes[k] = len(r.homeCodes)
		r.homeCodes = append(r.homeCodes, code)
	}
	r.index = newPhraseIndex(names, r.agents, homes)
	return r
}

// fullPersonAt reports a known person's name of two words or more at
// units[i]: a lower-case title before it is the person's ("former
// president Carlos Menem").
func (s *scan) fullPersonAt(us []unit, i int, caps bool) bool {
	if i >= len(us) || !us[i].gap {
		return false
	}
	m := s.r.longestName(us, i, caps)
	return m.end-i >= 2 && pickEntry(m.entries).kind == entryPerson
}

// withoutMiddle returns a name of three words or more with its middle
// names dropped, as news often writes it ("Carlos Saul Menem" is "Carlos
// Menem"); false when a middle word is a particle that binds the last
// name ("Abu Bakr al-Baghdadi", "Mohammed bin Salman").
func withoutMiddle(name string) (string, bool) {
	ws := strings.Fields(name)
	if len(ws) < 3 {
		return "", false
	}
	for _, w := range ws[1:] {
		if !unicode.IsUpper([]rune(w)[0]) || particle(strings.ToLower(w)) {
			return "", false
		}
	}
	return ws[0] + " " + ws[len(ws)-1], true
}

// minFuzzy is the shortest word matched despite a misspelling.
const minFuzzy = 6

// fuzzSkeleton is a spelling's consonants with "h" dropped and doubles made
// single, keeping the first letter: "ethiopia" and "ethopia" give "etp".
func fuzzSkeleton(k string) string {
	return string(appendSkeleton(make([]byte, 0, len(k)), k))
}

func appendSkeleton(b []byte, k string) []byte {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if i > 0 {
			switch c {
			case 'a', 'e', 'i', 'o', 'u', 'y', 'h':
				continue
			}
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return b
}

// squash drops "h" after the first letter and makes double letters single.
func squash(k string) string {
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		if i > 0 && c == 'h' || len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// misspelt reports whether w is a misspelling of name: the same once "h"
// and doubled letters are dropped ("Afganistan", "Phillippines",
// "Khatmandu"), or with one vowel more or less inside the word ("Ethopia",
// "Quatar", "Ghanians"). A changed letter ("Granada" for "Grenada") or a
// changed ending ("Frances") is not.
func misspelt(w, name string) bool {
	a, b := squash(w), squash(name)
	if a == b {
		return w != name
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) != len(b)+1 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if a[i] != b[i] {
			return i > 0 && strings.IndexByte("aeiou", a[i]) >= 0 && a[i+1:] == b[i:]
		}
	}
	return false // the extra letter is the last one
}

// misspelled matches a capitalized word that is a misspelling of exactly
// one country's name, adjective, demonym plural or capital.
func (r *Recognizer) misspelled(us []unit, i int) match {
	u := &us[i]
	if !u.word || len(u.key) < minFuzzy || !capitalized(u.raw) || !ascii(u.key) {
		return match{}
	}
	var found []entry
	var buf [32]byte
	sk := appendSkeleton(buf[:0], u.key)
	if w, bit := skeletonBit(sk); r.fuzzyBits[w]&bit == 0 {
		return match{}
	}
	for _, f := range r.fuzzy[string(sk)] {
		if misspelt(u.key, f.key) {
			if len(found) > 0 && found[0].idx != f.e.idx {
				return match{} // two countries: ambiguous
			}
			found = append(found, f.e)
		}
	}
	if len(found) == 0 {
		return match{}
	}
	return match{end: i + 1, entries: found}
}

// demonymPlural is the plural noun of a regular demonym ("Syrian" →
// "Syrians", "Iraqi" → "Iraqis"), or "" for one whose plural is irregular
// or the same word ("Swiss", "British", "Chinese", "Czech"): groups.tsv
// lists those that are not the adjective itself.
func demonymPlural(adj string) string {
	a := strings.ToLower(adj)
	for _, suf := range []string{"sh", "ch", "ss", "ese", "s", "x", "z"} {
		if strings.HasSuffix(a, suf) {
			return ""
		}
	}
	return adj + "s"
}

// unit is a piece of a token the matcher steps over: tokens are cut at
// hyphens ("Syrian-Russian") and before a possessive "'s"; full stops are
// dropped, so "U.S." matches however it was tokenized.
type unit struct {
	span   parley.Span
	raw    string
	key    string
	gap    bool // white space before it
	word   bool // starts with a letter
	spaced bool // key has a space (which tokens never have)
	// hash and pow are the phrase index's hash of key and its base to the
	// power len(key); px is the index's value for key alone.
	hash, pow uint64
	px        uint32
}

// units appends the units of the tokens toks of text to dst; keys that
// fold changes are written to keys, unless the token's Norm already
// spells them.
func (r *Recognizer) units(text string, toks []parley.Token, dst []unit, keys *strings.Builder) []unit {
	prevEnd := -1
	for _, t := range toks {
		raw := t.Span.In(text)
		if raw == "" {
			continue
		}
		start := t.Span.Start
		norm := ""
		if !plain(raw) && lowerOf(raw, t.Norm) {
			norm = t.Norm // "Syria": the keys of its pieces are spans of it
		}
		for len(raw) > 0 {
			// cut at the next hyphen, keeping it as its own unit
			n := len(raw)
			if i := indexHyphen(raw); i >= 0 {
				n = i
				if i == 0 {
					_, size := firstRune(raw)
					n = size
				}
			}
			piece := raw[:n]
			if p, ok := cutPossessive(piece); ok && n == len(raw) {
				dst = r.addUnit(dst, text, start, p, normOf(norm, start-t.Span.Start, len(p)), &prevEnd, keys)
				start += len(p)
				piece = piece[len(p):]
			}
			dst = r.addUnit(dst, text, start, piece, normOf(norm, start-t.Span.Start, len(piece)), &prevEnd, keys)
			start += len(piece)
			raw = raw[n:]
		}
	}
	return dst
}

// indexHyphen is strings.IndexAny(s, "-\u2010\u2011").
func indexHyphen(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i
		case 0xe2: // U+2010 and U+2011 are E2 80 90 and E2 80 91
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91) {
				return i
			}
		}
	}
	return -1
}

func firstRune(s string) (rune, int) {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// cutPossessive returns the part of "Russia's" before "'s".
func cutPossessive(s string) (string, bool) {
	if s == "" || s[len(s)-1] != 's' && s[len(s)-1] != 'S' {
		return "", false
	}
	for _, suf := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if len(s) > len(suf) && strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)], true
		}
	}
	return "", false
}

// lowerOf reports whether norm is raw with its ASCII capitals in lower
// case, and raw all ASCII with none of the bytes fold drops or changes
// otherwise (full stops, spaces, grave accents): then the fold of any
// piece of raw is the same piece of norm.
func lowerOf(raw, norm string) bool {
	if len(raw) != len(norm) {
		return false
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf || c == '.' || c == '`' || c <= ' ' {
			return false
		}
		if c != norm[i] {
			return false
		}
	}
	return true
}

// normOf returns norm[off:off+n], or "" when norm is.
func normOf(norm string, off, n int) string {
	if norm == "" {
		return ""
	}
	return norm[off : off+n]
}

// addUnit appends the unit of piece, which starts at start in text; its
// key is norm when that is not "".
func (r *Recognizer) addUnit(dst []unit, text string, start int, piece, norm string, prevEnd *int, keys *strings.Builder) []unit {
	key := norm
	if key == "" {
		key = foldTo(keys, piece)
	}
	if key == "" {
		return dst // a full stop
	}
	gap := *prevEnd >= 0 && hasSpace(text[*prevEnd:start])
	c, _ := firstRune(piece)
	*prevEnd = start + len(piece)
	h, pow := keyHash(key)
	spaced := strings.IndexByte(key, ' ') >= 0
	return append(dst, unit{span: parley.Span{Start: start, End: start + len(piece)}, raw: piece, key: key, gap: gap,
		word: unicode.IsLetter(c), spaced: spaced, hash: h, pow: pow, px: r.index.get(h, spaced)})
}

// hasSpace is strings.ContainsFunc(s, unicode.IsSpace).
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsFunc(s[i:], unicode.IsSpace)
		}
	}
	return false
}

// foldTo returns fold(s), written to b when it is not s itself: strings
// taken from a strings.Builder stay valid as it grows.
func foldTo(b *strings.Builder, s string) string {
	if plain(s) {
		return s
	}
	if !ascii(s) {
		return fold(s)
	}
	off := b.Len()
	writeFoldASCII(b, s)
	return b.String()[off:]
}

// joinKey extends the key of units[..j-1] by units[j].
func joinKey(key string, u unit, first bool) string {
	if first {
		return u.key
	}
	if u.gap {
		return key + " " + u.key
	}
	return key + u.key
}

// capsWords are spellings that in an all-capitals headline are more likely
// English words than abbreviations.
var capsWords = map[string]bool{"who": true, "it": true, "is": true, "as": true, "in": true, "on": true, "at": true,
	"an": true, "or": true, "no": true, "so": true, "to": true, "am": true, "me": true, "we": true, "pa": true, "au": true, "ap": true}

// match is the longest run of units from i that spells a name.
type match struct {
	end     int // units[i:end]
	entries []entry
}

func (r *Recognizer) longestName(us []unit, i int, caps bool) match {
	var best match
	r.phrases(us, i, len(us), namePrefix, func(end int, p *phrase) {
		if p.name < 0 {
			return
		}
		if ok := fitting(r.nameEntries[p.name], us[i:end], p.key, caps); len(ok) > 0 {
			best = match{end: end, entries: ok}
		}
	})
	return best
}

// phrases calls fn, shortest first, for each indexed phrase that units
// us[i:end] spell, for end up to limit, while some phrase of the kind
// prefix (namePrefix, agentPrefix, homePrefix) can still continue.
func (r *Recognizer) phrases(us []unit, i, limit int, prefix uint32, fn func(end int, p *phrase)) {
	var h uint64
	spaced := false
	for j := i; j < len(us) && j < limit; j++ {
		v := us[j].px
		spaced = spaced || j > i && us[j].gap || us[j].spaced
		if j == i {
			h = us[j].hash
		} else {
			h = joinHash(h, &us[j])
			v = r.index.get(h, spaced)
		}
		if v&prefix == 0 {
			return
		}
		if p := r.index.phraseAt(v, us[i:j+1]); p != nil {
			fn(j+1, p)
		}
		if j+1 < len(us) && j+1 < limit {
			class := uint(nextSpace)
			if n := &us[j+1]; !n.gap {
				class = nextClass(n.key[0])
			}
			if v&continues(prefix, class) == 0 {
				return
			}
		}
	}
}

// fitting returns the entries of es whose casing fits the units us
// spelling key: es itself when all do.
func fitting(es []entry, us []unit, key string, caps bool) []entry {
	for n, e := range es {
		if casingFits(e, us, key, caps) {
			continue
		}
		ok := make([]entry, n, len(es)-1)
		copy(ok, es[:n])
		for _, e := range es[n+1:] {
			if casingFits(e, us, key, caps) {
				ok = append(ok, e)
			}
		}
		return ok
	}
	return es
}

func casingFits(e entry, us []unit, key string, caps bool) bool {
	if caps {
		return !(e.upper && capsWords[key])
	}
	anyCap := false
	for i := range us {
		u := &us[i]
		if !u.word {
			continue
		}
		if e.upper && !allUpper(u.raw) {
			return false
		}
		if capitalized(u.raw) {
			anyCap = true
		} else if !e.lower[u.key] {
			return false
		}
	}
	return anyCap
}

// longestAgent is the longest agent phrase at i (case ignored), or end 0.
func (r *Recognizer) longestAgent(us []unit, i int) (end, agent int) {
	r.phrases(us, i, len(us), agentPrefix, func(e int, p *phrase) {
		if p.agent >= 0 {
			end, agent = e, int(p.agent)
		}
	})
	return end, agent
}

// pickEntry picks the meaning of a spelling by precedence.
func pickEntry(es []entry) entry {
	best := es[0]
	for _, e := range es[1:] {
		if e.kind < best.kind {
			best = e
		}
	}
	return best
}

// scan holds the state of one Find call.
type scan struct {
	r       *Recognizer
	text    string
	day     time.Time
	seen    map[int]bool // people named in full so far
	out     []parley.Mention
	sent    parley.Span     // the sentence being scanned
	persons []personRef     // person mentions so far, in text order
	learned []Learned       // people learned from this text
	local   map[string]int  // folded full names and surnames → learned
	localW  map[string]bool // the first word of each key of local
	away    map[int]bool    // capitals named as towns elsewhere ("London, Ky."), by country
}

// Find returns the actor mentions in the sentences of text, ordered by
// span. published (may be zero) picks the roles people held that day.
//
// A country, capital or body followed by an agent noun gives one group
// mention ("Syrian troops" SYR MIL); followed by a title and a name it gives
// the person ("Syrian Foreign Minister Asaad al-Shibani"), with the title's
// country and sector when the person is not in the knowledge base. A bare
// country or capital stands for its government (GOV); a bare adjective
// carries no sector. Spans cover the name without a leading "the" or a
// trailing possessive "'s" (which sets Possessive).
//
// Within the article, Find also resolves (see resolve.go): a surname or a
// learned person's name repeated; a singular title with or without a
// country ("the Syrian foreign minister", "Syria's foreign minister", "the
// minister") to the person holding it, named earlier in the article or, for
// a country's office on a known day, in the knowledge base; "he"/"she" in
// subject position to the most recent person subject; and "the two
// sides"/"both countries" to two MentionCountry mentions with the same
// span, the two most recent distinct states, in text order (a coder reads
// mentions sharing one span as coordinated). A capital or seat of
// government right after a locative preposition ("in Moscow", "at the White
// House") is a place, not an actor: no mention is given for it, and the
// places stage handles it.
func (r *Recognizer) Find(text string, sents []parley.Sentence, published time.Time) []parley.Mention {
	ms, _ := r.FindAll(text, sents, published)
	return ms
}

// FindAll is Find plus the people learned in this text: people the
// knowledge base does not know, named with a title ("Jordanian Interior
// Minister Mazen al-Faraya"), an appositive ("Mazen al-Faraya, Jordan's
// interior minister") or as a counterpart ("his Jordanian counterpart
// Mazen al-Faraya"). Each is listed once, in text order.
func (r *Recognizer) FindAll(text string, sents []parley.Sentence, published time.Time) ([]parley.Mention, []Learned) {
	s := &scan{r: r, text: text, day: published, seen: map[int]bool{}}
	buf, _ := r.unitBufs.Get().(*[]unit)
	if buf == nil {
		buf = new([]unit)
	}
	us := *buf
	defer func() {
		clear(us[:cap(us)]) // drop the pointers into this text
		*buf = us[:0]
		r.unitBufs.Put(buf)
	}()
	var keys strings.Builder
	keys.Grow(len(text) / 8)
	for _, sent := range sents {
		us = r.units(text, sent.Tokens, us[:0], &keys)
		s.sent = sent.Span
		s.sentence(us, isAllCaps(us))
	}
	slices.SortStableFunc(s.out, func(a, b parley.Mention) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	})
	s.out = slices.DeleteFunc(s.out, func(m parley.Mention) bool { return affiliation(text, m) })
	return s.out, s.learned
}

// affiliation reports a country or adjective mention that only says whom
// something leans to or is backed by: "the pro-Iranian Hizbollah", "the
// Syrian-backed Amal militia", "an anti-Syria journalist", "a
// London-based group". The state is no party to what the phrase does.
func affiliation(text string, m parley.Mention) bool {
	after := text[m.Span.End:min(len(text), m.Span.End+12)]
	if m.Kind == parley.MentionOrg {
		// "NATO-member Norway", "EU member Croatia": the state acts.
		next := m.Span.End + len(" member ")
		if hasPrefixFold(after, "-member ") ||
			hasPrefixFold(after, " member ") && next < len(text) && 'A' <= text[next] && text[next] <= 'Z' {
			return true
		}
		// "a UN-brokered deal", "the UN-backed government": the body is
		// no party to what the phrase does.
		for _, p := range affiliationSuffixes {
			if hasPrefixFold(after, p) {
				return true
			}
		}
		return false
	}
	group := m.Kind == parley.MentionGroup
	if m.Kind != parley.MentionAdjective && m.Kind != parley.MentionCountry && m.Kind != parley.MentionCapital && !group {
		return false
	}
	before := text[max(0, m.Span.Start-5):m.Span.Start]
	for _, p := range affiliationPrefixes {
		if len(before) >= len(p) && strings.EqualFold(before[len(before)-len(p):], p) && (!group || p != "pro-") {
			// "an anti-Syria journalist" is no Syrian journalist. (A
			// "pro-Russian" group is left to the state it leans to:
			// where it fights is not said.)
			return true
		}
	}
	if group {
		return false
	}
	for _, p := range affiliationSuffixes {
		if hasPrefixFold(after, p) {
			return true
		}
	}
	return false
}

var (
	affiliationPrefixes = []string{"pro-", "anti-", "non-"}
	affiliationSuffixes = []string{"-backed", "-based", "-sponsored", "-supported", "-funded", "-trained", "-allied", "-aligned", "-leaning", "-friendly", "-brokered", "-mediated"}
)

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isAllCaps reports whether a sentence is written in capitals (a headline).
func isAllCaps(us []unit) bool {
	letters := 0
	for i := range us {
		for _, c := range us[i].raw {
			if unicode.IsLower(c) {
				return false
			}
			if unicode.IsLetter(c) {
				letters++
			}
		}
	}
	return letters >= 4
}

func (s *scan) sentence(us []unit, caps bool) {
	for i := 0; i < len(us); {
		m := s.r.longestName(us, i, caps)
		if m.end == 0 && !caps {
			m = s.r.misspelled(us, i)
		}
		if m.end == 0 {
			// a title without a country: "Foreign Minister Sergey Lavrov"
			end, a := s.r.longestAgent(us, i)
			if end > 0 && s.r.kb.agents[a].Title && (caps || capitalized(us[i].raw) || s.fullPersonAt(us, end, caps)) {
				if next, ok := s.titled(us, i, end, a, "", "", caps); ok {
					i = next
					continue
				}
			}
			if next, ok := s.unnamed(us, i, caps); ok {
				i = next
				continue
			}
			if next, ok := s.leaderGovernment(us, i, caps); ok {
				i = next
				continue
			}
			if next, ok := s.homelandGroup(us, i, caps); ok {
				i = next
				continue
			}
			if next, ok := s.agentOf(us, i, end, a, caps); ok {
				i = next
				continue
			}
			i++
			continue
		}
		i = s.named(us, i, m, caps)
	}
}

// placeHeads are nouns that make a possessive state before them a place
// after a locative preposition: "in Kazakhstan's capital".
var placeHeads = map[string]bool{"capital": true, "city": true, "cities": true, "town": true, "towns": true, "province": true,
	"provinces": true, "region": true, "regions": true, "north": true, "south": true, "east": true, "west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "coast": true, "border": true, "borders": true, "territory": true,
	"countryside": true, "largest": true, "second": true, "port": true, "airspace": true, "waters": true, "soil": true}

// homeland returns the state of a region inside it named at units[i:end]
// (homelands.tsv), and end; end is 0 when none is.
func (r *Recognizer) homeland(us []unit, i int) (code string, end int) {
	r.phrases(us, i, i+4, homePrefix, func(e int, p *phrase) {
		if p.home >= 0 {
			code, end = r.homeCodes[p.home], e
		}
	})
	return code, end
}

// homelandGroup handles a region inside a state followed by an agent
// noun, with up to two lower-case words between: "Darfur rebels", "Darfur
// rebel fighters" are the state's rebels.
func (s *scan) homelandGroup(us []unit, i int, caps bool) (int, bool) {
	if caps || !us[i].word || !capitalized(us[i].raw) {
		return 0, false
	}
	code, end := s.r.homeland(us, i)
	if end == 0 {
		return 0, false
	}
	for k := end; k < len(us) && k <= end+2; k++ {
		if aend, a := s.r.longestAgent(us, k); aend > 0 {
			ag := s.r.kb.agents[a]
			if ag.Title && !plural(us[aend-1].key) {
				return 0, false
			}
			span := parley.Span{Start: us[i].span.Start, End: us[aend-1].span.End}
			s.out = append(s.out, parley.Mention{Span: span, Kind: parley.MentionGroup, Actor: parley.Actor{Code: code, Sector: ag.Sector}})
			return aend, true
		}
		if !us[k].word || capitalized(us[k].raw) {
			break
		}
	}
	return 0, false
}

// government reports a noun that makes a leader's surname before it his
// government: "the Bush administration", "the Blair government".
func government(k string) bool {
	switch k {
	case "administration", "government", "regime", "cabinet":
		return true
	}
	return false
}

// leaderOffices are the offices whose holder's surname names a government.
var leaderOffices = []string{"president", "prime minister", "chancellor"}

// leaderGovernment handles a head of state's or government's surname
// followed by a government noun at units[i]: "the Bush administration" is
// USA GOV.
func (s *scan) leaderGovernment(us []unit, i int, caps bool) (int, bool) {
	if caps || i+1 >= len(us) || !us[i].word || !capitalized(us[i].raw) || !government(us[i+1].key) || !us[i+1].gap {
		return 0, false
	}
	if i > 1 && us[i-1].word && capitalized(us[i-1].raw) {
		return 0, false // "George Bush administration" is left to the name rules
	}
	for _, off := range leaderOffices {
		if id, ok := s.r.kb.titledSurname(us[i].key, off, "", s.day); ok {
			role := roleOn(s.r.kb.people[id], s.day, "", off)
			if role.Code == "" || !recentRole(s.r.kb.people[id], off, s.r.kb, s.day) {
				return 0, false
			}
			span := parley.Span{Start: us[i].span.Start, End: us[i+1].span.End}
			s.out = append(s.out, parley.Mention{Span: span, Kind: parley.MentionGroup, Actor: parley.Actor{Code: role.Code, Sector: "GOV"}})
			return i + 2, true
		}
	}
	return 0, false
}

// recentRole reports whether p held office within four years of day:
// without a title, an old leader's surname ("the Smith administration") is
// more likely someone else's.
func recentRole(p Person, office string, kb *KB, day time.Time) bool {
	if day.IsZero() {
		return false
	}
	const slack = 4 * 365 * 24 * time.Hour
	for _, r := range p.Roles {
		if kb.office(r.Title) != office {
			continue
		}
		to := r.ValidTo
		if to.IsZero() {
			to = day
		}
		if !r.ValidFrom.After(day.Add(slack)) && !to.Before(day.Add(-slack)) {
			return true
		}
	}
	return false
}

// named handles a name at units[i:m.end] and returns where to go on.
func (s *scan) named(us []unit, i int, m match, caps bool) int {
	kb := s.r.kb
	e := pickEntry(m.entries)
	end := m.end
	possessive := end < len(us) && !us[end].gap && (us[end].key == "'s" || us[end].key == "'")
	after := end
	if possessive {
		after++
	}
	span := parley.Span{Start: us[i].span.Start, End: us[end-1].span.End}
	if e.kind == entryPerson && m.end-i == 1 && !caps && !possessive && end < len(us) && us[end].gap && us[end].word &&
		capitalized(us[end].raw) && !notName(us[end].key) && s.r.longestName(us, end, caps).end == 0 {
		// "Abdullah Ocalan" is not King Abdullah: a one-word name
		// followed by another capitalized word is part of a longer name
		// the knowledge base does not know.
		for end < len(us) && us[end].word && capitalized(us[end].raw) {
			end++
		}
		return end
	}
	if e.kind == entryPerson {
		id := s.personOf(m.entries, m.end-i > 1)
		role := roleOn(kb.people[id], s.day, "", "")
		s.person(us, i, parley.Mention{Span: span, Kind: parley.MentionPerson, Possessive: possessive, Actor: personActor(kb.people[id], role)})
		if !possessive {
			if _, next, ok := s.appositive(us, end, caps); ok {
				return next // the appositive describes the person: no mentions of its own
			}
		}
		return after
	}
	if e.kind == entryCapital && (locative(us, i) || i >= 2 && us[i-1].key == "," && placeHeads[us[i-2].key]) {
		return after // "in Moscow", "in Kazakhstan's capital, Astana": a place
	}
	if possessive && e.kind == entryCountry && locative(us, i) && after < len(us) && placeHeads[us[after].key] {
		return after // "in Kazakhstan's capital", "to Syria's north": a place
	}
	if e.kind == entryCapital || e.kind == entryCountry {
		if s.r.elsewhere(us, end, kb.countries[e.idx].Alpha3) {
			if e.kind == entryCapital {
				if s.away == nil {
					s.away = map[int]bool{}
				}
				s.away[e.idx] = true // the story's later "London" is that town too
			}
			return after // "London, Ky.", "Paris, Texas": another town
		}
		if e.kind == entryCapital && s.away[e.idx] {
			return after
		}
	}
	var base parley.Actor
	var kind parley.MentionKind
	switch e.kind {
	case entryOrg:
		o := kb.orgs[e.idx]
		base, kind = parley.Actor{Code: o.Code, Sector: o.Sector, Org: o.Name}, parley.MentionOrg
	case entryCountry:
		base, kind = parley.Actor{Code: kb.countries[e.idx].Alpha3, Sector: "GOV"}, parley.MentionCountry
	case entryCapital:
		base, kind = parley.Actor{Code: kb.countries[e.idx].Alpha3, Sector: "GOV"}, parley.MentionCapital
	case entryGroup:
		g := kb.groups[e.idx]
		base, kind = parley.Actor{Code: g.Code, Sector: g.Sector}, parley.MentionGroup
	case entryPlural:
		base, kind = parley.Actor{Code: kb.countries[e.idx].Alpha3, Sector: "CVL"}, parley.MentionGroup
	default:
		base, kind = parley.Actor{Code: kb.countries[e.idx].Alpha3}, parley.MentionAdjective
	}
	// Coordinated states before a plural agent: "the Russian and Syrian
	// defence ministers", "Iran and Turkey's foreign ministers".
	if (e.kind == entryAdjective || e.kind == entryCountry) && !possessive {
		if codes, lend, lposs := s.stateList(us, after, caps); codes != nil && lposs == (e.kind == entryCountry) && lend < len(us) && us[lend].gap {
			if aend, agents := s.r.pluralAgents(us, lend); aend > 0 {
				s.holders(us, i, parley.Span{Start: span.Start, End: us[aend-1].span.End}, append([]string{base.Code}, codes...), "", agents)
				return aend
			}
		}
	}
	// A group of a country: "Bosnian Serbs", "Iraqi Kurds", "Bosnian Serb forces".
	if (e.kind == entryAdjective || e.kind == entryCountry) && !possessive && after < len(us) && us[after].gap {
		if m2 := s.r.longestName(us, after, caps); m2.end > 0 {
			switch pickEntry(m2.entries).kind {
			case entryGroup, entryPlural:
				base.Sector, kind = "CVL", parley.MentionGroup
				end, after = m2.end, m2.end
			case entryAdjective:
				if m2.end < len(us) && us[m2.end].gap {
					if aend, _ := s.r.longestAgent(us, m2.end); aend > 0 {
						end, after = m2.end, m2.end
					}
				}
			}
			if end == m2.end {
				span.End = us[end-1].span.End
				possessive = end < len(us) && !us[end].gap && (us[end].key == "'s" || us[end].key == "'")
				if possessive {
					after++
				}
			}
		}
	}
	// "Vietnamese-led forces", "US-led troops": forces led by a state are
	// its.
	if (e.kind == entryAdjective || e.kind == entryCountry) && !possessive && after+2 < len(us) && !us[after].gap &&
		us[after].key == "-" && !us[after+1].gap && us[after+1].key == "led" && us[after+2].gap {
		if aend, a := s.r.longestAgent(us, after+2); aend > 0 && !kb.agents[a].Title {
			gspan := parley.Span{Start: span.Start, End: us[aend-1].span.End}
			s.out = append(s.out, parley.Mention{Span: gspan, Kind: parley.MentionGroup, Actor: parley.Actor{Code: base.Code, Sector: kb.agents[a].Sector}})
			return aend
		}
	}
	// An agent noun right after the name: "Syrian troops", "Iran's foreign
	// minister", or after one modifier: "Nigerian junior foreign minister".
	if after < len(us) && us[after].gap && (e.kind != entryCapital) {
		// "Syria's foreign and defense ministers": each office's holder
		if oend, agents := s.r.offices(us, after); oend > 0 && (base.Code != "" || base.Org != "") {
			s.holders(us, i, parley.Span{Start: span.Start, End: us[oend-1].span.End}, []string{base.Code}, base.Org, agents)
			return oend
		}
		aend, a := s.r.longestAgent(us, after)
		// Up to three modifiers: "Algeria's leading human rights
		// activist" (one only without a possessive: "Nigerian junior
		// foreign minister"; none before a possessive's title).
		most := 1
		if possessive {
			most = 3
		}
		for k := after; aend == 0 && k < after+most && k+1 < len(us) && us[k+1].gap && modifier(us[k]); k++ {
			aend, a = s.r.longestAgent(us, k+1)
			if aend > 0 && possessive && kb.agents[a].Title {
				// "Syria's new president, Ahmad Al-Sharaa": a title
				// after a possessive is left to the title rules.
				aend = 0
				break
			}
		}
		if aend > 0 && aend < len(us) && us[aend].gap && relationalNouns[us[aend].key] {
			aend = 0 // "Israel's militia ally" is no Israeli militia
		}
		if aend > 0 {
			ag := kb.agents[a]
			if ag.Title {
				if next, ok := s.titled(us, i, aend, a, base.Code, base.Org, caps); ok {
					return next
				}
			}
			g := parley.Actor{Code: base.Code, Sector: ag.Sector, Org: base.Org}
			gspan := parley.Span{Start: span.Start, End: us[aend-1].span.End}
			if ag.Title {
				g.Title = ag.Name
				if !plural(us[aend-1].key) {
					if p, ok := s.resolveTitle(firstNonEmpty(base.Org, base.Code), a); ok {
						s.person(us, i, parley.Mention{Span: gspan, Kind: parley.MentionPerson, Actor: p})
						return aend
					}
				}
			}
			if g.Code == "" {
				// a group with no state: "Hutu rebels in Burundi"
				code, qend, ok := s.qualifier(us, aend, ag.Sector, caps)
				if !ok {
					return aend
				}
				g.Code, gspan.End, aend = code, us[qend-1].span.End, qend
			}
			s.out = append(s.out, parley.Mention{Span: gspan, Kind: parley.MentionGroup, Actor: g})
			return aend
		}
	}
	if (e.kind == entryGroup || e.kind == entryPlural) && i > 0 && us[i-1].key == "ethnic" {
		base.Code = "" // "ethnic Albanians" live outside Albania: only a country after them says where
	}
	if base.Code == "" {
		// a group with no state: "Kurds in Syria"; alone, no mention
		code, qend, ok := s.qualifier(us, after, base.Sector, caps)
		if !ok {
			return after
		}
		base.Code, span.End, after = code, us[qend-1].span.End, qend
	}
	s.out = append(s.out, parley.Mention{Span: span, Kind: kind, Actor: base, Possessive: possessive})
	return after
}

// notModifiers are lower-case words that do not modify an agent noun.
var notModifiers = map[string]bool{"and": true, "or": true, "the": true, "a": true, "an": true, "to": true, "of": true,
	"in": true, "on": true, "at": true, "by": true, "for": true, "with": true, "from": true, "said": true, "says": true,
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true, "will": true,
	"would": true, "could": true, "should": true, "may": true, "might": true, "can": true, "did": true, "does": true,
	"not": true, "also": true, "who": true, "which": true, "that": true, "than": true, "as": true, "but": true}

// modifier reports whether u can modify an agent noun after a country's
// adjective: a lower-case word that is not a function word or an -ed verb.
func modifier(u unit) bool {
	return u.word && !capitalized(u.raw) && !notModifiers[u.key] && !strings.HasSuffix(u.key, "ed") && !strings.HasSuffix(u.key, "ly")
}

// originPreps bring in the country an agent comes from ("doctors from
// Switzerland", "leaders of Syria"); localPreps the country it is in
// ("rebels in the Ivory Coast", "students throughout Indonesia").
var (
	originPreps = map[string]bool{"from": true, "of": true}
	localPreps  = map[string]bool{"in": true, "throughout": true, "across": true, "inside": true}
)

// notLocal are the sectors whose members are often abroad: "troops in
// Syria", "officials in Brussels", "refugees in Lebanon" do not tell whose
// they are.
var notLocal = map[string]bool{"GOV": true, "MIL": true, "SPY": true, "REF": true, "IGO": true, "NGO": true}

// relationalNouns name one side of a relation: an agent noun before one
// ("Israel's militia ally") describes the other side, not the state's own
// agents.
var relationalNouns = map[string]bool{"ally": true, "allies": true, "proxy": true, "proxies": true, "partner": true,
	"partners": true, "client": true, "clients": true}

// homeAgents are government nouns that stand for the state they are in,
// unlike officials or troops: "the authorities in Croatia", "the regime in
// Damascus".
var homeAgents = map[string]bool{"authorities": true, "government": true, "regime": true}

// regionWords may stand between a preposition and a country: "in south
// Serbia", "throughout northern Iraq".
var regionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "all": true, "two": true, "three": true, "several": true, "many": true}

// qualifier reads a country that says whose an agent of sector is, at
// units[j]: "from|of [the] [two] COUNTRY|ADJECTIVE AGENT" (origin) or
// "in|throughout|across|inside [the] [south] COUNTRY|CAPITAL" (place, for
// sectors in notLocal only). It returns the alpha-3 code and where the
// phrase ends.
func (s *scan) qualifier(us []unit, j int, sector string, caps bool) (string, int, bool) {
	if j+1 >= len(us) || !us[j].gap {
		return "", 0, false
	}
	prep := us[j].key
	origin := originPreps[prep]
	if !origin && (!localPreps[prep] || notLocal[sector]) {
		return "", 0, false
	}
	q := j + 1
	if us[q].key == "the" {
		q++
	}
	if q < len(us) && regionWords[us[q].key] {
		q++
	}
	if q >= len(us) {
		return "", 0, false
	}
	m := s.r.longestName(us, q, caps)
	if m.end == 0 {
		// "rebels in Darfur", "refugees from Chechnya"
		if code, end := s.r.homeland(us, q); end > 0 && !caps && capitalized(us[q].raw) {
			return code, end, true
		}
		return "", 0, false
	}
	e := pickEntry(m.entries)
	c := s.r.kb.countries
	switch e.kind {
	case entryCountry:
		if m.end < len(us) && !us[m.end].gap && (us[m.end].key == "'s" || us[m.end].key == "'") {
			return "", 0, false // "rebels in Syria's north" is fine, but "of Syria's army" is not the agent's
		}
		return c[e.idx].Alpha3, m.end, true
	case entryCapital:
		if origin {
			return "", 0, false // "officials from Moscow" may be anyone's
		}
		return c[e.idx].Alpha3, m.end, true
	case entryAdjective:
		// "doctors from two American aid groups"
		if !origin || m.end >= len(us) || !us[m.end].gap {
			return "", 0, false
		}
		if aend, _ := s.r.longestAgent(us, m.end); aend > 0 {
			return c[e.idx].Alpha3, aend, true
		}
	}
	return "", 0, false
}

// agentOf gives a group mention for an agent noun with no name before it
// and a country after it: "rebels in the Ivory Coast" CIV REB, "doctors
// from two American aid groups" USA HLH. Singular titles are left to the
// title rules. aend and a are longestAgent(us, i), which the caller has.
func (s *scan) agentOf(us []unit, i, aend, a int, caps bool) (int, bool) {
	end, agents := s.r.offices(us, i)
	if end == 0 {
		if end = aend; end == 0 {
			return 0, false
		}
		agents = []int{a}
	}
	ag := s.r.kb.agents[agents[0]]
	if ag.Title && !plural(us[end-1].key) {
		return 0, false
	}
	sector := ag.Sector
	if homeAgents[us[end-1].key] {
		sector = "" // "the authorities in Croatia", "the regime in Damascus"
	}
	code, qend, ok := s.qualifier(us, end, sector, caps)
	if !ok {
		return 0, false
	}
	codes := []string{code}
	// "the foreign ministers of Iran and Turkey"
	if originPreps[us[end].key] {
		if more, lend, poss := s.stateList(us, qend, caps); more != nil && !poss {
			codes, qend = append(codes, more...), lend
		}
	}
	span := parley.Span{Start: us[i].span.Start, End: us[qend-1].span.End}
	if len(codes) > 1 || len(agents) > 1 {
		s.holders(us, i, span, codes, "", agents)
		return qend, true
	}
	s.out = append(s.out, parley.Mention{Span: span, Kind: parley.MentionGroup, Actor: parley.Actor{Code: code, Sector: ag.Sector}})
	return qend, true
}

// personOf resolves a spelling to one person; full names mark the person
// as seen for later surname-only mentions.
func (s *scan) personOf(es []entry, full bool) int {
	var ids []int
	for _, e := range es {
		if e.kind == entryPerson {
			ids = append(ids, e.idx)
		}
	}
	id := s.r.kb.pick(ids, s.day, s.seen)
	if full || len(ids) == 1 {
		s.seen[id] = true
	}
	return id
}

func personActor(p Person, role Role) parley.Actor {
	return parley.Actor{Code: role.Code, Sector: role.Sector, Name: p.Name, Org: role.Org, Title: role.Title}
}

// complements are the words that join a title to what it is for:
// "envoy for Syria", "minister of defence".
var complements = map[string]bool{"for": true, "to": true, "of": true, "on": true}

// titled handles a title at units[tstart:tend] (preceded from units[start]
// by the country or body code/org, if any) followed by a person's name. It
// reports false when no name follows.
func (s *scan) titled(us []unit, start, tend, agent int, code, org string, caps bool) (int, bool) {
	kb := s.r.kb
	p := tend
	// "Special Presidential Envoy for Syria," / "Minister of State"
	if p+1 < len(us) && complements[us[p].key] {
		q := p + 1
		if m := s.r.longestName(us, q, caps); m.end > 0 && pickEntry(m.entries).kind != entryPerson {
			q = m.end
		} else {
			for q < len(us) && q-p <= 3 && us[q].word && capitalized(us[q].raw) {
				q++
			}
		}
		if q > p+1 {
			p = q
		}
	}
	if p < len(us) && us[p].key == "," {
		p++
	}
	if p >= len(us) || !us[p].gap {
		return 0, false
	}
	m := s.r.longestName(us, p, caps)
	if m.end == 0 && !caps && us[p].word && capitalized(us[p].raw) && !notName(us[p].key) &&
		(p+1 >= len(us) || !(us[p+1].word && capitalized(us[p+1].raw))) {
		// "President Bush", "President Kagame": a surname alone after a
		// title names the office holder who bears it.
		title, _ := s.titleOf(agent)
		if id, ok := kb.titledSurname(us[p].key, title, firstNonEmpty(org, code), s.day); ok {
			m = match{end: p + 1, entries: []entry{{kind: entryPerson, idx: id}}}
		}
	}
	if m.end > 0 {
		if pickEntry(m.entries).kind != entryPerson {
			return 0, false
		}
		id := s.personOf(m.entries, m.end-p > 1)
		title, sector := s.titleOf(agent)
		role := roleOn(kb.people[id], s.day, firstNonEmpty(code, org), title)
		if role.Sector == "" && !formerTitle(us, start) {
			// no role on the day, but the text gives one: "President Obama"
			// in an article with a wrong or placeholder date
			role.Sector, role.Title = sector, title
		}
		pa := personActor(kb.people[id], role)
		if code != "" || org != "" {
			// the text states the role: keep it as evidence
			s.attest(parley.Actor{Code: firstNonEmpty(code, pa.Code), Sector: sector, Org: org, Name: pa.Name, Title: title})
		}
		s.person(us, start, parley.Mention{Span: parley.Span{Start: us[start].span.Start, End: us[m.end-1].span.End}, Kind: parley.MentionPerson, Actor: pa})
		return m.end, true
	}
	if code == "" || caps {
		return 0, false // an unknown person needs the title's country, and capitals hide names
	}
	if l, ok := s.localAt(us, p); ok {
		// a person learned earlier in this text, named with a title again
		s.person(us, start, parley.Mention{Span: parley.Span{Start: us[start].span.Start, End: us[l.end-1].span.End}, Kind: parley.MentionPerson, Actor: l.actor})
		return l.end, true
	}
	// An unknown person: the capitalized words after the title.
	q := p
	for q < len(us) && q-p < 8 {
		u := &us[q]
		switch {
		case u.word && capitalized(u.raw) && !notName(u.key):
		case u.key == "-" && !u.gap && q > p:
		case u.word && particle(u.key) && q+1 < len(us) && (capitalized(us[q+1].raw) || us[q+1].key == "-"):
		default:
			goto done
		}
		q++
	}
done:
	for q > p && !us[q-1].word {
		q--
	}
	if q == p {
		return 0, false
	}
	name := parley.Span{Start: us[p].span.Start, End: us[q-1].span.End}.In(s.text)
	title, sector := s.titleOf(agent)
	a := parley.Actor{Code: code, Sector: sector, Org: org, Name: name, Title: title}
	s.learn(a)
	s.person(us, start, parley.Mention{Span: parley.Span{Start: us[start].span.Start, End: us[q-1].span.End}, Kind: parley.MentionPerson, Actor: a})
	return q, true
}

// formerTitle reports whether the title at units[i] is a past one:
// "former President", "the late King", "ousted President".
func formerTitle(us []unit, i int) bool {
	return i > 0 && (us[i-1].key == "former" || us[i-1].key == "late" || us[i-1].key == "ousted" || us[i-1].key == "ex")
}

// particle reports a folded word that may appear in lower case inside a
// name: "Abu Bakr al-Baghdadi".
func particle(k string) bool {
	switch k {
	case "al", "el", "bin", "ibn", "bint", "de", "van", "von", "der", "da":
		return true
	}
	return false
}

// notName reports a folded capitalized word that does not start a name
// after a title.
func notName(k string) bool {
	switch k {
	case "january", "february", "march", "april", "june", "july",
		"august", "september", "october", "november", "december", "but", "after",
		"meanwhile", "however", "earlier", "later", "also", "this", "that", "a", "an",
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "on", "in", "the", "and", "said", "says", "has",
		"was", "is", "will", "who":
		return true
	}
	return false
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// elsewhere reports whether a comma and a state or province of another
// country follow unit end ("London, Ky.", "Paris, Texas").
func (r *Recognizer) elsewhere(us []unit, end int, code string) bool {
	if end+1 >= len(us) || us[end].raw != "," {
		return false
	}
	name := us[end+1].raw
	for k := end + 2; k < len(us) && k <= end+4 && !us[k].gap; k++ {
		name += us[k].raw // "N.J.", "W.Va." in several units
	}
	for _, n := range []string{name, us[end+1].raw, us[end+1].raw + "."} {
		if c, ok := r.kb.regions[n]; ok && c != code {
			return true
		}
	}
	// Two-word names: "New Jersey", "British Columbia".
	if end+2 < len(us) && us[end+2].gap {
		if c, ok := r.kb.regions[us[end+1].raw+" "+us[end+2].raw]; ok && c != code {
			return true
		}
	}
	return false
}
