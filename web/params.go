package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-events/parley/graph"
)

// Limits on parameters.
const (
	defaultLimit = 100
	maxLimit     = 1000
	maxNameLen   = 100 // runes in an actor name or org
	maxDocLen    = 300 // bytes of an article Doc
	maxQueryLen  = 200 // bytes of a search query
	maxIDLen     = 64
)

// paramError is a bad request parameter; it becomes a 400 answer.
type paramError struct {
	Param string
	Value string
	Why   string
}

func (e *paramError) Error() string {
	v := e.Value
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return fmt.Sprintf("parameter %s=%q: %s", e.Param, v, e.Why)
}

// params reads and checks a request's query parameters; the first problem
// is kept and reported by err.
type params struct {
	q   url.Values
	err error
}

func newParams(r *http.Request) *params {
	p := &params{q: r.URL.Query()}
	for k, vs := range p.q {
		if len(vs) > 1 {
			p.fail(k, vs[1], "given more than once")
		}
	}
	return p
}

func (p *params) fail(param, value, why string) {
	if p.err == nil {
		p.err = &paramError{Param: param, Value: value, Why: why}
	}
}

func (p *params) get(name string) string { return strings.TrimSpace(p.q.Get(name)) }

// actor reads an actor: a code of three capital letters (RUS, IGO) or a
// name of a person or body of reasonable length.
func (p *params) actor(name string, required bool) string {
	v := p.get(name)
	if v == "" {
		if required {
			p.fail(name, v, "required: a code like RUS or a name")
		}
		return ""
	}
	if why := checkActor(v); why != "" {
		p.fail(name, v, why)
		return ""
	}
	return v
}

// checkActor says what is wrong with an actor query, or "".
func checkActor(v string) string {
	if !utf8.ValidString(v) {
		return "not UTF-8"
	}
	if n := utf8.RuneCountInString(v); n < 2 || n > maxNameLen {
		return fmt.Sprintf("not a code like RUS or a name of 2 to %d characters", maxNameLen)
	}
	letters := 0
	for _, r := range v {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsControl(r), r == '<', r == '>', r == '"', r == '\\', r == '/':
			return "has a character no actor name has"
		}
	}
	if letters == 0 {
		return "has no letter"
	}
	return ""
}

// category reads a PLOVER category (any case), returned in upper case.
func (s *Server) category(p *params, name string) string {
	v := p.get(name)
	if v == "" {
		return ""
	}
	c, ok := s.codebook.Category(strings.ToUpper(v))
	if !ok {
		p.fail(name, v, "not a PLOVER category (AGREE, CONSULT, ASSAULT...)")
		return ""
	}
	return c.Name
}

// date reads a day as YYYY-MM-DD.
func (p *params) date(name string) time.Time {
	v := p.get(name)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		p.fail(name, v, "not a date YYYY-MM-DD")
		return time.Time{}
	}
	return t
}

// window reads since and until and checks their order.
func (p *params) window() (since, until time.Time) {
	since, until = p.date("since"), p.date("until")
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		p.fail("until", p.get("until"), "before since")
	}
	return since, until
}

// limit reads a page size in [1, max], def when absent.
func (p *params) limit(def, max int) int {
	v := p.get("limit")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		p.fail("limit", v, fmt.Sprintf("not a whole number from 1 to %d", max))
		return def
	}
	return n
}

// by reads a period granularity: month (the default) or week.
func (p *params) by() string {
	v := p.get("by")
	switch v {
	case "":
		return graph.ByMonth
	case graph.ByMonth, graph.ByWeek:
		return v
	}
	p.fail("by", v, `not "month" or "week"`)
	return graph.ByMonth
}

// id reads an event ID: letters, digits, '-' and '_'.
func (p *params) id(name string) string {
	v := p.get(name)
	if v == "" {
		return ""
	}
	if !validID(v) {
		p.fail(name, v, "not an event ID")
		return ""
	}
	return v
}

func validID(v string) bool {
	if v == "" || len(v) > maxIDLen {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// doc reads an article Doc or Key.
func (p *params) doc(name string) string {
	v := p.get(name)
	if v == "" {
		return ""
	}
	if len(v) > maxDocLen || !utf8.ValidString(v) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
		p.fail(name, v, fmt.Sprintf("not an article id of at most %d bytes", maxDocLen))
		return ""
	}
	return v
}

// bool reads a flag: 1, true, 0, false, or absent (false).
func (p *params) bool(name string) bool {
	v := p.get(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.fail(name, v, "not true or false")
	}
	return b
}

// apiError is the body of every error answer.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg, Status: status})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(apiError{Error: "encoding the answer: " + err.Error(), Status: status})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte{'\n'})
}
