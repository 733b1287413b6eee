package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/parley-events/parley"
)

// embedded holds the page templates and the static files: stylesheets,
// scripts and the vendored front-end libraries.
//
//go:embed templates static
var embedded embed.FS

// pageNames are the pages; each templates/NAME.html fills the blocks
// ("title", "main", "scripts") of templates/layout.html.
var pageNames = []string{"events", "network", "dyad", "map", "actor", "event"}

// parsePages parses the layout with each page's blocks.
func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"actorURL": actorURL,
		"label":    actorLabel,
		"labels":   labels,
		"date":     eventDate,
		"score":    func(f float64) string { return fmt.Sprintf("%+.2f", f) },
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(embedded, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: templates/%s.html: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page is what every page template gets.
type page struct {
	Title      string
	Nav        string // the nav entry to mark current
	Categories []string
	Data       any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Categories = s.categories()
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		s.log(r, fmt.Errorf("page %s: %w", name, err))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// pageError answers a page request that failed, as a short HTML page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	status, msg := http.StatusInternalServerError, "internal error"
	switch {
	case errors.As(err, &pe):
		status, msg = http.StatusBadRequest, pe.Error()
	case errors.Is(err, parley.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	default:
		s.log(r, err)
	}
	s.render(w, r, status, "event", page{Title: http.StatusText(status), Data: &eventPage{Error: msg}})
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "events", page{Title: "Events", Nav: "events"})
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "network", page{Title: "Network", Nav: "network"})
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "dyad", page{Title: "Dyad", Nav: "dyad"})
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "map", page{Title: "Map", Nav: "map"})
}

// pageActor shows an actor: who it is, its counterparts and its events.
func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	prof, err := s.profile(r.Context(), strings.TrimSpace(r.PathValue("code")), 100)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	title := prof.Query
	if prof.Name != "" && prof.Name != prof.Query {
		title = prof.Name + " (" + prof.Query + ")"
	}
	s.render(w, r, http.StatusOK, "actor", page{Title: title, Nav: "actor", Data: prof})
}

// jumpActor sends the header's actor box (GET /actors/?code=X) to X's page.
func (s *Server) jumpActor(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("code"))
	if code == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, actorURL(code), http.StatusSeeOther)
}

// eventPage is the data of the event page.
type eventPage struct {
	*eventDetail
	Segments []segment
	Error    string
}

// segment is a run of the sentence, highlighted when Kind is set.
type segment struct {
	Text  string
	Kind  string
	Label string
}

// pageEvent shows an event with its sentence highlighted.
func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	d, err := s.eventDetail(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "event", page{Title: "Event " + d.Event.Type, Nav: "events",
		Data: &eventPage{eventDetail: d, Segments: segments(d.Sentence, d.Highlights)}})
}

// segments cuts a sentence at its highlights (sorted, not overlapping).
func segments(text string, hs []Highlight) []segment {
	var out []segment
	at := 0
	for _, h := range hs {
		if h.Start < at || h.End > len(text) || h.Start >= h.End {
			continue
		}
		if h.Start > at {
			out = append(out, segment{Text: text[at:h.Start]})
		}
		out = append(out, segment{Text: text[h.Start:h.End], Kind: h.Kind, Label: h.Label})
		at = h.End
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out
}

// actorURL is the path of an actor's page: its node key, path-escaped.
func actorURL(a any) string {
	var k string
	switch v := a.(type) {
	case parley.Actor:
		k = nodeKey(v)
		if v.Name != "" {
			k = v.Name
		}
	case string:
		k = v
	}
	return "/actors/" + url.PathEscape(k)
}

// labels joins the labels of actors.
func labels(as []parley.Actor) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, actorLabel(a))
	}
	return strings.Join(parts, ", ")
}

// eventDate writes an event's date, or "undated".
func eventDate(d *parley.DateRange) string {
	if d == nil {
		return "undated"
	}
	return d.String()
}
