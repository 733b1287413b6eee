package place

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Mention is a place name found in a text, resolved or not.
type Mention struct {
	Span parley.Span
	Text string
	// Feature is the place the name stands for; nil when the evidence
	// was too weak to choose.
	Feature *Feature
	// Score is the confidence of the resolution, in (0, 1].
	Score float64
}

// direction reports whether w may open a place name in lower case:
// "southern Syria". (A switch: Locate asks it of every word.)
func direction(w string) bool {
	if w == "" {
		return false
	}
	switch w[0] {
	case 'n', 's', 'e', 'w', 'c', 'o':
	default:
		return false // most words, at one test
	}
	switch w {
	case "north", "south", "east", "west",
		"northern", "southern", "eastern", "western",
		"northeast", "northwest", "southeast", "southwest",
		"northeastern", "northwestern", "southeastern", "southwestern",
		"north-east", "north-west", "south-east", "south-west",
		"north-eastern", "north-western", "south-eastern", "south-western",
		"central", "coastal", "occupied":
		return true
	}
	return false
}

// head reports whether w may close a place name in lower case: "Idlib
// province". (A switch: Locate asks it of the lower-case words after a
// capitalized one.)
func head(w string) bool {
	switch w {
	case "province", "governorate", "region", "oblast", "state",
		"strait", "straits", "crossing", "base", "airbase",
		"district", "valley", "heights", "sea", "river",
		"bridge", "peninsula", "desert", "countryside",
		"facility", "coast", "strip", "territories":
		return true
	}
	return false
}

// titles before a capitalized word make it a person: "President Jackson".
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "minister": true,
	"gen": true, "general": true, "sen": true, "senator": true, "rep": true, "gov": true,
	"governor": true, "mayor": true, "sir": true, "lord": true, "king": true, "queen": true,
	"prince": true, "princess": true, "sheikh": true, "pope": true, "judge": true,
	"col": true, "colonel": true, "lt": true, "capt": true, "sgt": true, "prof": true,
	"ambassador": true, "secretary": true, "chancellor": true, "premier": true,
}

// joiners are capitalized words that may stand before or after a place
// name without making one name with it.
var joiners = map[string]bool{
	"the": true, "in": true, "at": true, "from": true, "to": true, "and": true, "of": true,
	"on": true, "for": true, "by": true, "with": true, "near": true, "but": true, "as": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "ap": true, "reuters": true, "afp": true,
}

// cand is a place name found in the text before resolution.
type cand struct {
	span      parley.Span
	sent      int
	first     int // index of the first and one past the last token
	last      int
	ids       []int32
	key       string // Key of the name as written
	isCountry bool   // the best prior is a country
	group     int32  // the same for every mention of one name (key)
	scores    []float64
	support   []bool   // context or a pattern supports the candidate
	ev        evidence // what the name tells of the article's countries
}

// Locate finds place names in text and resolves each: capitalized token
// sequences that name a gazetteer place (the longest match; country names
// and demonyms count, as TR-News counts them), ranked by the countries
// the rest of the article and, above all, the same sentence name or place
// ("Tripoli, the north Lebanese port"), "X, Y" and "X in Y" patterns,
// feature class, population and alternate-name count. A name stays unresolved (Feature
// nil) when no candidate stands out. sents are the article's sentences
// with tokens; when nil, text is tokenized by a simple rule.
func (g *Gazetteer) Locate(text string, sents []parley.Sentence) []Mention {
	if len(sents) == 0 {
		sents = []parley.Sentence{{Span: parley.Span{End: len(text)}, Tokens: words(text)}}
	}
	b, _ := g.bufs.Get().(*locateBuf)
	if b == nil {
		b = new(locateBuf)
	}
	defer g.release(b)
	cs, sc := b.cs[:0], &b.sc
	for si, s := range sents {
		cs = g.find(cs, sc, text, si, s.Tokens)
	}
	b.cs = cs[:0] // the grown array, for the next call
	cs = g.dropSurnames(cs, sc, text, sents)
	n := 0
	for i := range cs {
		n += len(cs[i].ids)
	}
	scores, support := make([]float64, n), make([]bool, n)
	for i := range cs {
		c := &cs[i]
		k := len(c.ids)
		c.scores, c.support = scores[:k:k], support[:k:k]
		scores, support = scores[k:], support[k:]
	}
	g.resolve(cs, sents)
	out := make([]Mention, 0, len(cs))
	feats := make([]Feature, 0, len(cs)) // what the mentions point to
	for i := range cs {
		c := &cs[i]
		m := Mention{Span: c.span, Text: c.span.In(text)}
		best, margin := g.best(c)
		e := g.feats[c.ids[best]]
		weak := !c.support[best] && e.Class == ClassCity && e.Population < 50000
		switch {
		case weak && len(c.ids) == 1 && c.last-c.first == 1:
			continue // a lone small town nothing supports: most likely a name
		case c.first == 0 && c.last == 1 && e.Class == ClassCity && e.Population < 100000 && !c.support[best]:
			continue // "Most people agree": a capital letter that only starts the sentence
		case weak && margin < 1, margin < 0.25 && !c.support[best]:
			m.Score = 0.5
		default:
			feats = append(feats, e.Feature)
			m.Feature = &feats[len(feats)-1]
			m.Score = 1 - 0.5*math.Exp(-margin)
		}
		out = append(out, m)
	}
	return out
}

// locateBuf is the memory of a Locate call that later calls reuse.
type locateBuf struct {
	cs []cand
	sc scratch
}

// release returns b to the pool, without the pointers of its candidates.
func (g *Gazetteer) release(b *locateBuf) {
	clear(b.cs[:cap(b.cs)])
	b.cs = b.cs[:0]
	g.bufs.Put(b)
}

// scratch is the memory one Locate call reuses for the keys it looks up.
type scratch struct {
	key   []byte
	plain []byte
	best  []byte // the key of the longest name found so far
}

// keyOf returns Key(name), valid until the next call.
func (sc *scratch) keyOf(name string) []byte {
	sc.key = appendKey(sc.key[:0], name)
	return sc.key
}

// plainOf returns plain(name), valid until the next call.
func (sc *scratch) plainOf(name string) []byte {
	sc.plain = appendPlain(sc.plain[:0], name)
	return sc.plain
}

// find appends the place names of one sentence's tokens.
func (g *Gazetteer) find(cs []cand, sc *scratch, text string, si int, toks []parley.Token) []cand {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != parley.Word {
			continue
		}
		lead := direction(t.Norm)
		if !lead && (!upper(t.Span.In(text)) || t.Norm == "the") {
			continue
		}
		bestJ, found := -1, []int32(nil)
		// Names run to maxWords words, with room for a hyphen or full
		// stop token between them; a single word unless one may start here.
		end := i + 1
		first := sc.keyOf(t.Span.In(text)) // valid until the next keyOf
		h := g.hash(first)
		if runsOn(text, toks, i) && g.first(first, h) {
			end = i + 2*g.maxWords
		}
		for j := i; j < len(toks) && j < end; j++ {
			tj := &toks[j]
			if j > i && !runsOn(text, toks, j-1) {
				break
			}
			if tj.Kind != parley.Word || (!nameWord(tj.Span.In(text)) && !head(tj.Norm)) {
				continue // a name ends on a capitalized word or a head noun
			}
			k := first
			if j > i {
				k = sc.keyOf(text[t.Span.Start:tj.Span.End])
				h = g.hash(k)
			}
			ids, ok := g.lookupHash(k, h)
			if ok && j == i && (g.notPlace[string(k)] || len(k) <= 5 && !g.short[string(sc.plainOf(tj.Span.In(text)))]) {
				ok = false
			}
			if ok {
				bestJ, found = j, ids
				sc.best = append(sc.best[:0], k...)
			}
			if j+1 < min(end, len(toks)) && !g.grows(k, text[t.Span.Start:tj.Span.End]) {
				break // no longer name starts so
			}
		}
		if bestJ < 0 || (lead && bestJ == i) {
			continue
		}
		c := cand{span: parley.Span{Start: t.Span.Start, End: toks[bestJ].Span.End}, sent: si, first: i, last: bestJ + 1, ids: found}
		c.key = g.ownKey(found, sc.best)
		top := g.feats[found[0]].Class
		c.isCountry = top == ClassCountry
		if !c.isCountry && g.personLike(sc, text, toks, i, bestJ, top == ClassCity) {
			continue
		}
		// A city known only by an alternate spelling needs more than a
		// capital letter: not a short word ("She", "Can"), not the first
		// word of a sentence ("Drug", "Most").
		if n := utf8.RuneCountInString(c.span.In(text)); n <= 4 || i == 0 {
			c.ids = g.dropAliasCities(c.ids, c.key, n <= 4)
			if len(c.ids) == 0 {
				continue
			}
		}
		cs = append(cs, c)
		i = bestJ
	}
	return cs
}

// runsOn reports whether a name may run on from toks[j] to the token
// after it: only spaces between them, and that token a word, a hyphen or
// a full stop.
func runsOn(text string, toks []parley.Token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	n := &toks[j+1]
	return joined(text, toks[j], *n) && (n.Kind == parley.Word || n.Norm == "-" || n.Norm == ".")
}

// ownKey returns k as a string: the key of one of the features ids when
// one is named so (as one mostly is), else a new string.
func (g *Gazetteer) ownKey(ids []int32, k []byte) string {
	for _, id := range ids {
		if e := &g.feats[id]; e.key == string(k) {
			return e.key
		}
	}
	return string(k)
}

// personLike reports whether the name at toks[i..j] is more likely part of
// a person's or an organization's name: a title before it, or a
// capitalized word glued to it on either side ("Andrei Karlov",
// "Vladimir Putin", "Moscow State University").
func (g *Gazetteer) personLike(sc *scratch, text string, toks []parley.Token, i, j int, city bool) bool {
	if i > 0 {
		p := toks[i-1]
		if p.Kind == parley.Word && titles[strings.TrimSuffix(p.Norm, ".")] {
			return true
		}
		if i-1 > 0 && p.Kind == parley.Word && upper(p.Span.In(text)) && !joiners[p.Norm] && !direction(p.Norm) && joined(text, p, toks[i]) {
			return true
		}
	}
	if city && j+1 < len(toks) {
		n := toks[j+1]
		if n.Kind == parley.Word && upper(n.Span.In(text)) && !joiners[n.Norm] && joined(text, toks[j], n) {
			if _, ok := g.lookup(sc.keyOf(n.Span.In(text))); !ok {
				return true
			}
		}
	}
	return false
}

// dropSurnames removes the one-word names of towns (cities under 200,000
// people; a person called "Toronto" is rare, one called "Burton" is not)
// that the article also uses as the last word of a longer capitalized name
// that is not a place: after "Dan Burton" or "Bashar Assad", "Burton" and
// "Assad" are the person (one sense per discourse).
func (g *Gazetteer) dropSurnames(cs []cand, sc *scratch, text string, sents []parley.Sentence) []cand {
	// The words of the names that may be dropped: most articles have
	// none, and the others few.
	var buf [16]string
	towns := buf[:0]
	for i := range cs {
		if g.town(&cs[i]) {
			towns = append(towns, sents[cs[i].sent].Tokens[cs[i].first].Norm)
		}
	}
	if len(towns) == 0 {
		return cs
	}
	surnames := map[string]bool{}
	for _, s := range sents {
		toks := s.Tokens
		for i := 1; i < len(toks); i++ {
			a, b := toks[i-1], toks[i]
			if b.Kind != parley.Word || !slices.Contains(towns, b.Norm) || surnames[b.Norm] {
				continue
			}
			if a.Kind != parley.Word || !upper(a.Span.In(text)) || !upper(b.Span.In(text)) ||
				joiners[a.Norm] || titles[strings.TrimSuffix(a.Norm, ".")] || direction(a.Norm) || !joined(text, a, b) {
				continue
			}
			if _, ok := g.lookup(sc.keyOf(text[a.Span.Start:b.Span.End])); ok {
				continue // "New York", "Abu Dhabi"
			}
			surnames[b.Norm] = true
		}
	}
	out := cs[:0]
	for _, c := range cs {
		if g.town(&c) && surnames[sents[c.sent].Tokens[c.first].Norm] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// town reports whether c is one word that most likely names a town of
// under 200,000 people, which dropSurnames drops when the article uses
// the word as a surname.
func (g *Gazetteer) town(c *cand) bool {
	e := &g.feats[c.ids[0]]
	return c.last-c.first == 1 && e.Class == ClassCity && e.Population < 200000
}

// dropAliasCities removes the cities whose own name is not k (found by an
// alternate name only); short also removes other features found so, but
// countries and first-level regions keep their short forms ("US", "B.C.").
func (g *Gazetteer) dropAliasCities(ids []int32, k string, short bool) []int32 {
	var out []int32
	for _, id := range ids {
		e := &g.feats[id]
		if e.key != k && (e.Class == ClassCity || short && e.Class != ClassCountry && e.Class != ClassAdmin1) {
			continue
		}
		out = append(out, id)
	}
	return out
}

// joined reports whether only spaces or tabs separate two tokens (no line
// break, no punctuation).
func joined(text string, a, b parley.Token) bool {
	if a.Span.End > b.Span.Start || b.Span.Start > len(text) {
		return false
	}
	for _, c := range []byte(text[a.Span.End:b.Span.Start]) {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// best returns the index of the best-scored candidate and its margin over
// the best one that lies elsewhere (more than 161 km away, or in another
// country): a city and its province, or two spellings of one town, are
// one answer. The margin is 3 when there is no other answer.
func (g *Gazetteer) best(c *cand) (int, float64) {
	best := 0
	for j := range c.ids {
		if c.scores[j] > c.scores[best] {
			best = j
		}
	}
	b := &g.feats[c.ids[best]]
	margin := 3.0
	for j, id := range c.ids {
		e := &g.feats[id]
		if j == best || e.Country == b.Country && distanceKm(e.Lat, e.Lon, b.Lat, b.Lon) <= 161 {
			continue
		}
		margin = min(margin, c.scores[best]-c.scores[j])
	}
	return best, margin
}

// rank scores every candidate of every name, into c.scores and c.support,
// which hold one place for each of c.ids.
func (g *Gazetteer) rank(cs []cand, sents []parley.Sentence, ctx *articleContext) {
	var buf [8]evidence
	var sent []cand    // the names of the sentence of cs[i]
	var sum []evidence // what they tell (sentenceEvidence)
	for i := range cs {
		c := &cs[i]
		key := c.key
		clear(c.support) // every score is set below
		if i == 0 || cs[i-1].sent != c.sent {
			end := i + 1
			for end < len(cs) && cs[end].sent == c.sent {
				end++
			}
			sent = cs[i:end]
			sum = sentenceEvidence(sent, buf[:0])
		}
		// "X, Y" and "X in Y": Y (a country or first-level region)
		// narrows X.
		var within []int32
		if i+1 < len(cs) && cs[i+1].sent == c.sent {
			toks := sents[c.sent].Tokens
			n := &cs[i+1]
			if n.first == c.last+1 && (toks[c.last].Norm == "," || toks[c.last].Norm == "in") {
				within = n.ids
			}
		}
		for j, id := range c.ids {
			e := &g.feats[id]
			s := e.prior
			if e.key == key {
				s++ // named by its own name, not an alternate one
			}
			// The article naming the country supports a candidate, even
			// when only this name does; it adds to the score only as far
			// as other names do.
			named := ctx.article[e.Country]
			c.support[j] = named > 0
			if named > 0 && e.Class != ClassCountry {
				if share := ctx.share(c.group, e.Country, named); share > 0 {
					s += countryBonus + shareBonus*share
				}
				if len(sum) > 0 {
					s += sentenceBonus * min(near(sent, sum, c.group, e.Country), 1)
				}
			}
			for _, w := range within {
				y := &g.feats[w]
				if y.Country != e.Country || y.Class != ClassCountry && y.Class != ClassAdmin1 {
					continue
				}
				if y.Class == ClassAdmin1 && distanceKm(e.Lat, e.Lon, y.Lat, y.Lon) > 700 {
					continue
				}
				s += 6
				c.support[j] = true
				break
			}
			c.scores[j] = s
		}
	}
}

// nameWord reports whether s is written as part of a name: capitalized,
// or a lower-case particle joined to a capitalized word ("al-Hawa",
// "ez-Zor").
func nameWord(s string) bool {
	if upper(s) {
		return true
	}
	_, after, ok := strings.Cut(s, "-")
	return ok && upper(after)
}

// upper reports whether s starts with an upper-case letter.
func upper(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return 'A' <= s[0] && s[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// words is the fallback tokenizer for Locate without sentences: runs of
// letters and digits (with inner hyphens, apostrophes and full stops) are
// words, every other non-space rune is punctuation.
func words(text string) []parley.Token {
	var toks []parley.Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			toks = append(toks, parley.Token{Span: parley.Span{Start: i, End: i + n}, Norm: text[i : i+n], Kind: parley.Punct})
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, m := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += m
				continue
			}
			if r == '-' || r == '\'' || r == '.' {
				if r2, _ := utf8.DecodeRuneInString(text[j+m:]); j+m < len(text) && unicode.IsLetter(r2) {
					j += m
					continue
				}
			}
			break
		}
		toks = append(toks, parley.Token{Span: parley.Span{Start: i, End: j}, Norm: strings.ToLower(text[i:j]), Kind: parley.Word})
		i = j
	}
	return toks
}
