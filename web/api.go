package web

import (
	"cmp"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// fail answers a request that went wrong: a bad parameter is a 400, a
// missing thing a 404, an ended request a 503, anything else a 500 whose
// cause is logged, not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.Error())
	case errors.Is(err, parley.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "request ended before the answer was ready")
	default:
		s.log(r, err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func (s *Server) log(r *http.Request, err error) {
	if s.cfg.Logger != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "web", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

// eventsPage is the answer of GET /api/events.
type eventsPage struct {
	Events []parley.Event `json:"events"`
	// Next is the After of the next page; empty on the last page.
	Next string `json:"next,omitempty"`
}

// apiEvents lists events with filters and keyset paging.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := parley.EventFilter{
		Actor: p.actor("actor", false),
		Type:  s.category(p, "type"),
		Doc:   p.doc("doc"),
		After: p.id("after"),
		Limit: p.limit(defaultLimit, maxLimit),
	}
	f.Since, f.Until = p.window()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	limit := f.Limit
	f.Limit++ // one more tells whether there is a next page
	evs, err := s.store.Events(r.Context(), f)
	if errors.Is(err, parley.ErrNotFound) {
		err = &paramError{Param: "after", Value: f.After, Why: "no such event"}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := eventsPage{Events: evs}
	if len(evs) > limit {
		page.Events = evs[:limit]
		page.Next = evs[limit-1].ID
	}
	if page.Events == nil {
		page.Events = []parley.Event{}
	}
	writeJSON(w, http.StatusOK, page)
}

// eventDetail is the answer of GET /api/events/{id}: the event, where its
// article is, and the reporting sentence with what to highlight in it.
type eventDetail struct {
	Event   parley.Event `json:"event"`
	Article *articleInfo `json:"article,omitempty"`
	// Sentence is the reporting sentence; Highlights are byte offsets
	// into it, sorted and not overlapping.
	Sentence   string      `json:"sentence"`
	Highlights []Highlight `json:"highlights"`
}

// articleInfo is an article without its text.
type articleInfo struct {
	Key       string    `json:"key"`
	Doc       string    `json:"doc"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Sentence is the sentence's span in the article's text.
	Sentence parley.Span `json:"sentence"`
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) {
	d, err := s.eventDetail(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) eventDetail(ctx context.Context, id string) (*eventDetail, error) {
	if !validID(id) {
		return nil, &paramError{Param: "id", Value: id, Why: "not an event ID"}
	}
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &eventDetail{Event: *e, Sentence: e.SentenceText}
	a, err := s.store.Article(ctx, e.Article)
	switch {
	case err == nil:
		d.Article = &articleInfo{Key: a.Key, Doc: a.Doc, Title: a.Title, Source: a.Source,
			Published: a.Published, Sentence: e.Sentence}
		if safeURL(a.URL) {
			d.Article.URL = a.URL
		}
		if t := e.Sentence.In(a.Text); t != "" {
			d.Sentence = t
		}
	case !errors.Is(err, parley.ErrNotFound):
		return nil, err
	}
	d.Highlights = highlights(e, d.Sentence, s.kb)
	return d, nil
}

// safeURL reports whether an article URL may be shown as a link: http or
// https only, never javascript: or data:.
func safeURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// loadEvents reads every event that passes f; graph queries work on them.
func (s *Server) loadEvents(ctx context.Context, f parley.EventFilter) ([]parley.Event, error) {
	return s.store.Events(ctx, f)
}

// Analyst is a store that keeps merged events and answers the queries of
// package graph from its tallies (*sqlite.DB): the same answers as the
// graph functions over graph.Merge of every stored event, without reading
// the events. The server uses it when its Store is one; else it merges the
// events it reads.
type Analyst interface {
	Dyad(ctx context.Context, a, b, by string) (*graph.DyadReport, error)
	Timeline(ctx context.Context, actor, by string, limit int) (*graph.TimelineReport, int, error)
	Network(ctx context.Context, opt graph.NetworkOptions) (*graph.Network, error)
	Brokers(ctx context.Context, a, b string) (*graph.BrokerReport, error)
}

// graphErr turns a bad period from package graph into a parameter error;
// other errors (the store's) pass as they are.
func graphErr(err error) error {
	var be *graph.ByError
	if errors.As(err, &be) {
		return &paramError{Param: "by", Value: be.By, Why: err.Error()}
	}
	return err
}

// merged reads every event that passes f and merges the reports of one
// event: the slow path for a Store that is no Analyst.
func (s *Server) merged(ctx context.Context, f parley.EventFilter) ([]parley.Event, error) {
	evs, err := s.store.Events(ctx, f)
	if err != nil {
		return nil, err
	}
	ms := graph.Merge(evs)
	out := make([]parley.Event, len(ms))
	for i := range ms {
		out[i] = ms[i].Event
	}
	return out, nil
}

// apiDyad answers GET /api/dyad?a=RUS&b=SYR&by=month.
func (s *Server) apiDyad(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	a, b, by := p.actor("a", true), p.actor("b", true), p.by()
	if p.err == nil && strings.EqualFold(a, b) {
		p.fail("b", b, "the same actor as a")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	var rep *graph.DyadReport
	var err error
	if an, ok := s.store.(Analyst); ok {
		rep, err = an.Dyad(r.Context(), a, b, by)
	} else {
		var evs []parley.Event
		if evs, err = s.merged(r.Context(), parley.EventFilter{Actor: a}); err != nil {
			s.fail(w, r, err)
			return
		}
		rep, err = graph.Dyad(evs, a, b, by)
	}
	if err != nil {
		s.fail(w, r, graphErr(err))
		return
	}
	if rep.Rows == nil {
		rep.Rows = []graph.DyadRow{}
	}
	writeJSON(w, http.StatusOK, rep)
}

// apiNetwork answers GET /api/network?since=&until=&type=&sector=.
func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	typ := s.category(p, "type")
	since, until := p.window()
	bySector := p.bool("sector")
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	opt := graph.NetworkOptions{Since: since, Until: until, BySector: bySector}
	if typ != "" {
		opt.Types = []string{typ}
	}
	if an, ok := s.store.(Analyst); ok {
		n, err := an.Network(r.Context(), opt)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, n)
		return
	}
	evs, err := s.merged(r.Context(), parley.EventFilter{Type: typ, Since: since, Until: until})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, graph.BuildNetwork(evs, opt))
}

// apiBrokers answers GET /api/brokers?a=IRN&b=SYR.
func (s *Server) apiBrokers(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	a, b := p.actor("a", true), p.actor("b", true)
	if p.err == nil && strings.EqualFold(a, b) {
		p.fail("b", b, "the same actor as a")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	var rep *graph.BrokerReport
	if an, ok := s.store.(Analyst); ok {
		var err error
		if rep, err = an.Brokers(r.Context(), a, b); err != nil {
			s.fail(w, r, err)
			return
		}
	} else {
		evs, err := s.merged(r.Context(), parley.EventFilter{})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		rep = graph.Brokers(evs, a, b)
	}
	if rep.Direct == nil {
		rep.Direct = []string{}
	}
	if rep.Brokers == nil {
		rep.Brokers = []graph.Broker{}
	}
	writeJSON(w, http.StatusOK, rep)
}

// apiTimeline answers GET /api/timeline?actor=RUS&by=month&limit=: the
// periods, and the first limit events.
func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	a, by, limit := p.actor("actor", true), p.by(), p.limit(defaultLimit, maxLimit)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	var rep *graph.TimelineReport
	var total int
	var err error
	if an, ok := s.store.(Analyst); ok {
		rep, total, err = an.Timeline(r.Context(), a, by, limit)
	} else {
		var evs []parley.Event
		if evs, err = s.merged(r.Context(), parley.EventFilter{Actor: a}); err != nil {
			s.fail(w, r, err)
			return
		}
		if rep, err = graph.Timeline(evs, a, by); err == nil {
			total = len(rep.Events)
			rep.Events = rep.Events[:min(limit, total)]
		}
	}
	if err != nil {
		s.fail(w, r, graphErr(err))
		return
	}
	if rep.Events == nil {
		rep.Events = []parley.Event{}
	}
	if rep.Periods == nil {
		rep.Periods = []graph.TimelineRow{}
	}
	writeJSON(w, http.StatusOK, struct {
		*graph.TimelineReport
		Total int `json:"total"` // events in all, of which Events has the first limit
	}{rep, total})
}

// place is a located spot on the map with the events there.
type place struct {
	parley.Place
	Events int            `json:"events"`
	Counts map[string]int `json:"counts"` // by PLOVER category
	IDs    []string       `json:"ids"`    // the first few events, in date order
}

// placesAnswer is the answer of GET /api/places.
type placesAnswer struct {
	Places  []place `json:"places"` // most events first
	Located int     `json:"located"`
	Total   int     `json:"total"`
}

const idsPerPlace = 20

// apiPlaces answers GET /api/places?actor=&type=&since=&until=: the events
// that have coordinates, grouped by place.
func (s *Server) apiPlaces(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := parley.EventFilter{Actor: p.actor("actor", false), Type: s.category(p, "type")}
	f.Since, f.Until = p.window()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	evs, err := s.loadEvents(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ans := placesAnswer{Places: []place{}, Total: len(evs)}
	index := map[parley.Place]int{}
	for i := range evs {
		e := &evs[i]
		if e.Place == nil || e.Place.Lat == 0 && e.Place.Lon == 0 {
			continue
		}
		ans.Located++
		k, ok := index[*e.Place]
		if !ok {
			k = len(ans.Places)
			index[*e.Place] = k
			ans.Places = append(ans.Places, place{Place: *e.Place, Counts: map[string]int{}})
		}
		pl := &ans.Places[k]
		pl.Events++
		pl.Counts[e.Type]++
		if len(pl.IDs) < idsPerPlace {
			pl.IDs = append(pl.IDs, e.ID)
		}
	}
	slices.SortStableFunc(ans.Places, func(x, y place) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), strings.Compare(x.Name, y.Name))
	})
	writeJSON(w, http.StatusOK, ans)
}

// apiSearch answers GET /api/search?q=&limit=: full-text search over the
// sentences. The words of q are all required; a word ending in * matches
// as a prefix; FTS5 operators are not passed through, so no query is a
// syntax error.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	q, limit := p.get("q"), p.limit(defaultLimit, maxLimit)
	fts := ""
	switch {
	case q == "":
		p.fail("q", q, "required: words to look for")
	case len(q) > maxQueryLen:
		p.fail("q", q, "longer than 200 bytes")
	default:
		if fts = ftsQuery(q); fts == "" {
			p.fail("q", q, "has no word to look for")
		}
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	evs, err := s.store.Search(r.Context(), fts, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if evs == nil {
		evs = []parley.Event{}
	}
	writeJSON(w, http.StatusOK, struct {
		Query  string         `json:"query"`
		Events []parley.Event `json:"events"`
	}{q, evs})
}

// capped reads an upload and notes whether it hit the size limit.
type capped struct {
	r    io.Reader
	over bool
}

func (c *capped) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		c.over = true
	}
	return n, err
}

// ftsQuery turns words into an FTS5 query that requires each as a phrase:
// `talks Lavr*` → `"talks" "Lavr"*`. Quotes and other punctuation inside a
// word are dropped, so the result is always valid FTS5.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.Map(func(r rune) rune {
			if r == '"' || r == '*' || r < ' ' {
				return -1
			}
			return r
		}, w)
		if strings.Trim(w, ".,;:!?'()[]{}-") == "" {
			continue
		}
		t := `"` + w + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	return strings.Join(terms, " ")
}

// apiStats answers GET /api/stats: what is stored, and the categories.
func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		parley.Stats
		Categories []string `json:"categories"`
		Ingest     bool     `json:"ingest"` // whether POST /api/articles is enabled
	}{st, s.categories(), s.ingestEnabled()})
}

func (s *Server) categories() []string {
	var out []string
	for _, c := range s.codebook.Categories() {
		out = append(out, c.Name)
	}
	return out
}

func (s *Server) ingestEnabled() bool { return s.cfg.IngestToken != "" && s.ingest != nil }

// apiIngest answers POST /api/articles: 404 when ingest is disabled, 403
// without a bearer token, 401 with a wrong one; else the body goes to the
// Ingester, at most Config.MaxUpload bytes of it.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if !s.ingestEnabled() {
		writeError(w, http.StatusNotFound, "ingest is disabled: start the server with an ingest token")
		return
	}
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if auth == "" || !ok {
		writeError(w, http.StatusForbidden, `ingest needs "Authorization: Bearer <token>"`)
		return
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.IngestToken)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		writeError(w, http.StatusUnauthorized, "wrong ingest token")
		return
	}
	p := newParams(r)
	name := p.doc("name")
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	body := &capped{r: http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)}
	sum, problems, err := s.ingest(r.Context(), body, r.Header.Get("Content-Type"), name)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig), body.over:
		// The ingester may have reported the cut as a problem of the
		// input rather than failed: the upload is refused either way.
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"upload larger than the server takes (%d bytes); articles read before the cut may be stored", s.cfg.MaxUpload))
		return
	case errors.Is(err, context.Canceled):
		s.fail(w, r, err)
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "ingest: "+err.Error())
		return
	}
	if problems == nil {
		problems = []string{}
	}
	writeJSON(w, http.StatusOK, struct {
		Summary  any      `json:"summary"`
		Problems []string `json:"problems"`
	}{sum, problems})
}
