package actor

import (
	"slices"

	"github.com/parley-events/parley"
)

// Coordinated plural titles name several office holders at once:
// "Syria's foreign and defense ministers" (one state, two offices), "the
// Russian and Syrian defence ministers" (two states, one office), "the
// foreign ministers of Iran and Turkey". Each office of each state gives
// one mention, all sharing the phrase's span (the coder reads mentions of
// one span as a list): the person holding it, named earlier in the article
// or known to the knowledge base on the article's day, else a group of the
// state with the office's sector.

// offices reads coordinated modifiers of one plural agent noun at
// units[j]: "foreign and defense ministers", "foreign, interior and defence
// ministers". Each modifier with the shared head must spell an agent
// ("foreign ministers", "defense ministers"). It returns where the phrase
// ends and the agents in text order, or end 0.
func (r *Recognizer) offices(us []unit, j int) (end int, agents []int) {
	var mods []int
	k := j
	for {
		if k+1 >= len(us) || !us[k].word {
			return 0, nil
		}
		if next := us[k+1].key; next != "," && next != "and" && next != "&" || notModifiers[us[k].key] {
			return 0, nil
		}
		mods = append(mods, k)
		switch us[k+1].key {
		case ",":
			k += 2
			if k < len(us) && us[k].key == "and" {
				k++ // the serial comma: "foreign, interior, and defence ministers"
				goto last
			}
			continue
		case "and", "&":
			k += 2
			goto last
		}
		return 0, nil
	}
last:
	if k >= len(us) || !us[k].gap {
		return 0, nil
	}
	aend, a := r.longestAgent(us, k)
	if aend < k+2 || !plural(us[aend-1].key) {
		return 0, nil
	}
	head := ""
	for q := k + 1; q < aend; q++ {
		head = joinKey(head, us[q], q == k+1)
	}
	for _, m := range mods {
		b, ok := r.agents[us[m].key+" "+head]
		if !ok {
			return 0, nil
		}
		if !slices.Contains(agents, b) {
			agents = append(agents, b)
		}
	}
	if !slices.Contains(agents, a) {
		agents = append(agents, a)
	}
	return aend, agents
}

// pluralAgents reads the plural agent phrase at units[j], coordinated
// ("foreign and defence ministers") or not ("defence ministers", "troops").
func (r *Recognizer) pluralAgents(us []unit, j int) (end int, agents []int) {
	if end, agents := r.offices(us, j); end > 0 {
		return end, agents
	}
	end, a := r.longestAgent(us, j)
	if end == 0 || !plural(us[end-1].key) {
		return 0, nil
	}
	return end, []int{a}
}

// stateList reads more states coordinated after the one ending at
// units[after-1]: "[,] Syrian [,] and Turkish" or "and Turkey's". It
// returns their codes and where the list ends, or nil when no state is
// coordinated. possessive reports a final "'s".
func (s *scan) stateList(us []unit, after int, caps bool) (codes []string, end int, possessive bool) {
	k := after
	for k < len(us) && (us[k].key == "," || us[k].key == "and") {
		last := us[k].key == "and"
		k++
		if !last && k < len(us) && us[k].key == "and" {
			last = true
			k++
		}
		if k >= len(us) {
			return nil, 0, false
		}
		m := s.r.longestName(us, k, caps)
		if m.end == 0 {
			return nil, 0, false
		}
		e := pickEntry(m.entries)
		if e.kind != entryAdjective && e.kind != entryCountry {
			return nil, 0, false
		}
		codes = append(codes, s.r.kb.countries[e.idx].Alpha3)
		k = m.end
		if k < len(us) && !us[k].gap && (us[k].key == "'s" || us[k].key == "'") {
			return codes, k + 1, true
		}
		if last {
			break
		}
	}
	if len(codes) == 0 {
		return nil, 0, false
	}
	return codes, k, false
}

// holders gives the mentions of each agent for each of codeOrOrgs, all
// with span.
func (s *scan) holders(us []unit, i int, span parley.Span, codes []string, org string, agents []int) {
	for _, code := range codes {
		for _, a := range agents {
			ag := s.r.kb.agents[a]
			if ag.Title {
				if p, ok := s.resolveTitle(firstNonEmpty(org, code), a); ok {
					s.person(us, i, parley.Mention{Span: span, Kind: parley.MentionPerson, Actor: p})
					continue
				}
			}
			g := parley.Actor{Code: code, Sector: ag.Sector, Org: org}
			if ag.Title {
				g.Title = ag.Name
			}
			s.out = append(s.out, parley.Mention{Span: span, Kind: parley.MentionGroup, Actor: g})
		}
	}
}
