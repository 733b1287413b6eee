// Package web serves parley's JSON API and its web UI from one handler.
//
// The API reads events from a Store and answers the analysts' questions of
// package graph over them (dyads, networks, brokers, timelines); the UI is
// a few html/template pages and plain JavaScript modules, all embedded, with
// the front-end libraries vendored under static/vendor (see its README).
//
// Article text is hostile input: pages escape it through html/template,
// scripts build the DOM with textContent only, and every response carries a
// strict Content-Security-Policy that forbids inline scripts. The API is
// read-only unless Config.IngestToken is set; then POST /api/articles
// ingests through the Ingester the caller supplies and requires the token.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/actor"
	"github.com/parley-events/parley/plover"
)

// Store is what the server reads events and articles from: *sqlite.DB.
type Store interface {
	// Events returns the events that pass the filter, ordered by date
	// (undated last), then ID; After names an event (ErrNotFound when none).
	Events(ctx context.Context, f parley.EventFilter) ([]parley.Event, error)
	// Event returns one event, or an error wrapping parley.ErrNotFound.
	Event(ctx context.Context, id string) (*parley.Event, error)
	// Search runs an SQLite FTS5 query over event sentences.
	Search(ctx context.Context, query string, limit int) ([]parley.Event, error)
	// Article returns an article by Key or Doc, or an error wrapping
	// parley.ErrNotFound.
	Article(ctx context.Context, keyOrDoc string) (*parley.Article, error)
	Stats(ctx context.Context) (parley.Stats, error)
}

// ActorInfo describes actors for actor pages: *actor.KB.
type ActorInfo interface {
	Country(s string) (actor.Country, bool)
	Org(name string) (actor.Org, bool)
	Person(name string) (actor.Person, bool)
}

// Ingester codes and stores the articles read from body (a JSON Lines,
// HTML or plain-text upload, as contentType and the file name say). It
// returns a summary to show the client, the problems found in the input,
// and an error when nothing could be ingested.
type Ingester func(ctx context.Context, body io.Reader, contentType, name string) (summary any, problems []string, err error)

// Config configures the server.
type Config struct {
	Addr string // e.g. 127.0.0.1:8080, for the caller's http.Server
	// IngestToken, when non-empty, enables POST /api/articles for requests
	// carrying "Authorization: Bearer <token>".
	IngestToken string
	// MaxUpload caps the body of POST /api/articles in bytes; 0 means 16 MiB.
	MaxUpload int64
	// Logger receives the causes of 500 answers; nil discards them.
	Logger *slog.Logger
}

// Server serves the JSON API and the UI. Build it with New; it is
// immutable and safe for concurrent use.
type Server struct {
	store    Store
	kb       ActorInfo
	ingest   Ingester
	cfg      Config
	codebook *plover.Codebook
	pages    map[string]*template.Template
	static   fs.FS
	mux      *http.ServeMux
}

// New builds a server over store. kb may be nil (actor pages then show no
// roles or aliases); ingest may be nil, which leaves POST /api/articles
// disabled whatever the token.
func New(store Store, kb ActorInfo, ingest Ingester, cfg Config) (*Server, error) {
	if store == nil {
		return nil, errors.New("web: nil store")
	}
	cb, err := plover.Default()
	if err != nil {
		return nil, fmt.Errorf("web: PLOVER codebook: %w", err)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(embedded, "static")
	if err != nil {
		return nil, fmt.Errorf("web: embedded static files: %w", err)
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 16 << 20
	}
	s := &Server{store: store, kb: kb, ingest: ingest, cfg: cfg, codebook: cb, pages: pages, static: static}
	s.mux = s.routes()
	return s, nil
}

// Handler returns the handler for the whole site: API, pages and static
// files, each response with the security headers.
func (s *Server) Handler() http.Handler {
	return secure(s.mux)
}

func (s *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /api/events", s.apiEvents)
	m.HandleFunc("GET /api/events/{id}", s.apiEvent)
	m.HandleFunc("GET /api/dyad", s.apiDyad)
	m.HandleFunc("GET /api/network", s.apiNetwork)
	m.HandleFunc("GET /api/brokers", s.apiBrokers)
	m.HandleFunc("GET /api/timeline", s.apiTimeline)
	m.HandleFunc("GET /api/places", s.apiPlaces)
	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("GET /api/actors/{code}", s.apiActor)
	m.HandleFunc("GET /api/stats", s.apiStats)
	m.HandleFunc("POST /api/articles", s.apiIngest)

	m.HandleFunc("GET /{$}", s.pageEvents)
	m.HandleFunc("GET /network", s.pageNetwork)
	m.HandleFunc("GET /dyad", s.pageDyad)
	m.HandleFunc("GET /map", s.pageMap)
	m.HandleFunc("GET /actors/{$}", s.jumpActor)
	m.HandleFunc("GET /actors/{code}", s.pageActor)
	m.HandleFunc("GET /events/{id}", s.pageEvent)
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(s.static)))
	return m
}

// csp is the Content-Security-Policy of every response: scripts, styles,
// fetches and images from this origin only (images also as data: URLs, as
// Leaflet uses), no inline script or style, no plugins, no <base>, no
// framing.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers on every response, and turns the
// ServeMux's plain-text "405 method not allowed" on /api/ into JSON.
func secure(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/" {
			if _, pattern := mux.Handler(r); pattern == "" {
				// The mux would answer 405 (a method mismatch) or 404
				// itself, in plain text: find out which, answer in JSON.
				probe := &statusProbe{header: http.Header{}}
				mux.ServeHTTP(probe, r)
				if allow := probe.header.Get("Allow"); allow != "" {
					h.Set("Allow", allow)
				}
				writeError(w, probe.status, http.StatusText(probe.status)+": "+r.Method+" "+r.URL.Path)
				return
			}
		}
		mux.ServeHTTP(w, r)
	})
}

// statusProbe is a ResponseWriter that keeps only the status and headers.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) {
	if p.status == 0 {
		p.status = http.StatusOK
	}
	return len(b), nil
}
func (p *statusProbe) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}
