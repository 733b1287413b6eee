// Package actor holds parley's actor knowledge base (countries, bodies,
// officials with dated roles, agent nouns), compiled once from TSV tables,
// and the Recognizer that finds actor mentions in tokenized sentences.
package actor

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/data"
)

// Country is a state or territory.
type Country struct {
	Alpha3 string // ISO 3166-1 alpha-3 (XKX for Kosovo)
	Alpha2 string
	Name   string // short common name: "Russia", "United States"
	// Aliases are the other names ("Russian Federation", "U.S.", "America").
	Aliases []string
	// Adjectives are demonyms used as modifiers: "Syrian", "Emirati".
	Adjectives []string
	// Capitals are capitals and seats of government that stand for the
	// government in news text: "Moscow", "Kremlin", "White House".
	Capitals []string
}

// Org is an international body, a non-governmental organisation or an
// armed group.
type Org struct {
	Name    string // canonical short name: "UN Security Council", "ICRC"
	Code    string // IGO, NGO, or the alpha-3 code of the one state it is tied to
	Sector  string
	Aliases []string
}

// Role is a dated office of a person; Org names the body or armed group
// held for, if any.
type Role struct {
	parley.Role
	Org string
}

// Person is an official known to the knowledge base.
type Person struct {
	Name    string // canonical spelling: "Sergey Lavrov"
	Aliases []string
	Roles   []Role // in the order of the data file
}

// Agent is a generic agent noun ("troops", "foreign minister") with the
// sector it gives an actor.
type Agent struct {
	Name    string
	Sector  string
	Title   bool // can stand before a person's name
	Aliases []string
}

// KB is the knowledge base compiled from the data files; it is immutable
// and safe for concurrent use.
type KB struct {
	countries []Country
	orgs      []Org
	people    []Person
	agents    []Agent

	countryBy map[string]int   // alpha-3, alpha-2 (upper case) and folded names
	orgBy     map[string]int   // folded names
	personBy  map[string][]int // folded names → people bearing them
	looseBy   map[string][]int // looseKey of names → people
	keyBy     map[string][]int // TranslitKey of full names → people
	agentBy   map[string]int   // folded agent names and aliases → kb.agents
	holders   map[string][]int // officeKey(code, office) → people who held it
}

// The table files under the directory Load reads.
const (
	countriesFile      = "countries.tsv"
	countriesExtraFile = "countries_extra.tsv"
	orgsFile           = "orgs.tsv"
	peopleFile         = "people.tsv"
	agentsFile         = "agents.tsv"
)

// Load compiles the tables in the root of fsys (countries.tsv,
// countries_extra.tsv when present, orgs.tsv, people.tsv, agents.tsv). It
// reports every problem in the data at once, joined, each as
// "file:line: problem".
func Load(fsys fs.FS) (*KB, error) {
	var errs errorList
	kb := &KB{
		countryBy: map[string]int{},
		orgBy:     map[string]int{},
		personBy:  map[string][]int{},
		looseBy:   map[string][]int{},
		keyBy:     map[string][]int{},
		agentBy:   map[string]int{},
		holders:   map[string][]int{},
	}
	kb.loadCountries(fsys, &errs)
	kb.loadOrgs(fsys, &errs)
	kb.loadAgents(fsys, &errs)
	kb.loadPeople(fsys, &errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return kb, nil
}

// Default returns the knowledge base compiled from the embedded tables
// (data.Actors). It returns an error only if the embedded data is broken,
// which the package tests rule out.
func Default() (*KB, error) {
	sub, err := fs.Sub(data.Actors, "actors")
	if err != nil {
		return nil, fmt.Errorf("actor: embedded data: %w", err)
	}
	return Load(sub)
}

var countryColumns = []string{"alpha3", "alpha2", "name", "aliases", "adjectives", "capitals"}

func (kb *KB) loadCountries(fsys fs.FS, errs *errorList) {
	t, ok := readTable(fsys, ".", countriesFile, countryColumns, false, errs)
	if !ok {
		return
	}
	by2 := map[string]int{}
	for _, r := range t.rows {
		c := Country{Alpha3: r.get("alpha3"), Alpha2: r.get("alpha2"), Name: r.get("name"),
			Aliases: r.list("aliases"), Adjectives: r.list("adjectives"), Capitals: r.list("capitals")}
		if !isCode(c.Alpha3, 3) {
			errs.at(t, r, "alpha3 %q is not three capital letters", c.Alpha3)
			continue
		}
		if !isCode(c.Alpha2, 2) {
			errs.at(t, r, "alpha2 %q is not two capital letters", c.Alpha2)
			continue
		}
		if c.Name == "" {
			errs.at(t, r, "%s has no name", c.Alpha3)
			continue
		}
		if _, dup := by2[c.Alpha2]; dup {
			errs.at(t, r, "alpha2 %s listed twice", c.Alpha2)
			continue
		}
		by2[c.Alpha2] = len(kb.countries)
		kb.countries = append(kb.countries, c)
	}
	if x, ok := readTable(fsys, ".", countriesExtraFile, countryColumns, true, errs); ok {
		for _, r := range x.rows {
			a2 := r.get("alpha2")
			i, known := by2[a2]
			if !known {
				if !isCode(a2, 2) || !isCode(r.get("alpha3"), 3) || r.get("name") == "" {
					errs.at(x, r, "new country %q needs alpha3, alpha2 and name", a2)
					continue
				}
				by2[a2] = len(kb.countries)
				kb.countries = append(kb.countries, Country{Alpha3: r.get("alpha3"), Alpha2: a2, Name: r.get("name")})
				i = by2[a2]
			}
			c := &kb.countries[i]
			if v := r.get("alpha3"); v != "" {
				if !isCode(v, 3) {
					errs.at(x, r, "alpha3 %q is not three capital letters", v)
					continue
				}
				c.Alpha3 = v
			}
			if v := r.get("name"); v != "" {
				if v != c.Name {
					c.Aliases = append(c.Aliases, c.Name)
				}
				c.Name = v
			}
			c.Aliases = mergeList(c.Aliases, r.list("aliases"))
			c.Adjectives = mergeList(c.Adjectives, r.list("adjectives"))
			c.Capitals = mergeList(c.Capitals, r.list("capitals"))
		}
	}
	// Index, and refuse a name claimed by two countries.
	owner := map[string]int{}
	for i, c := range kb.countries {
		if j, dup := kb.countryBy[c.Alpha3]; dup {
			errs.add(fmt.Errorf("%s: alpha3 %s used by %s and %s", t.name, c.Alpha3, kb.countries[j].Name, c.Name))
		}
		kb.countryBy[c.Alpha3] = i
		kb.countryBy[c.Alpha2] = i
		for _, n := range slices.Concat([]string{c.Name}, c.Aliases, c.Adjectives, c.Capitals) {
			k := fold(stripThe(n))
			if k == "" {
				continue
			}
			if j, dup := owner[k]; dup && j != i {
				errs.add(fmt.Errorf("%s: name %q belongs to both %s and %s; leave it out or list it once", t.name, n, kb.countries[j].Alpha3, c.Alpha3))
				continue
			}
			owner[k] = i
		}
		for _, n := range slices.Concat([]string{c.Name}, c.Aliases) {
			kb.countryBy[fold(stripThe(n))] = i
		}
	}
}

// mergeList adds items to list; an item "-X" removes X instead.
func mergeList(list, items []string) []string {
	for _, it := range items {
		if rest, ok := strings.CutPrefix(it, "-"); ok {
			list = slices.DeleteFunc(list, func(s string) bool { return s == rest })
			continue
		}
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// actorCode reports whether s can be an Actor.Code: IGO, NGO or a known
// alpha-3 code.
func (kb *KB) actorCode(s string) bool {
	if s == "IGO" || s == "NGO" {
		return true
	}
	i, ok := kb.countryBy[s]
	return ok && kb.countries[i].Alpha3 == s
}

func isSector(s string) bool { return isCode(s, 3) }

func (kb *KB) loadOrgs(fsys fs.FS, errs *errorList) {
	t, ok := readTable(fsys, ".", orgsFile, []string{"org", "code", "sector", "aliases"}, false, errs)
	if !ok {
		return
	}
	for _, r := range t.rows {
		o := Org{Name: r.get("org"), Code: r.get("code"), Sector: r.get("sector"), Aliases: r.list("aliases")}
		switch {
		case o.Name == "":
			errs.at(t, r, "no org name")
			continue
		case !kb.actorCode(o.Code):
			errs.at(t, r, "%s: code %q is neither IGO, NGO nor a country's alpha-3", o.Name, o.Code)
			continue
		case !isSector(o.Sector):
			errs.at(t, r, "%s: sector %q is not three capital letters", o.Name, o.Sector)
			continue
		}
		i := len(kb.orgs)
		bad := false
		for _, n := range slices.Concat([]string{o.Name}, o.Aliases) {
			k := fold(stripThe(n))
			if j, dup := kb.orgBy[k]; dup && j != i {
				errs.at(t, r, "name %q already names %s", n, kb.orgs[j].Name)
				bad = true
			}
		}
		if bad {
			continue
		}
		for _, n := range slices.Concat([]string{o.Name}, o.Aliases) {
			kb.orgBy[fold(stripThe(n))] = i
		}
		kb.orgs = append(kb.orgs, o)
	}
}

func (kb *KB) loadPeople(fsys fs.FS, errs *errorList) {
	cols := []string{"name", "aliases", "code", "sector", "title", "org", "valid_from", "valid_to"}
	t, ok := readTable(fsys, ".", peopleFile, cols, false, errs)
	if !ok {
		return
	}
	byName := map[string]int{}
	rowKey := map[string]int{} // a whole role, to refuse duplicates
	type held struct {
		person int
		role   Role
		line   int
	}
	offices := map[string][]held{} // officeKey → roles of single-holder offices
	for _, r := range t.rows {
		name := r.get("name")
		role := Role{Role: parley.Role{Code: r.get("code"), Sector: r.get("sector"), Title: r.get("title")}, Org: r.get("org")}
		bad := false
		if name == "" {
			errs.at(t, r, "no name")
			bad = true
		}
		if !kb.actorCode(role.Code) {
			errs.at(t, r, "%s: code %q is neither IGO, NGO nor a country's alpha-3", name, role.Code)
			bad = true
		}
		if !isSector(role.Sector) {
			errs.at(t, r, "%s: sector %q is not three capital letters", name, role.Sector)
			bad = true
		}
		if role.Org != "" {
			if _, ok := kb.orgBy[fold(stripThe(role.Org))]; !ok {
				errs.at(t, r, "%s: org %q is not in %s", name, role.Org, orgsFile)
				bad = true
			}
		}
		for _, d := range []struct {
			col string
			dst *time.Time
		}{{"valid_from", &role.ValidFrom}, {"valid_to", &role.ValidTo}} {
			if v := r.get(d.col); v != "" {
				tm, err := time.Parse(time.DateOnly, v)
				if err != nil {
					errs.at(t, r, "%s: %s %q is not YYYY-MM-DD", name, d.col, v)
					bad = true
					continue
				}
				*d.dst = tm
			}
		}
		if !role.ValidFrom.IsZero() && !role.ValidTo.IsZero() && role.ValidTo.Before(role.ValidFrom) {
			errs.at(t, r, "%s: role ends (%s) before it starts (%s)", name, r.get("valid_to"), r.get("valid_from"))
			bad = true
		}
		if bad {
			continue
		}
		if role.Org != "" {
			role.Org = kb.orgs[kb.orgBy[fold(stripThe(role.Org))]].Name
		}
		rk := strings.Join([]string{name, role.Code, role.Sector, role.Title, role.Org, r.get("valid_from"), r.get("valid_to")}, "|")
		if l, dup := rowKey[rk]; dup {
			errs.at(t, r, "%s: the same role as line %d", name, l)
			continue
		}
		rowKey[rk] = r.line
		i, seen := byName[name]
		if !seen {
			i = len(kb.people)
			byName[name] = i
			kb.people = append(kb.people, Person{Name: name})
		}
		if off := kb.office(role.Title); singleHolder[off] {
			k := officeKey(firstNonEmpty(role.Org, role.Code), off)
			for _, h := range offices[k] {
				if h.person != i && overlap(h.role.Role, role.Role) {
					errs.at(t, r, "%s: %s of %s overlaps %s's term (line %d)", name, off, firstNonEmpty(role.Org, role.Code), kb.people[h.person].Name, h.line)
				}
			}
			offices[k] = append(offices[k], held{i, role, r.line})
		}
		p := &kb.people[i]
		for _, a := range r.list("aliases") {
			if a != name && !slices.Contains(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
		}
		p.Roles = append(p.Roles, role)
	}
	for i, p := range kb.people {
		for _, n := range slices.Concat([]string{p.Name}, p.Aliases) {
			k := fold(n)
			if !slices.Contains(kb.personBy[k], i) {
				kb.personBy[k] = append(kb.personBy[k], i)
			}
			l := looseKey(n)
			if !slices.Contains(kb.looseBy[l], i) {
				kb.looseBy[l] = append(kb.looseBy[l], i)
			}
		}
	}
	kb.indexPeople(0)
}

// indexPeople adds people[from:] to the transliteration and office indexes.
func (kb *KB) indexPeople(from int) {
	for i := from; i < len(kb.people); i++ {
		p := kb.people[i]
		for _, n := range slices.Concat([]string{p.Name}, p.Aliases) {
			if ws := translitWords(n); len(ws) >= 2 {
				k := strings.Join(ws, " ")
				if !slices.Contains(kb.keyBy[k], i) {
					kb.keyBy[k] = append(kb.keyBy[k], i)
				}
			}
		}
		for _, r := range p.Roles {
			k := officeKey(firstNonEmpty(r.Org, r.Code), kb.office(r.Title))
			if !slices.Contains(kb.holders[k], i) {
				kb.holders[k] = append(kb.holders[k], i)
			}
		}
	}
}

// singleHolder are the offices one person holds at a time; people.tsv may
// not give two people overlapping terms in one of them for one state.
var singleHolder = map[string]bool{
	"president": true, "prime minister": true, "foreign minister": true, "defence minister": true,
	"king": true, "queen": true, "emir": true, "sultan": true, "emperor": true, "chancellor": true,
	"supreme leader": true, "crown prince": true, "secretary of state": true, "secretary-general": true,
}

func officeKey(codeOrOrg, office string) string { return codeOrOrg + "|" + office }

// office returns the canonical name of a title: the agent noun it is a
// spelling of ("defense secretary" → "defence minister"), or the folded
// title.
func (kb *KB) office(title string) string {
	k := fold(title)
	if a, ok := kb.agentBy[k]; ok {
		return kb.agents[a].Name
	}
	return k
}

// overlap reports whether two dated roles share more than a handover day.
func overlap(a, b parley.Role) bool {
	far := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	aTo, bTo := a.ValidTo, b.ValidTo
	if aTo.IsZero() {
		aTo = far
	}
	if bTo.IsZero() {
		bTo = far
	}
	return a.ValidFrom.Before(bTo) && b.ValidFrom.Before(aTo)
}

// Holder returns the one person who held office (a title, any spelling the
// agents table knows: "defense secretary", "foreign minister") for
// codeOrOrg (an alpha-3 code or a body's canonical name) on day. It reports
// false when nobody or more than one person did, or day is zero.
func (kb *KB) Holder(codeOrOrg, office string, day time.Time) (Person, Role, bool) {
	if day.IsZero() {
		return Person{}, Role{}, false
	}
	off := kb.office(office)
	found, role := -1, Role{}
	for _, id := range kb.holders[officeKey(codeOrOrg, off)] {
		for _, r := range kb.people[id].Roles {
			if r.ValidOn(day) && firstNonEmpty(r.Org, r.Code) == codeOrOrg && kb.office(r.Title) == off {
				if found >= 0 && found != id {
					return Person{}, Role{}, false
				}
				found, role = id, r
			}
		}
	}
	if found < 0 {
		return Person{}, Role{}, false
	}
	return kb.people[found], role, true
}

// People returns every person of the knowledge base, in data order.
func (kb *KB) People() []Person { return slices.Clone(kb.people) }

func (kb *KB) loadAgents(fsys fs.FS, errs *errorList) {
	t, ok := readTable(fsys, ".", agentsFile, []string{"agent", "sector", "person", "aliases"}, false, errs)
	if !ok {
		return
	}
	seen := map[string]string{}
	for _, r := range t.rows {
		a := Agent{Name: r.get("agent"), Sector: r.get("sector"), Aliases: r.list("aliases")}
		switch r.get("person") {
		case "yes":
			a.Title = true
		case "no", "":
		default:
			errs.at(t, r, "%s: person %q is neither yes nor no", a.Name, r.get("person"))
			continue
		}
		if a.Name == "" || !isSector(a.Sector) {
			errs.at(t, r, "agent %q: sector %q is not three capital letters", a.Name, a.Sector)
			continue
		}
		bad := false
		for _, n := range slices.Concat([]string{a.Name}, a.Aliases) {
			if other, dup := seen[fold(n)]; dup && other != a.Name {
				errs.at(t, r, "%q is already an alias of %q", n, other)
				bad = true
			}
			seen[fold(n)] = a.Name
		}
		if !bad {
			for _, n := range slices.Concat([]string{a.Name}, a.Aliases) {
				kb.agentBy[fold(n)] = len(kb.agents)
			}
			kb.agents = append(kb.agents, a)
		}
	}
}

// stripThe removes a leading "the " (names are matched without it).
func stripThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// Country looks up a country by ISO alpha-3, alpha-2 or name (any alias,
// case and diacritics ignored).
func (kb *KB) Country(s string) (Country, bool) {
	s = strings.TrimSpace(s)
	if i, ok := kb.countryBy[s]; ok {
		return kb.countries[i], true
	}
	if i, ok := kb.countryBy[fold(stripThe(s))]; ok {
		return kb.countries[i], true
	}
	return Country{}, false
}

// Countries returns every country, in data order.
func (kb *KB) Countries() []Country { return slices.Clone(kb.countries) }

// Org looks up a body by any of its names.
func (kb *KB) Org(name string) (Org, bool) {
	if i, ok := kb.orgBy[fold(stripThe(strings.TrimSpace(name)))]; ok {
		return kb.orgs[i], true
	}
	return Org{}, false
}

// CanonicalOrg returns the canonical short name of a body ("UNSC" → "UN
// Security Council", "the Red Cross" → "ICRC"), or name when unknown.
func (kb *KB) CanonicalOrg(name string) string {
	if o, ok := kb.Org(name); ok {
		return o.Name
	}
	return name
}

// Person looks up an official by any spelling the knowledge base knows;
// a spelling shared by several people ("al-Sharaa") gives the one who held
// office most recently.
func (kb *KB) Person(name string) (Person, bool) {
	i := kb.personIndex(name)
	if i < 0 {
		return Person{}, false
	}
	return kb.people[i], true
}

func (kb *KB) personIndex(name string) int {
	ids := kb.personBy[fold(strings.TrimSpace(name))]
	if len(ids) == 0 {
		ids = kb.looseBy[looseKey(name)]
	}
	if len(ids) == 0 {
		if ws := translitWords(name); len(ws) >= 2 {
			ids = kb.keyBy[strings.Join(ws, " ")]
		}
	}
	return kb.pick(ids, time.Time{}, nil)
}

// pick chooses among the people sharing a spelling: one already named in
// full in the article (seen), else the only one holding a role on day,
// else the one whose last role ended last. It returns -1 for no ids.
func (kb *KB) pick(ids []int, day time.Time, seen map[int]bool) int {
	if len(ids) == 1 {
		return ids[0]
	}
	if len(ids) == 0 {
		return -1
	}
	var inSeen, valid []int
	for _, id := range ids {
		if seen[id] {
			inSeen = append(inSeen, id)
		}
		if !day.IsZero() && slices.ContainsFunc(kb.people[id].Roles, func(r Role) bool { return r.ValidOn(day) }) {
			valid = append(valid, id)
		}
	}
	if len(inSeen) == 1 {
		return inSeen[0]
	}
	if len(valid) == 1 {
		return valid[0]
	}
	best, bestEnd := ids[0], time.Time{}
	for _, id := range ids {
		end := lastEnd(kb.people[id])
		if end.After(bestEnd) {
			best, bestEnd = id, end
		}
	}
	return best
}

// lastEnd is when a person's last role ended; far future for an open role.
func lastEnd(p Person) time.Time {
	var end time.Time
	for _, r := range p.Roles {
		e := r.ValidTo
		if e.IsZero() {
			e = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if e.After(end) {
			end = e
		}
	}
	return end
}

// Canonical returns the knowledge base's canonical name for a spelling of
// a person ("Sergei Lavrov" → "Sergey Lavrov"), or name when unknown.
func (kb *KB) Canonical(name string) string {
	if i := kb.personIndex(name); i >= 0 {
		return kb.people[i].Name
	}
	return name
}

// SamePerson reports whether two spellings name the same person. Names the
// knowledge base knows (any alias, or the transliteration key of one) are
// the same person when they are the same entry. A name it does not know is
// the same person as a known one when its transliteration key matches one
// of that person's names (see TranslitKey and namesMatch) and no other
// person's; two unknown names when their keys match.
func (kb *KB) SamePerson(a, b string) bool {
	i, j := kb.personIndex(a), kb.personIndex(b)
	switch {
	case i >= 0 && j >= 0:
		return i == j
	case i >= 0:
		return kb.matchesOnly(i, translitWords(b))
	case j >= 0:
		return kb.matchesOnly(j, translitWords(a))
	}
	return namesMatch(translitWords(a), translitWords(b))
}

// matchesOnly reports whether the name ws matches a name of person i and
// has two or more words (a bare surname the KB does not list is not enough).
func (kb *KB) matchesOnly(i int, ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	p := kb.people[i]
	for _, n := range slices.Concat([]string{p.Name}, p.Aliases) {
		// a surname alias ("Sinwar") does not make every Sinwar one person
		if nw := translitWords(n); len(nw) >= 2 && namesMatch(ws, nw) {
			return true
		}
	}
	return false
}

// SameActor reports whether two person actors are one person: their names
// match (SamePerson) and their countries agree. Actors with different
// country codes are one person only when the knowledge base knows the
// person in both (an official who moved to an international body).
func (kb *KB) SameActor(a, b parley.Actor) bool {
	if a.Name == "" || b.Name == "" || !kb.SamePerson(a.Name, b.Name) {
		return false
	}
	if a.Code == "" || b.Code == "" || a.Code == b.Code {
		return true
	}
	i := kb.personIndex(a.Name)
	if i < 0 || i != kb.personIndex(b.Name) {
		return false
	}
	hasA := slices.ContainsFunc(kb.people[i].Roles, func(r Role) bool { return r.Code == a.Code })
	hasB := slices.ContainsFunc(kb.people[i].Roles, func(r Role) bool { return r.Code == b.Code })
	return hasA && hasB
}

// roleOn picks the role of p to report on day: a role valid that day,
// preferring one for code and one whose title matches title; when none is
// valid, the last role held before day, reported with no sector and the
// title marked "former"; when every role lies after day, the first one
// with no sector.
func roleOn(p Person, day time.Time, code, title string) Role {
	best, score := -1, -1
	for i, r := range p.Roles {
		if !r.ValidOn(day) {
			continue
		}
		s := 0
		if code != "" && (r.Code == code || r.Org == code) {
			s += 2
		}
		if title != "" && (strings.Contains(r.Title, title) || strings.Contains(title, r.Title)) {
			s++
		}
		if s > score || s == score && r.ValidFrom.After(p.Roles[best].ValidFrom) {
			best, score = i, s
		}
	}
	if best >= 0 {
		return p.Roles[best]
	}
	var last *Role
	for i, r := range p.Roles {
		if !r.ValidTo.IsZero() && r.ValidTo.Before(day) && (last == nil || r.ValidTo.After(last.ValidTo)) {
			last = &p.Roles[i]
		}
	}
	if last != nil {
		r := *last
		r.Sector = ""
		r.Title = "former " + r.Title
		return r
	}
	r := p.Roles[0]
	r.Sector, r.Title = "", ""
	return r
}
