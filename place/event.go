package place

import (
	"github.com/parley-events/parley"
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

// EventPlace picks where the event of sentence sent, named by the trigger
// span, happened, from the place mentions of the article (Locate):
//
//   - a resolved place after "in", "at", "near", "outside"... in the
//     sentence ("met in Moscow", "shelling in Suwayda"), the one nearest
//     the trigger;
//   - a place that hosted: "Moscow hosted the talks" (a capital used as an
//     actor, "Tehran said", is not a place);
//   - "at the State Guest House", a venue the gazetteer does not know:
//     the city the narrative last set (the last "in X" or "X hosted" of
//     this or an earlier sentence).
//
// It returns nil when the text does not say.
func (g *Gazetteer) EventPlace(ms []Mention, sents []parley.Sentence, sent int, trigger parley.Span, text string) *parley.Place {
	if sent < 0 || sent >= len(sents) {
		return nil
	}
	s := sents[sent]
	var best *Mention
	bestDist := 0
	for i := range ms {
		m := &ms[i]
		if m.Feature == nil || !s.Span.Contains(m.Span) || !locative(s.Tokens, m.Span, text) {
			continue
		}
		d := distance(m.Span, trigger)
		if best == nil || d < bestDist {
			best, bestDist = m, d
		}
	}
	if best != nil {
		return toPlace(best.Feature)
	}
	if venue(s.Tokens, text) {
		// The narrative's last place: this sentence's earlier ones first,
		// then earlier sentences'.
		for i := len(ms) - 1; i >= 0; i-- {
			m := &ms[i]
			if m.Feature == nil || m.Span.Start >= s.Span.End || m.Feature.Class == ClassCountry {
				continue
			}
			si := sentenceOf(sents, m.Span)
			if si >= 0 && locative(sents[si].Tokens, m.Span, text) {
				return toPlace(m.Feature)
			}
		}
	}
	return nil
}

func toPlace(f *Feature) *parley.Place {
	return &parley.Place{Name: f.Name, Country: f.Country, Lat: f.Lat, Lon: f.Lon}
}

// locative reports whether the mention at span is said to be where
// something happened: after a place preposition (with "the" and a
// direction word allowed between: "in the southern Suwayda province"), or
// the subject of "host".
func locative(toks []parley.Token, span parley.Span, text string) bool {
	first, last := -1, -1
	for i, t := range toks {
		if t.Span.Start >= span.Start && first < 0 {
			first = i
		}
		if t.Span.End <= span.End {
			last = i
		}
	}
	if first < 0 {
		return false
	}
	for i := first - 1; i >= 0 && i >= first-3; i-- {
		n := toks[i].Norm
		if placePreps[n] {
			return true
		}
		if n != "the" && !directions[n] && n != "city" && n != "town" && n != "province" && n != "capital" && n != "of" {
			break
		}
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

// distance is how many bytes apart two spans are (0 when they overlap).
func distance(a, b parley.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}
