package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// Profile is what an actor page shows: who the actor is (from the
// knowledge base, when the server has one) and what the store holds about
// it.
type Profile struct {
	Query string `json:"query"` // what the store was asked: "RUS", "Sergey Lavrov"
	// Kind is "country", "org", "person", or "" when the knowledge base
	// does not know the actor (or the server has none).
	Kind    string   `json:"kind,omitempty"`
	Name    string   `json:"name,omitempty"`
	Code    string   `json:"code,omitempty"`
	Aliases []string `json:"aliases"`
	Roles   []Role   `json:"roles"`

	Events      int            `json:"events"`
	AsActor     int            `json:"as_actor"`
	AsRecipient int            `json:"as_recipient"`
	Counts      map[string]int `json:"counts"` // events by PLOVER category
	MeanScore   float64        `json:"mean_score"`
	// Counterparts are the actors it acts with or on, most events first.
	Counterparts []Counterpart       `json:"counterparts"`
	Periods      []graph.TimelineRow `json:"periods"`
	// Recent are its latest dated events, newest first, at most limit.
	Recent []parley.Event `json:"recent"`
}

// Role is an office a person held.
type Role struct {
	Code   string `json:"code"`
	Sector string `json:"sector,omitempty"`
	Title  string `json:"title,omitempty"`
	Org    string `json:"org,omitempty"`
	From   string `json:"from,omitempty"` // YYYY-MM-DD
	To     string `json:"to,omitempty"`
}

// Counterpart is an actor that shares events with the profiled one.
type Counterpart struct {
	Actor  string `json:"actor"` // node key as in graph: code, or org
	Events int    `json:"events"`
}

const maxCounterparts = 25

// resolve turns an actor query into what the store knows it by, with what
// the knowledge base says: "Russia" → RUS, "Sergei Lavrov" → "Sergey
// Lavrov", "the Red Cross" → "ICRC".
func (s *Server) resolve(q string) *Profile {
	p := &Profile{Query: q, Aliases: []string{}, Roles: []Role{}}
	if s.kb == nil {
		return p
	}
	isCode := len(q) == 3 && strings.ToUpper(q) == q
	if c, ok := s.kb.Country(q); ok {
		p.Kind, p.Name, p.Code, p.Query = "country", c.Name, c.Alpha3, c.Alpha3
		p.Aliases = append(p.Aliases, c.Aliases...)
		p.Aliases = append(p.Aliases, c.Adjectives...)
		p.Aliases = append(p.Aliases, c.Capitals...)
		return p
	}
	if isCode {
		return p
	}
	if o, ok := s.kb.Org(q); ok {
		p.Kind, p.Name, p.Code, p.Query = "org", o.Name, o.Code, o.Name
		p.Aliases = append(p.Aliases, o.Aliases...)
		return p
	}
	if per, ok := s.kb.Person(q); ok {
		p.Kind, p.Name, p.Query = "person", per.Name, per.Name
		p.Aliases = append(p.Aliases, per.Aliases...)
		for _, r := range per.Roles {
			p.Roles = append(p.Roles, Role{Code: r.Code, Sector: r.Sector, Title: r.Title, Org: r.Org,
				From: day(r.ValidFrom), To: day(r.ValidTo)})
		}
		if len(per.Roles) > 0 {
			p.Code = per.Roles[len(per.Roles)-1].Code
		}
	}
	return p
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// profile builds the profile of actor q with its latest limit events.
func (s *Server) profile(ctx context.Context, q string, limit int) (*Profile, error) {
	if why := checkActor(q); why != "" {
		return nil, &paramError{Param: "code", Value: q, Why: why}
	}
	p := s.resolve(q)
	evs, err := s.loadEvents(ctx, parley.EventFilter{Actor: p.Query})
	if err != nil {
		return nil, err
	}
	tl, err := graph.Timeline(evs, p.Query, graph.ByMonth)
	if err != nil {
		return nil, &paramError{Param: "code", Value: q, Why: err.Error()}
	}
	p.Periods = tl.Periods
	if p.Periods == nil {
		p.Periods = []graph.TimelineRow{}
	}
	p.Counts = map[string]int{}
	counter := map[string]int{}
	var sum float64
	var keys []string
	for i := range evs {
		e := &evs[i]
		act, rec := anyAnswers(e.Actors, p.Query), anyAnswers(e.Recipients, p.Query)
		if !act && !rec {
			continue
		}
		p.Events++
		if act {
			p.AsActor++
		}
		if rec {
			p.AsRecipient++
		}
		p.Counts[e.Type]++
		sum += e.PLOVERScore
		keys = keys[:0]
		for _, a := range slices.Concat(e.Actors, e.Recipients) {
			if k := nodeKey(a); k != "" && !answers(a, p.Query) && !slices.Contains(keys, k) {
				keys = append(keys, k)
				counter[k]++
			}
		}
	}
	if p.Events > 0 {
		p.MeanScore = sum / float64(p.Events)
	}
	p.Counterparts = []Counterpart{}
	for k, n := range counter {
		p.Counterparts = append(p.Counterparts, Counterpart{Actor: k, Events: n})
	}
	slices.SortFunc(p.Counterparts, func(x, y Counterpart) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), strings.Compare(x.Actor, y.Actor))
	})
	if len(p.Counterparts) > maxCounterparts {
		p.Counterparts = p.Counterparts[:maxCounterparts]
	}
	// Latest first: the store gives date order with undated events last.
	p.Recent = []parley.Event{}
	for i := len(tl.Events) - 1; i >= 0 && len(p.Recent) < limit; i-- {
		if tl.Events[i].Date != nil {
			p.Recent = append(p.Recent, tl.Events[i])
		}
	}
	return p, nil
}

// answers reports whether actor a answers query q as the store matches it:
// its Code, Name or Org, ignoring case.
func answers(a parley.Actor, q string) bool {
	return strings.EqualFold(a.Code, q) || strings.EqualFold(a.Name, q) || strings.EqualFold(a.Org, q)
}

func anyAnswers(as []parley.Actor, q string) bool {
	return slices.ContainsFunc(as, func(a parley.Actor) bool { return answers(a, q) })
}

// nodeKey is the actor as graph's networks key it: its Org for IGO and NGO
// bodies, else its Code.
func nodeKey(a parley.Actor) string {
	if (a.Code == "IGO" || a.Code == "NGO") && a.Org != "" {
		return a.Org
	}
	return a.Code
}

// apiActor answers GET /api/actors/{code}?limit=.
func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	limit := p.limit(50, maxLimit)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	prof, err := s.profile(r.Context(), strings.TrimSpace(r.PathValue("code")), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, prof)
}
