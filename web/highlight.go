package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Highlight marks a part of an event's reporting sentence: the trigger
// (Kind "event"), or a name of one of its actors or recipients.
type Highlight struct {
	Kind  string `json:"kind"`  // "actor", "event" or "recipient"
	Start int    `json:"start"` // byte offsets into the sentence
	End   int    `json:"end"`
	Label string `json:"label,omitempty"` // the actor named: "RUS GOV", "Sergey Lavrov"
}

// highlights finds what to mark in sentence, the text of e.Sentence. The
// trigger span comes from the event; events keep no mention spans, so each
// actor is looked for by the names it goes by (its Name or Org, and with a
// knowledge base the aliases, demonyms and capitals of its country or body),
// as whole words, taking the occurrence nearest the trigger on the side
// where actors (before) or recipients (after) usually stand. The result is
// sorted by Start, without overlaps.
func highlights(e *parley.Event, sentence string, kb ActorInfo) []Highlight {
	hs := []Highlight{}
	trigger := -1
	if t := (parley.Span{Start: e.Trigger.Start - e.Sentence.Start, End: e.Trigger.End - e.Sentence.Start}); t.Start >= 0 && t.Start < t.End && t.End <= len(sentence) {
		hs = append(hs, Highlight{Kind: "event", Start: t.Start, End: t.End, Label: e.Type})
		trigger = t.Start
	}
	mark := func(kind string, a parley.Actor, before bool) {
		best, bestScore := parley.Span{}, -1
		for _, name := range namesOf(a, kb) {
			for _, sp := range occurrences(sentence, name) {
				if slices.ContainsFunc(hs, func(h Highlight) bool { return sp.Overlaps(parley.Span{Start: h.Start, End: h.End}) }) {
					continue
				}
				score := placeScore(sp, trigger, before, len(sentence))
				if bestScore < 0 || score < bestScore || score == bestScore && sp.Len() > best.Len() {
					best, bestScore = sp, score
				}
			}
		}
		if bestScore >= 0 {
			hs = append(hs, Highlight{Kind: kind, Start: best.Start, End: best.End, Label: actorLabel(a)})
		}
	}
	for _, a := range e.Actors {
		mark("actor", a, true)
	}
	for _, a := range e.Recipients {
		mark("recipient", a, false)
	}
	slices.SortFunc(hs, func(x, y Highlight) int { return cmp.Compare(x.Start, y.Start) })
	return hs
}

// placeScore ranks an occurrence: lower is better. Without a trigger the
// first occurrence wins; with one, the nearest on the expected side, then
// the nearest on the other.
func placeScore(sp parley.Span, trigger int, before bool, n int) int {
	if trigger < 0 {
		return sp.Start
	}
	if before == (sp.End <= trigger) {
		if before {
			return trigger - sp.End
		}
		return sp.Start - trigger
	}
	d := sp.Start - trigger
	if d < 0 {
		d = trigger - sp.End
	}
	return n + d
}

// namesOf lists the names a text may use for an actor, longest first.
func namesOf(a parley.Actor, kb ActorInfo) []string {
	var names []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(names, s) {
				names = append(names, s)
			}
		}
	}
	switch {
	case a.Name != "":
		add(a.Name)
		if kb != nil {
			if p, ok := kb.Person(a.Name); ok {
				add(p.Name)
				add(p.Aliases...)
			}
		}
		if f := strings.Fields(a.Name); len(f) > 1 && len(f[len(f)-1]) >= 3 {
			add(f[len(f)-1]) // the surname, as later mentions use it
		}
	case a.Org != "":
		add(a.Org)
		if kb != nil {
			if o, ok := kb.Org(a.Org); ok {
				add(o.Name)
				add(o.Aliases...)
			}
		}
	case a.Code != "":
		if kb != nil {
			if c, ok := kb.Country(a.Code); ok {
				add(c.Name)
				add(c.Aliases...)
				add(c.Adjectives...)
				add(c.Capitals...)
			}
		}
		add(a.Code)
	}
	slices.SortStableFunc(names, func(x, y string) int { return cmp.Compare(len(y), len(x)) })
	return names
}

// occurrences returns the spans where name stands in s as whole words.
func occurrences(s, name string) []parley.Span {
	var out []parley.Span
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], name)
		if i < 0 {
			break
		}
		start := from + i
		end := start + len(name)
		if wordEdge(s, start, end) {
			out = append(out, parley.Span{Start: start, End: end})
		}
		from = start + 1
	}
	return out
}

// wordEdge reports whether s[start:end] is not part of a longer word. A
// possessive "'s" after it is fine.
func wordEdge(s string, start, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isWordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && isWordRune(r) {
		return false
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// actorLabel names an actor for people: "Sergey Lavrov", "ICRC", "RUS GOV".
func actorLabel(a parley.Actor) string {
	switch {
	case a.Name != "":
		return a.Name
	case a.Org != "":
		return a.Org
	case a.Sector != "" && a.Sector != a.Code:
		return a.Code + " " + a.Sector
	}
	return a.Code
}
