package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/article"
	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/export"
	"github.com/parley-events/parley/extract"
	"github.com/parley-events/parley/score"
	"github.com/parley-events/parley/sqlite"
)

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.flagSet("ingest", "[flags] PATH... (files, directories, or - for stdin)",
		"Reads articles (plain text, JSON Lines, HTML, RSS 2.0, Atom; directories recursively),\n"+
			"codes their events and stores each article with its events. An article already\n"+
			"stored (same normalized text) is not stored again. Bad input is reported as\n"+
			"path:line: problem and skipped; the exit status is 1 when anything was skipped.")
	db := m.dbFlag(fs)
	published := fs.String("published", "", "publication `date` of plain-text input (YYYY-MM-DD, RFC 3339 or RFC 1123); fallback for inputs without one")
	id := fs.String("id", "", "document `id` of plain-text input (default: the file name)")
	source := fs.String("source", "", "`name` of the outlet of plain-text input")
	maxBytes := fs.Int64("max-bytes", article.DefaultMaxBytes, "skip files larger than this many `bytes`")
	workers := fs.Int("workers", 0, "articles coded at once (0: one per CPU)")
	quiet := fs.Bool("q", false, "print only the summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest: no input given (name files, directories or - for stdin)", errUsage)
	}
	opt := article.Options{Source: *source, ID: *id, MaxBytes: *maxBytes}
	if *published != "" {
		t, err := parseDate(*published)
		if err != nil {
			return fmt.Errorf("%w: ingest: --published: %v", errUsage, err)
		}
		opt.Published = t
	}
	read := extract.Files(article.NewReader(opt), fs.Args(), m.Stdin)
	sum, err := m.runIngest(ctx, *db, read, *workers, *quiet)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, sum)
	if sum.Skipped > 0 {
		return errSkipped
	}
	return nil
}

// runIngest opens the store, ingests what read yields and reports problems
// on stderr.
func (m *Main) runIngest(ctx context.Context, dbPath string, read extract.ReadFunc, workers int, quiet bool) (extract.Summary, error) {
	// The clock is read here, at the edge, only to give a year to a
	// dateline that names none.
	p, err := extract.NewWithConfig(extract.Config{Now: m.now()})
	if err != nil {
		return extract.Summary{}, err
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return extract.Summary{}, err
	}
	defer db.Close()
	// People learned from articles stored before are known to this run.
	if p, err = withLearned(ctx, p, db); err != nil {
		return extract.Summary{}, err
	}
	opt := extract.IngestOptions{
		Workers: workers,
		Report:  func(err error) { fmt.Fprintln(m.Stderr, err) },
	}
	if !quiet {
		opt.Stored = func(r *extract.Result, put parley.PutResult) {
			state := "new"
			if !put.Created {
				state = "already stored"
			}
			fmt.Fprintf(m.Stderr, "%s: %s, %d events\n", r.Article.Doc, state, len(r.Events))
		}
	}
	stored := opt.Stored
	opt.Stored = func(r *extract.Result, put parley.PutResult) {
		if put.Created {
			for _, w := range r.Warnings {
				fmt.Fprintf(m.Stderr, "%s: warning: %s\n", origin(r.Article), w)
			}
		}
		if stored != nil {
			stored(r, put)
		}
	}
	sum, err := p.Ingest(ctx, db, read, opt)
	if err != nil {
		return sum, err
	}
	return sum, db.Close()
}

// withLearned returns the pipeline knowing the people learned from the
// articles already in store.
func withLearned(ctx context.Context, p *extract.Pipeline, store parley.Store) (*extract.Pipeline, error) {
	people, err := store.Learned(ctx)
	if err != nil {
		return nil, err
	}
	return p.WithLearned(people), nil
}

func origin(a *parley.Article) string {
	if a.Origin != "" {
		return a.Origin
	}
	return a.Doc
}

func (m *Main) demo(ctx context.Context, args []string) error {
	fs := m.flagSet("demo", "[flags]",
		"Ingests parley's bundled sample articles (2025 diplomacy between Russia, Syria,\n"+
			"Iran and others, written for parley) into the database, prints the events found,\n"+
			"then serves the web UI over them (by default only when run in a terminal).")
	db := m.dbFlag(fs)
	serve := fs.Bool("serve", isTerminal(m.Stdout), "serve the web UI after ingesting (default: when stdout is a terminal)")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` the UI listens on")
	if err := parse(fs, args); err != nil {
		return err
	}
	const name = "demo/articles.jsonl"
	read := func(ctx context.Context, yield func(parley.Article) error, report func(*article.Error)) error {
		f, err := data.Demo.Open(name)
		if err != nil {
			return fmt.Errorf("demo corpus: %w", err)
		}
		defer f.Close()
		return article.NewReader(article.Options{}).ReadOne(ctx, name, f, yield, report)
	}
	sum, err := m.runIngest(ctx, *db, read, 0, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "demo: %s into %s\n\n", sum, *db)
	store, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	evs, err := store.Events(ctx, parley.EventFilter{})
	if err != nil {
		return err
	}
	if err := export.Table(m.Stdout, evs); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\nMost active dyads:\n")
	writeDyads(m.Stdout, evs, 10)
	fmt.Fprintf(m.Stdout, "\nTry: parley events --db %s --actor RUS --type CONSULT\n", *db)
	fmt.Fprintf(m.Stdout, "     parley brokers --db %s IRN SYR\n", *db)
	if sum.Skipped > 0 {
		return errSkipped
	}
	if *serve {
		store.Close()
		return m.runServer(ctx, *db, *addr, "")
	}
	return nil
}

// writeDyads prints the n actor pairs with the most events.
func writeDyads(w io.Writer, evs []parley.Event, n int) {
	count := map[string]int{}
	for _, e := range evs {
		for _, a := range e.Actors {
			for _, r := range e.Recipients {
				if a.Code != r.Code {
					count[a.Code+" → "+r.Code]++
				}
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for i, k := range keys {
		if i == n {
			break
		}
		fmt.Fprintf(w, "  %-12s %d\n", k, count[k])
	}
}

func (m *Main) events(ctx context.Context, args []string) error {
	fs := m.flagSet("events", "[flags]", "Lists stored events, ordered by date.")
	db := m.dbFlag(fs)
	format := fs.String("format", "table", "output `format`: "+strings.Join(export.Formats, ", "))
	filter := filterFlags(fs)
	limit := fs.Int("limit", 0, "print at most `n` events (0: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: events: unexpected argument %q", errUsage, fs.Arg(0))
	}
	f, err := filter()
	if err != nil {
		return err
	}
	f.Limit = *limit
	switch *format {
	case "table", "jsonl", "json", "csv":
	default:
		return fmt.Errorf("%w: events: unknown --format %q (want %s)", errUsage, *format, strings.Join(export.Formats, ", "))
	}
	store, err := openStore(ctx, "events", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	evs, err := store.Events(ctx, f)
	if err != nil {
		return err
	}
	return export.Write(m.Stdout, *format, evs)
}

func (m *Main) eval(ctx context.Context, args []string) error {
	fs := m.flagSet("eval", "--gold FILE [flags]",
		"Runs the pipeline in memory on the texts of a gold file (parley's seeds JSON Lines,\n"+
			"or the PLOVER GSR JSON) and prints precision, recall and F1 per category, and the\n"+
			"accuracy of names, dates, places and auxiliary modes over matched events.\n"+
			"Given TimeML (a .tml file or a directory of them, e.g. ../shared/gold/time) it scores\n"+
			"the date stage; given TR-News XML (../shared/gold/geo/TR-News.xml), the place stage.")
	gold := fs.String("gold", "", "gold `file` (required)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	verbose := fs.Bool("v", false, "also list each document's misses and false events")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		fs.Usage()
		return fmt.Errorf("%w: eval: --gold is required", errUsage)
	}
	p, err := extract.New()
	if err != nil {
		return err
	}
	switch goldKind(*gold) {
	case "time":
		return m.evalTime(ctx, p, *gold, *asJSON)
	case "geo":
		return m.evalGeo(ctx, p, *gold, *asJSON, *verbose)
	}
	g, err := score.Load(*gold)
	if err != nil {
		return err
	}
	predicted := make(map[string][]parley.Event, len(g.Docs))
	for _, d := range g.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := parley.Article{Doc: d.ID, Text: d.Text, Published: d.Published}
		extract.Prepare(&a)
		predicted[d.ID] = p.Process(&a).Events
	}
	kb := p.KB()
	rep := score.Score(g, predicted, score.Options{
		SamePerson: kb.SamePerson,
		SameOrg:    func(a, b string) bool { return strings.EqualFold(kb.CanonicalOrg(a), kb.CanonicalOrg(b)) },
	})
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteTable(m.Stdout, *verbose)
}

// filterFlags adds the event filter flags (--actor, --type, --doc,
// --since, --until) to a flag set; the returned function builds the filter
// once the flags are parsed.
func filterFlags(fs *flag.FlagSet) func() (parley.EventFilter, error) {
	var f parley.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "only events with this actor or recipient (`code`, person or organization)")
	fs.StringVar(&f.Type, "type", "", "only this PLOVER `category` (CONSULT, AGREE, ...)")
	fs.StringVar(&f.Doc, "doc", "", "only events from this article (`id` or key)")
	since := fs.String("since", "", "only events on or after this `date` (YYYY-MM-DD)")
	until := fs.String("until", "", "only events on or before this `date` (YYYY-MM-DD)")
	return func() (parley.EventFilter, error) {
		var err error
		if f.Since, err = optDate("since", *since); err != nil {
			return f, err
		}
		f.Until, err = optDate("until", *until)
		return f, err
	}
}

func optDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := parseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s: %v", errUsage, name, err)
	}
	return t, nil
}

// parseDate reads a date given on the command line.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, RFC 3339 or RFC 1123)", s)
}
