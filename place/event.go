package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/plover"
)

// placePreps put the place of an action after them: "met in Moscow",
// "shelling in Suwayda", "talks at Hmeimim", "clashes near Tartus".
var placePreps = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"into": true, "across": true, "around": true, "throughout": true,
}

// hostWords make the place a capital or city used as an actor: "Moscow
// hosted the talks" happened in Moscow.
var hostWords = map[string]bool{
	"host": true, "hosts": true, "hosted": true, "hosting": true,
}

// visitWords take the place visited as their object: "visited Moscow".
var visitWords = map[string]bool{
	"visit": true, "visits": true, "visited": true, "visiting": true,
	"toured": true, "tour": true, "tours": true, "touring": true,
}

// travelWords take the place gone to after "to": "a visit to Moscow",
// "travelled to Tehran".
var travelWords = map[string]bool{
	"visit": true, "visits": true, "trip": true, "trips": true, "travel": true,
	"travels": true, "traveled": true, "travelled": true, "flew": true, "flies": true,
	"went": true, "goes": true, "came": true, "comes": true, "returned": true,
	"arrived": true, "headed": true, "journey": true, "tour": true, "delegation": true,
}

// placeNouns follow a demonym or a name that still names a place: "in
// Syrian cities", "on Syrian territory", "in the Suwayda province".
var placeNouns = map[string]bool{
	"province": true, "provinces": true, "city": true, "cities": true, "town": true,
	"towns": true, "village": true, "villages": true, "region": true, "regions": true,
	"capital": true, "countryside": true, "territory": true, "territories": true,
	"border": true, "borders": true, "coast": true, "desert": true, "governorate": true,
	"district": true, "districts": true, "area": true, "areas": true, "airspace": true,
	"waters": true, "soil": true, "side": true, "state": true, "port": true,
}

// breaks open a clause of their own between a trigger and a place: the
// place after them is of what the clause says, not of the trigger's
// action ("met X to discuss developments in Syria", "requested that
// patrols resume in southern Syria", "comes a week after he visited
// Moscow").
var breaks = map[string]bool{
	"that": true, "to": true, "for": true, "whether": true, "which": true, "who": true,
	"after": true, "before": true, "since": true, "while": true, "when": true,
	"because": true, "until": true, "\"": true, ";": true, ":": true,
}

// futureWords in the clause of a place keep it from setting the
// narrative place: "a summit scheduled to take place in Moscow".
var futureWords = map[string]bool{
	"to": true, "will": true, "would": true, "shall": true, "scheduled": true,
	"planned": true, "upcoming": true, "expected": true, "could": true, "may": true,
	"might": true, "should": true,
}

// material are the categories whose place is where their deeds are done,
// wherever the text says that: "shelling in Suwayda" even when a
// minister reports it at a press conference in Moscow.
var material = map[string]bool{
	"ASSAULT": true, "COERCE": true, "MOBILIZE": true, "RETREAT": true, "AID": true,
}

// EventPlace picks where the event of sentence sent, named by the trigger
// span, happened, for an event whose category and actors are not known:
// a place of its own clause (see [Gazetteer.EventPlaceFor]), else, when
// the sentence places its action at a venue the gazetteer does not know
// ("at the State Guest House"), the narrative place. It returns nil when
// the text does not say.
func (g *Gazetteer) EventPlace(ms []Mention, sents []parley.Sentence, sent int, trigger parley.Span, text string) *parley.Place {
	if sent < 0 || sent >= len(sents) {
		return nil
	}
	if m := g.ownPlace(ms, sents[sent], trigger, text, false, false); m != nil {
		return toPlace(m.Feature)
	}
	if venue(sents[sent].Tokens, text) {
		if m, _ := g.narrative(ms, sents, sent, trigger, text); m != nil {
			return toPlace(m.Feature)
		}
	}
	return nil
}

// EventPlaceFor picks where event e, reported in sentence sent, happened.
// ms are the article's place mentions (Locate); actors its actor mentions
// (used to tell who takes part in the narrative that set a place).
//
//  1. Its own clause: the place nearest the trigger said to be where
//     something happened ("met in Moscow", "Moscow hosted", "visited
//     Moscow", "a trip to Tehran"). For statements and meetings, not a
//     place that belongs to a noun ("developments in Syria", "bases in
//     Tartus": data/places/attached.txt), a demonym before a noun ("in
//     the Syrian file"), or one cut off from the trigger by a clause of
//     its own ("to discuss...", "that...", "after he visited..."). For
//     material events (ASSAULT, COERCE, MOBILIZE, RETREAT, AID) any place
//     of the sentence after a preposition counts, nearest first
//     ("Commenting on the escalation in Suwayda, he attributed it to
//     Israeli shelling": the shelling is in Suwayda).
//
// A phone call (mode "phone") has only a place of its own clause.
//
//  2. A material event with no place of its own: for ASSAULT and COERCE
//     on a state, that state (as a country); else nil. A press
//     conference's city is not where the shelling happened.
//  3. A visit: a CONSULT between two states' officials, with mode
//     "visit", or a sentence (or the next) that calls it a visit or a
//     trip, took place in the recipient's (the host's) country: the
//     narrative place when it is there, else the host's capital.
//  4. The narrative place: the last place the article set for its
//     narrative before the trigger, when the event's actor takes part in
//     that narrative (its state is named in the sentence that set the
//     place). A place sets the narrative when it is a city, base,
//     crossing or region (not a country) said to be where people met
//     (a sentence with "met", "talks", "hosted", "visit", "conference",
//     "summit"...: "met in Moscow", "Moscow hosted", "visited Moscow";
//     "shelled villages near Quneitra" places no statement after it), outside
//     a future or purpose clause ("scheduled to take place in Moscow",
//     "to assist in Suwayda"). It holds, across paragraphs and headings,
//     until the text sets another: a news story tells one visit or
//     conference until it says it moved.
//
// It returns nil when the text does not say.
func (g *Gazetteer) EventPlaceFor(ms []Mention, actors []parley.Mention, sents []parley.Sentence, sent int, e *parley.Event, text string) *parley.Place {
	if sent < 0 || sent >= len(sents) || e == nil {
		return nil
	}
	s := sents[sent]
	// A threat of force, like the act, is placed by its own sentence only.
	mat := material[e.Type] || e.Type == "THREATEN" && plover.ForcefulThreat(e.Mode)
	if m := g.ownPlace(ms, s, e.Trigger, text, mat, e.Type == "ASSAULT" || e.Type == "COERCE"); m != nil {
		return toPlace(m.Feature)
	}
	if e.Mode == "phone" {
		return nil // a call has two ends and no place
	}
	actor := firstState(e.Actors)
	if mat {
		if (e.Type == "ASSAULT" || e.Type == "COERCE") && !unidentified(e.Actors) {
			// An attack on a state's forces or people is placed in that
			// state when the sentence names no place, unless the attacker
			// is unknown: then only the text can place it.
			if r := firstState(e.Recipients); r != "" && r != actor {
				if i, ok := g.country[r]; ok {
					return toPlace(&g.feats[i].Feature)
				}
			}
		}
		return nil
	}
	nm, setter := g.narrative(ms, sents, sent, e.Trigger, text)
	host := firstState(e.Recipients)
	if e.Type == "CONSULT" && host != "" && actor != "" && host != actor &&
		(e.Mode == "visit" || visitCue(sents, sent)) {
		if nm != nil && nm.Feature.Country == host {
			return toPlace(nm.Feature)
		}
		if i, ok := g.capital[host]; ok {
			return toPlace(&g.feats[i].Feature)
		}
	}
	if nm == nil || actor == "" || !takesPart(actor, ms, actors, sents[setter].Span) {
		return nil
	}
	return toPlace(nm.Feature)
}

// unidentified reports an actor list holding an unidentified armed force
// the coder could not give a country.
func unidentified(list []parley.Actor) bool {
	for _, a := range list {
		if a.Code == "" && a.Sector == parley.SectorUnidentified {
			return true
		}
	}
	return false
}

// ownPlace returns the place of the trigger's own clause, or nil; loose
// accepts any place after a preposition (material events), but for
// noOrigin (attacks, coercion) not one after "from".
func (g *Gazetteer) ownPlace(ms []Mention, s parley.Sentence, trigger parley.Span, text string, loose, noOrigin bool) *Mention {
	var best *Mention
	bestDist := 0
	for i := range ms {
		m := &ms[i]
		if m.Feature == nil || !s.Span.Contains(m.Span) {
			continue
		}
		if loose {
			if !g.placed(s.Tokens, m, text, noOrigin) && !locative(s.Tokens, m.Span, text) {
				continue
			}
		} else if !g.strictLocative(s.Tokens, m, text) || cutBetween(s.Tokens, trigger, m.Span) {
			continue
		}
		d := m.Span.Distance(trigger)
		if best == nil || d < bestDist {
			best, bestDist = m, d
		}
	}
	return best
}

// narrative returns the narrative place before the trigger of sentence
// sent, with the index of the sentence that set it.
func (g *Gazetteer) narrative(ms []Mention, sents []parley.Sentence, sent int, trigger parley.Span, text string) (*Mention, int) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := &ms[i]
		if m.Feature == nil || m.Span.Start >= trigger.Start || m.Feature.Class == ClassCountry || m.Feature.Country == "" {
			continue
		}
		si := sentenceOf(sents, m.Span)
		if si < 0 || si > sent {
			continue
		}
		toks := sents[si].Tokens
		if g.strictLocative(toks, m, text) && !futureClause(toks, m.Span) && gathers(toks) {
			return m, si
		}
	}
	return nil, -1
}

// strictLocative is locative without the places that belong to a noun
// or that a demonym gives to a noun.
func (g *Gazetteer) strictLocative(toks []parley.Token, m *Mention, text string) bool {
	if !locative(toks, m.Span, text) && !visited(toks, m.Span) {
		return false
	}
	first, last := tokRange(toks, m.Span)
	if first < 0 {
		return false
	}
	p := prepBefore(toks, first)
	if p > 0 && g.attached[toks[p-1].Norm] {
		return false
	}
	return !attributive(toks, first, last, m, text)
}

// placed reports whether a place follows a preposition, "on" included,
// whatever it belongs to: "shelling on Syrian territory", "escalation in
// Suwayda".
func (g *Gazetteer) placed(toks []parley.Token, m *Mention, text string, noOrigin bool) bool {
	first, last := tokRange(toks, m.Span)
	if first < 0 {
		return false
	}
	// "in Cizre", "in the town of Cizre", "in the northern city of Kirkuk"
	for i := first - 1; i >= 0 && i >= first-5; i-- {
		n := toks[i].Norm
		if n == "from" && noOrigin {
			// "rockets fired from Gaza", "a woman visiting from
			// Canada": an attack happens where it lands.
			return false
		}
		if placePreps[n] || n == "on" || n == "from" {
			return !attributive(toks, first, last, m, text)
		}
		if n != "the" && n != "of" && !direction(n) && !placeNouns[n] {
			break
		}
	}
	return false
}

// attributive reports whether the mention is a demonym or name that
// modifies a noun that is no place: "in the Syrian file", "in Syrian
// affairs" (but "in Syrian cities", "in the Suwayda province" are
// places).
func attributive(toks []parley.Token, first, last int, m *Mention, text string) bool {
	if last+1 >= len(toks) {
		return false
	}
	next := toks[last+1]
	if next.Kind != parley.Word || placeNouns[next.Norm] || head(next.Norm) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Span.In(text))
	if !unicode.IsLower(r) {
		return false
	}
	if first > 0 && toks[first-1].Norm == "the" {
		return true
	}
	w := strings.ToLower(m.Text)
	for _, suf := range []string{"an", "ans", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) && !strings.EqualFold(m.Text, m.Feature.Name) {
			return true
		}
	}
	return false
}

// visited reports whether the place is the object of a visit or the end
// of a journey: "visited Moscow", "a visit to Tehran", "flew to Damascus".
func visited(toks []parley.Token, span parley.Span) bool {
	first, _ := tokRange(toks, span)
	if first < 1 {
		return false
	}
	i := first - 1
	if toks[i].Norm == "the" && i > 0 {
		i--
	}
	if visitWords[toks[i].Norm] {
		return true
	}
	return toks[i].Norm == "to" && i > 0 && travelWords[toks[i-1].Norm]
}

// prepBefore returns the index of the place preposition that governs the
// name starting at token first, or -1.
func prepBefore(toks []parley.Token, first int) int {
	for i := first - 1; i >= 0 && i >= first-3; i-- {
		n := toks[i].Norm
		if placePreps[n] {
			return i
		}
		if n != "the" && !direction(n) && n != "city" && n != "town" && n != "province" && n != "capital" && n != "of" {
			break
		}
	}
	return -1
}

// cutBetween reports whether a clause opens between the trigger and a
// place after it.
func cutBetween(toks []parley.Token, trigger, place parley.Span) bool {
	for _, t := range toks {
		if t.Span.Start >= trigger.End && t.Span.End <= place.Start && breaks[t.Norm] {
			return true
		}
	}
	return false
}

// futureClause reports whether the clause of a place, back to the last
// comma or dash, is future or a purpose: "scheduled to take place in
// Moscow", "to assist in Suwayda", "will meet in Doha".
func futureClause(toks []parley.Token, span parley.Span) bool {
	first, _ := tokRange(toks, span)
	for i := first - 1; i >= 0; i-- {
		n := toks[i].Norm
		if toks[i].Kind == parley.Punct && n != "'" && n != "-" {
			return false
		}
		if futureWords[n] {
			return true
		}
	}
	return false
}

// gatherings are the words of a sentence that tells people met
// somewhere: only such a place sets the narrative. "Forces shelled
// villages near Quneitra" does not place the condemnation that follows.
var gatherings = map[string]bool{
	"met": true, "meet": true, "meets": true, "meeting": true, "meetings": true,
	"talks": true, "host": true, "hosts": true, "hosted": true, "hosting": true,
	"visit": true, "visits": true, "visited": true, "visiting": true, "trip": true,
	"conference": true, "summit": true, "arrived": true, "received": true,
	"welcomed": true, "gathered": true, "convened": true, "forum": true,
	"ceremony": true, "speech": true, "session": true, "negotiations": true,
}

// gathers reports whether a sentence tells a gathering.
func gathers(toks []parley.Token) bool {
	for _, t := range toks {
		if gatherings[t.Norm] {
			return true
		}
	}
	return false
}

// visitCue reports whether sentence sent or the next calls an event a
// visit or a trip: "The visit came a day after...".
func visitCue(sents []parley.Sentence, sent int) bool {
	for k := sent; k <= sent+1 && k < len(sents); k++ {
		for _, t := range sents[k].Tokens {
			switch t.Norm {
			case "visit", "visits", "visited", "visiting", "trip", "tour":
				return true
			}
		}
	}
	return false
}

// takesPart reports whether state code is named in the sentence span,
// by an actor mention or a place mention: the narrative it set is the
// state's.
func takesPart(code string, ms []Mention, actors []parley.Mention, span parley.Span) bool {
	for _, a := range actors {
		if span.Contains(a.Span) && a.Actor.Code == code {
			return true
		}
	}
	for _, m := range ms {
		if m.Feature != nil && span.Contains(m.Span) && m.Feature.Country == code {
			return true
		}
	}
	return false
}

// firstState returns the first country code among actors, "" when none
// is a state.
func firstState(as []parley.Actor) string {
	for _, a := range as {
		if len(a.Code) == 3 && a.Code != "IGO" && a.Code != "NGO" {
			return a.Code
		}
	}
	return ""
}

// regionWords end the GeoNames name of a first-level region, which news
// leaves out: "Suwayda Governorate" is "Suwayda".
var regionWords = []string{" Governorate", " Province", " Oblast", " Region", " District"}

// toPlace makes an event place of a feature, named as news names it.
func toPlace(f *Feature) *parley.Place {
	name := f.Name
	if f.Class == ClassAdmin1 {
		for _, w := range regionWords {
			if n, ok := strings.CutSuffix(name, w); ok && n != "" {
				name = n
				break
			}
		}
	}
	return &parley.Place{Name: name, Country: f.Country, Lat: f.Lat, Lon: f.Lon}
}

// tokRange returns the first and last token of span, or -1, -1.
func tokRange(toks []parley.Token, span parley.Span) (int, int) {
	first, last := -1, -1
	for i, t := range toks {
		if t.Span.Start >= span.Start && first < 0 {
			first = i
		}
		if t.Span.End <= span.End {
			last = i
		}
	}
	if first < 0 || last < first {
		return -1, -1
	}
	return first, last
}

// locative reports whether the mention at span is said to be where
// something happened: after a place preposition (with "the" and a
// direction word allowed between: "in the southern Suwayda province"), or
// the subject of "host".
func locative(toks []parley.Token, span parley.Span, text string) bool {
	first, last := tokRange(toks, span)
	if first < 0 {
		return false
	}
	if prepBefore(toks, first) >= 0 {
		return true
	}
	// "Moscow hosted", "Moscow will host", "Moscow, which hosted".
	for i := last + 1; i < len(toks) && i <= last+4; i++ {
		n := toks[i].Norm
		if hostWords[n] {
			return true
		}
		if toks[i].Kind == parley.Punct && n != "," {
			break
		}
	}
	// "played host to": "Moscow played host".
	return last+2 < len(toks) && toks[last+1].Norm == "played" && toks[last+2].Norm == "host"
}

// venue reports whether the sentence places its action "at" a named
// building or site the gazetteer does not know: "at the State Guest
// House", "at the Kremlin's St. Catherine Hall".
func venue(toks []parley.Token, text string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm != "at" {
			continue
		}
		j := i + 1
		if toks[j].Norm == "the" && j+1 < len(toks) {
			j++
		}
		if toks[j].Kind == parley.Word && upper(toks[j].Span.In(text)) && !joiners[toks[j].Norm] {
			return true
		}
	}
	return false
}

func sentenceOf(sents []parley.Sentence, span parley.Span) int {
	for i, s := range sents {
		if s.Span.Contains(span) {
			return i
		}
	}
	return -1
}
