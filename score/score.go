package score

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/parley-events/parley"
)

// Options say how names are compared.
type Options struct {
	// SamePerson decides whether a predicted and a gold person name are the
	// same person (the actor knowledge base's canonical person). nil: the
	// names are equal after folding case, diacritics, punctuation and the
	// Arabic article ("al-Sharaa", "Al Sharaa" and "Sharaa" are one name).
	SamePerson func(predicted, gold string) bool
	// SameOrg likewise for the bodies of IGO/NGO actors. nil: equal but for
	// case and runs of white space.
	SameOrg func(predicted, gold string) bool
}

func (o Options) samePerson(p, g string) bool {
	if o.SamePerson != nil {
		return o.SamePerson(p, g)
	}
	return foldPerson(p) == foldPerson(g)
}

func (o Options) sameOrg(p, g string) bool {
	if o.SameOrg != nil {
		return o.SameOrg(p, g)
	}
	return strings.EqualFold(strings.Join(strings.Fields(p), " "), strings.Join(strings.Fields(g), " "))
}

// Dyad is one actor–recipient pair of an event: the unit that is matched
// and counted.
type Dyad struct {
	Type  string       `json:"type"`
	Actor parley.Actor `json:"actor"`
	// Recipient is the zero Actor for a one-sided event.
	Recipient parley.Actor `json:"recipient"`
	// Unordered dyads match either way round.
	Unordered bool `json:"unordered,omitempty"`
	// Event is the index of the event in the gold document's Events or in
	// the predicted events of the document.
	Event int `json:"event"`
	// Text is the gold event's evidence, or the predicted event's sentence.
	Text string `json:"text,omitempty"`
}

// expand turns an event into its dyads (rule 1 of the package doc).
func expand(typ string, actors, recipients []parley.Actor, event int, text string) []Dyad {
	if len(recipients) == 0 && len(actors) >= 2 {
		var out []Dyad
		for i := range actors {
			for j := i + 1; j < len(actors); j++ {
				out = append(out, Dyad{Type: typ, Actor: actors[i], Recipient: actors[j], Unordered: true, Event: event, Text: text})
			}
		}
		return out
	}
	if len(actors) == 0 {
		actors = []parley.Actor{{}}
	}
	if len(recipients) == 0 {
		recipients = []parley.Actor{{}}
	}
	out := make([]Dyad, 0, len(actors)*len(recipients))
	for _, a := range actors {
		for _, r := range recipients {
			out = append(out, Dyad{Type: typ, Actor: a, Recipient: r, Unordered: typ == "CONSULT", Event: event, Text: text})
		}
	}
	return out
}

type goldDyad struct {
	Dyad
	ev *GoldEvent
}

type predDyad struct {
	Dyad
	ev *parley.Event
}

// attrs is the outcome of the attribute checks on one matched pair.
type attrs struct {
	Name, Date, PlaceCountry, PlaceName, Aux Attr
}

func (a attrs) correct() int {
	return a.Name.Correct + a.Date.Correct + a.PlaceCountry.Correct + a.PlaceName.Correct + a.Aux.Correct
}

// maxCorrect bounds attrs.correct: two names, date, country, place, aux.
const maxCorrect = 6

func (a attrs) wrong() []string {
	var w []string
	for _, x := range []struct {
		name string
		a    Attr
	}{{"name", a.Name}, {"date", a.Date}, {"place_country", a.PlaceCountry}, {"place_name", a.PlaceName}, {"aux", a.Aux}} {
		if x.a.Correct < x.a.Total {
			w = append(w, x.name)
		}
	}
	return w
}

type scorer struct{ opt Options }

// side reports whether a predicted participant stands for the gold one: the
// same country code and, for a gold IGO/NGO that names its body, the same
// body.
func (s scorer) side(p, g parley.Actor) bool {
	if !strings.EqualFold(p.Code, g.Code) {
		if g.Code == "" && g.Org == "" && p.Sector == parley.SectorUnidentified {
			// An unidentified attacker ("killed in a car bombing") names
			// no one, like a gold side left empty; the pipeline gives it
			// the country of the attack's place.
			return true
		}
		// A gold international body that names none (the GSR's IGO, NGO
		// and IMG) stands for any: its coders used IGO for Amnesty
		// International and the Red Cross, NGO for a ceasefire committee,
		// IMG (CAMEO's international militarized group) for al-Qaeda,
		// which parley codes NGO with sector REB.
		return g.Org == "" && international(g.Code) && international(p.Code)
	}
	if (g.Code == "IGO" || g.Code == "NGO") && g.Org != "" {
		return p.Org != "" && s.opt.sameOrg(p.Org, g.Org)
	}
	return true
}

// international reports a code that stands for no state.
func international(code string) bool {
	switch strings.ToUpper(code) {
	case "IGO", "NGO", "IMG":
		return true
	}
	return false
}

// orient reports whether p matches g and, when it does, whether p's actor
// stands for g's recipient.
func (s scorer) orient(p predDyad, g goldDyad) (ok, swapped bool) {
	if p.Type != g.Type && !slices.Contains(g.ev.AltTypes, p.Type) {
		return false, false
	}
	direct := s.side(p.Actor, g.Actor) && s.side(p.Recipient, g.Recipient)
	reverse := (p.Unordered || g.Unordered) && s.side(p.Actor, g.Recipient) && s.side(p.Recipient, g.Actor)
	switch {
	case direct && reverse:
		return true, s.attrs(p, g, true).correct() > s.attrs(p, g, false).correct()
	case direct:
		return true, false
	case reverse:
		return true, true
	}
	return false, false
}

// attrs checks the attributes of a matched pair (rule 6).
func (s scorer) attrs(p predDyad, g goldDyad, swapped bool) attrs {
	var a attrs
	pa, pr := p.Actor, p.Recipient
	if swapped {
		pa, pr = pr, pa
	}
	for _, x := range [][2]parley.Actor{{pa, g.Actor}, {pr, g.Recipient}} {
		if x[1].Name == "" {
			continue
		}
		a.Name.Total++
		if x[0].Name != "" && s.opt.samePerson(x[0].Name, x[1].Name) {
			a.Name.Correct++
		}
	}
	if gd := g.ev.Date; gd != nil {
		a.Date.Total++
		if pd := p.ev.Date; pd != nil && pd.Within(*gd) {
			a.Date.Correct++
		}
	}
	if gp, pp := g.ev.Place, p.ev.Place; gp != nil {
		if gp.Country != "" {
			a.PlaceCountry.Total++
			if pp != nil && strings.EqualFold(pp.Country, gp.Country) {
				a.PlaceCountry.Correct++
			}
		}
		if gp.Name != "" {
			a.PlaceName.Total++
			if pp != nil && foldName(pp.Name) == foldName(gp.Name) {
				a.PlaceName.Correct++
			}
		}
	}
	a.Aux.Total++
	if strings.EqualFold(strings.TrimSpace(p.ev.Aux), strings.TrimSpace(g.ev.Aux)) {
		a.Aux.Correct++
	}
	return a
}

type edge struct {
	swapped bool
	attrs   attrs
	// here: the predicted event's sentence holds the gold evidence.
	here bool
}

// doc scores the predicted events of one gold document.
func (s scorer) doc(d *Doc, events []parley.Event) DocReport {
	var req, opt []goldDyad
	for i := range d.Events {
		e := &d.Events[i]
		for _, x := range expand(e.Type, e.Actors, e.Recipients, i, e.Evidence) {
			if e.Optional {
				opt = append(opt, goldDyad{x, e})
			} else {
				req = append(req, goldDyad{x, e})
			}
		}
	}
	var pred []predDyad
	for i := range events {
		e := &events[i]
		for _, x := range expand(e.Type, e.Actors, e.Recipients, i, e.SentenceText) {
			pred = append(pred, predDyad{x, e})
		}
	}

	// Compatibility: edges to required gold, and whether a prediction
	// matches some optional gold dyad.
	edges := map[[2]int]edge{}
	onlyOptional := make([]bool, len(pred))
	uf := newUnionFind(len(req) + len(pred))
	for pi, p := range pred {
		for gi, g := range req {
			if ok, sw := s.orient(p, g); ok {
				edges[[2]int{gi, pi}] = edge{sw, s.attrs(p, g, sw), located(p.Text, g.Text)}
				uf.union(gi, len(req)+pi)
			}
		}
		for _, g := range opt {
			if ok, _ := s.orient(p, g); ok {
				onlyOptional[pi] = true
				break
			}
		}
	}

	// Solve each connected component of the compatibility graph apart.
	goldOf := make([]int, len(pred)) // the required gold dyad a prediction matched, or -1
	for i := range goldOf {
		goldOf[i] = -1
	}
	comps := map[int][]int{}
	var roots []int
	for n := range len(req) + len(pred) {
		r := uf.find(n)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], n)
	}
	for _, r := range roots {
		var rows, cols []int
		for _, n := range comps[r] {
			if n < len(req) {
				rows = append(rows, n)
			} else {
				cols = append(cols, n-len(req))
			}
		}
		if len(rows) == 0 || len(cols) == 0 {
			continue
		}
		for i, c := range s.match(rows, cols, edges, onlyOptional) {
			if c >= 0 {
				goldOf[c] = rows[i]
			}
		}
	}

	rep := DocReport{ID: d.ID}
	predOf := make([]int, len(req))
	for i := range predOf {
		predOf[i] = -1
	}
	for pi, gi := range goldOf {
		if gi >= 0 {
			predOf[gi] = pi
		}
	}
	for gi, pi := range predOf {
		if pi < 0 {
			rep.Misses = append(rep.Misses, req[gi].Dyad)
			continue
		}
		e := edges[[2]int{gi, pi}]
		rep.Matches = append(rep.Matches, Match{
			Gold: req[gi].Dyad, Predicted: pred[pi].Dyad, Swapped: e.swapped,
			Wrong: e.attrs.wrong(), attrs: e.attrs,
		})
	}
	for pi, gi := range goldOf {
		switch {
		case gi >= 0:
		case onlyOptional[pi]:
			rep.Ignored = append(rep.Ignored, pred[pi].Dyad)
		default:
			rep.FalsePositives = append(rep.FalsePositives, pred[pi].Dyad)
		}
	}
	return rep
}

// match finds, among the gold dyads rows and predictions cols, a one-to-one
// matching that is first maximum, then pairs as many gold events as it can
// with predictions from the sentence that holds their evidence, then leaves
// unmatched as many predictions that match optional gold as it can (so they
// are not counted as false positives), then gets the most attributes
// right. It returns for each row the prediction matched to it, or -1.
func (s scorer) match(rows, cols []int, edges map[[2]int]edge, onlyOptional []bool) []int {
	n := int64(len(rows))
	v := maxCorrect*n + 1     // outweighs any sum of attribute scores
	h := (v+maxCorrect)*n + 1 // outweighs any sum of both
	w := (h+v+maxCorrect)*n + 1
	cost := make([][]int64, len(rows))
	for i, g := range rows {
		// One dummy column per row: the row left unmatched, at no cost.
		cost[i] = make([]int64, len(cols)+len(rows))
		for j, p := range cols {
			e, ok := edges[[2]int{g, p}]
			if !ok {
				cost[i][j] = w // worse than a dummy, which is always free
				continue
			}
			gain := w + int64(e.attrs.correct())
			if e.here {
				gain += h
			}
			if onlyOptional[p] {
				gain -= v
			}
			cost[i][j] = -gain
		}
	}
	out := make([]int, len(rows))
	for i, j := range assign(cost) {
		out[i] = -1
		if j < len(cols) {
			if _, ok := edges[[2]int{rows[i], cols[j]}]; ok {
				out[i] = cols[j]
			}
		}
	}
	return out
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b int) { u[u.find(a)] = u.find(b) }

// Score compares predicted events, by gold document ID, with the gold.
// Predictions for documents the gold does not hold are not scored.
func Score(g *Gold, predicted map[string][]parley.Event, opt Options) *Report {
	s := scorer{opt}
	r := &Report{Gold: g.Name, PerType: map[string]Counts{}}
	for i := range g.Docs {
		d := s.doc(&g.Docs[i], predicted[g.Docs[i].ID])
		for _, m := range d.Matches {
			r.TP++
			c := r.PerType[m.Gold.Type]
			c.TP++
			r.PerType[m.Gold.Type] = c
			r.Name.add(m.attrs.Name)
			r.Date.add(m.attrs.Date)
			r.PlaceCountry.add(m.attrs.PlaceCountry)
			r.PlaceName.add(m.attrs.PlaceName)
			r.Aux.add(m.attrs.Aux)
		}
		for _, x := range d.Misses {
			r.FN++
			c := r.PerType[x.Type]
			c.FN++
			r.PerType[x.Type] = c
		}
		for _, x := range d.FalsePositives {
			r.FP++
			c := r.PerType[x.Type]
			c.FP++
			r.PerType[x.Type] = c
		}
		r.Docs = append(r.Docs, d)
	}
	r.Counts.finish()
	for t, c := range r.PerType {
		c.finish()
		r.PerType[t] = c
	}
	for _, a := range []*Attr{&r.Name, &r.Date, &r.PlaceCountry, &r.PlaceName, &r.Aux} {
		a.finish()
	}
	return r
}

// foldName folds a name for comparison: lower case, diacritics dropped,
// apostrophes dropped, other punctuation and runs of space made one space.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == 'ʻ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// foldPerson folds a person's name like foldName and drops the Arabic
// article "al-" where it begins a word: "Al-Sharaa", "al Sharaa" and
// "Sharaa" are one name.
func foldPerson(s string) string {
	words := strings.Fields(foldName(s))
	out := words[:0]
	for i, w := range words {
		if w == "al" && i+1 < len(words) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// located reports whether a predicted event's sentence holds a gold
// event's evidence, compared with white space and quotes folded.
func located(sentence, evidence string) bool {
	if evidence == "" || sentence == "" {
		return false
	}
	return strings.Contains(foldText(sentence), foldText(evidence))
}

func foldText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u201b':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
