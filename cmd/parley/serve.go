package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
	"github.com/parley-events/parley/extract"
	"github.com/parley-events/parley/sqlite"
	"github.com/parley-events/parley/web"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flagSet("serve", "[flags]", "Serves the JSON API and the web UI (events, network, dyad timeline, map, actor\n"+
		"pages) over the database. Read-only unless --ingest-token is given: then POST\n"+
		"/api/articles with \"Authorization: Bearer TOKEN\" ingests the uploaded articles.")
	db := m.dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	token := fs.String("ingest-token", m.Getenv("PARLEY_INGEST_TOKEN"), "enable POST /api/articles for requests bearing this `token` (default from PARLEY_INGEST_TOKEN)")
	if err := parse(fs, args); err != nil {
		return err
	}
	return m.runServer(ctx, *db, *addr, *token)
}

// runServer serves the UI and API over the database until ctx is done.
func (m *Main) runServer(ctx context.Context, dbPath, addr, token string) error {
	p, err := extract.NewWithConfig(extract.Config{Now: m.now()})
	if err != nil {
		return err
	}
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	var ingest web.Ingester
	if token != "" {
		ingest = func(ctx context.Context, body io.Reader, contentType, name string) (any, []string, error) {
			return uploadIngest(ctx, p, store, body, name)
		}
	}
	logger := slog.New(slog.NewTextHandler(m.Stderr, nil))
	srv, err := web.New(store, p.KB(), ingest, web.Config{Addr: addr, IngestToken: token, Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(m.Stdout, "parley: serving %s on http://%s/ (Ctrl-C to stop)\n", dbPath, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// uploadIngest ingests one uploaded stream (any format the readers know).
func uploadIngest(ctx context.Context, p *extract.Pipeline, store parley.Store, body io.Reader, name string) (any, []string, error) {
	if name == "" {
		name = "upload"
	}
	// Each upload knows the people learned from everything stored before.
	p, err := withLearned(ctx, p, store)
	if err != nil {
		return nil, nil, err
	}
	var problems []string
	read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
		return article.NewReader(article.Options{}).ReadOne(ctx, name, body, yield, report)
	}
	sum, err := p.Ingest(ctx, store, read, extract.IngestOptions{
		Workers: 1,
		Report:  func(err error) { problems = append(problems, err.Error()) },
	})
	return sum, problems, err
}

// now reads the clock, or gives the zero time when there is none.
func (m *Main) now() time.Time {
	if m.Now == nil {
		return time.Time{}
	}
	return m.Now()
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
