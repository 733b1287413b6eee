package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parley-events/parley/export"
	"github.com/parley-events/parley/graph"
	"github.com/parley-events/parley/sqlite"
)

// openStore opens an existing database for the query commands.
func openStore(ctx context.Context, cmd, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: database %s: %w (run parley ingest or parley demo first)", cmd, path, err)
	}
	return sqlite.Open(ctx, path)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// byErr turns a bad --by into a usage error.
func byErr(cmd string, err error) error {
	var be *graph.ByError
	if errors.As(err, &be) {
		return fmt.Errorf("%w: %s: %v", errUsage, cmd, err)
	}
	return err
}

func (m *Main) dyad(ctx context.Context, args []string) error {
	fs := m.flagSet("dyad", "[flags] A B", "Counts the events between two actors (country codes, people or organizations)\n"+
		"per period and direction, with the mean PLOVER score, and says in one line how the\n"+
		"relationship moved. Reports of the same event are merged first.")
	db := m.dbFlag(fs)
	by := fs.String("by", "month", "period: `month` or week")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("%w: dyad: want two actors, got %d arguments", errUsage, fs.NArg())
	}
	store, err := openStore(ctx, "dyad", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := graph.PeriodOf(time.Time{}, *by); err != nil {
		return byErr("dyad", err)
	}
	rep, err := store.Dyad(ctx, fs.Arg(0), fs.Arg(1), *by)
	if err != nil {
		return byErr("dyad", err)
	}
	if *asJSON {
		return writeJSON(m.Stdout, rep)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tFROM\tTO\tEVENTS\tMEAN SCORE\tCATEGORIES")
	for _, r := range rep.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%+.1f\t%s\n", r.Period, r.From, r.To, r.Events, r.MeanScore, countsString(r.Counts))
	}
	tw.Flush()
	if rep.Undated > 0 {
		fmt.Fprintf(m.Stdout, "(%d undated events left out)\n", rep.Undated)
	}
	fmt.Fprintln(m.Stdout, rep.Trend)
	return nil
}

func countsString(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = fmt.Sprintf("%s %d", k, c[k])
	}
	return strings.Join(s, ", ")
}

func (m *Main) timeline(ctx context.Context, args []string) error {
	fs := m.flagSet("timeline", "[flags] ACTOR", "Lists an actor's events by date, with counts per period.")
	db := m.dbFlag(fs)
	by := fs.String("by", "month", "period: `month` or week")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: timeline: want one actor", errUsage)
	}
	store, err := openStore(ctx, "timeline", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := graph.PeriodOf(time.Time{}, *by); err != nil {
		return byErr("timeline", err)
	}
	rep, _, err := store.Timeline(ctx, fs.Arg(0), *by, 0)
	if err != nil {
		return byErr("timeline", err)
	}
	if *asJSON {
		return writeJSON(m.Stdout, rep)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tEVENTS\tAS ACTOR\tAS RECIPIENT\tMEAN SCORE\tCATEGORIES")
	for _, r := range rep.Periods {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%+.1f\t%s\n", r.Period, r.Events, r.AsActor, r.AsRecipient, r.MeanScore, countsString(r.Counts))
	}
	tw.Flush()
	fmt.Fprintln(m.Stdout)
	return export.Table(m.Stdout, rep.Events)
}

func (m *Main) network(ctx context.Context, args []string) error {
	fs := m.flagSet("network", "[flags]", "Prints the actor network: actors weighted by events, and one edge per ordered\n"+
		"pair with its events by category and mean PLOVER score.")
	db := m.dbFlag(fs)
	since := fs.String("since", "", "only events on or after this `date`")
	until := fs.String("until", "", "only events on or before this `date`")
	types := fs.String("type", "", "only these PLOVER `categories` (comma-separated)")
	bySector := fs.Bool("by-sector", false, "one node per country and sector (SYR GOV, SYR MIL) instead of per country")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	opt := graph.NetworkOptions{BySector: *bySector}
	var err error
	if opt.Since, err = optDate("since", *since); err != nil {
		return err
	}
	if opt.Until, err = optDate("until", *until); err != nil {
		return err
	}
	if *types != "" {
		for _, t := range strings.Split(*types, ",") {
			opt.Types = append(opt.Types, strings.ToUpper(strings.TrimSpace(t)))
		}
	}
	store, err := openStore(ctx, "network", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.Network(ctx, opt)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, n)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tEVENTS")
	for _, nd := range n.Nodes {
		fmt.Fprintf(tw, "%s\t%d\n", nd.Label, nd.Events)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "SOURCE\tTARGET\tEVENTS\tMEAN SCORE\tCATEGORIES")
	for _, e := range n.Edges {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%+.1f\t%s\n", e.Source, e.Target, e.Events, e.MeanScore, countsString(e.Counts))
	}
	return tw.Flush()
}

func (m *Main) brokers(ctx context.Context, args []string) error {
	fs := m.flagSet("brokers", "[flags] A B", "Finds who links two actors through cooperation (PLOVER's cooperative categories):\n"+
		"the share of shortest A–B paths on the cooperation graph through each broker, with the\n"+
		"events that make each bridge. Direct cooperation between A and B is listed and set aside.")
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("%w: brokers: want two actors, got %d arguments", errUsage, fs.NArg())
	}
	store, err := openStore(ctx, "brokers", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Brokers(ctx, fs.Arg(0), fs.Arg(1))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(m.Stdout, rep)
	}
	a, b := fs.Arg(0), fs.Arg(1)
	if len(rep.Direct) > 0 {
		fmt.Fprintf(m.Stdout, "%s and %s cooperate directly in %d events (set aside below).\n", a, b, len(rep.Direct))
	}
	if len(rep.Brokers) == 0 {
		fmt.Fprintf(m.Stdout, "No actor links %s and %s through cooperation.\n", a, b)
		return nil
	}
	for _, br := range rep.Brokers {
		fmt.Fprintf(m.Stdout, "%s  share of shortest paths %.2f, betweenness %.1f\n", br.Actor, br.Score, br.Betweenness)
		for _, side := range []struct {
			name string
			ids  []string
		}{{a, br.ToA}, {b, br.ToB}} {
			fmt.Fprintf(m.Stdout, "  with %s side:\n", side.name)
			for _, id := range side.ids {
				e, err := store.Event(ctx, id)
				if err != nil {
					return err
				}
				date := "undated"
				if e.Date != nil {
					date = e.Date.String()
				}
				fmt.Fprintf(m.Stdout, "    %s %s %s → %s: %s\n", date, e.Type, export.Actors(e.Actors), export.Actors(e.Recipients), oneLine(e.SentenceText, 110))
			}
		}
	}
	return nil
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (m *Main) search(ctx context.Context, args []string) error {
	fs := m.flagSet("search", "[flags] TEXT", "Full-text search over the sentences of stored events (SQLite FTS5 syntax:\n"+
		"words, \"phrases\", OR, NOT, prefix*), best match first.")
	db := m.dbFlag(fs)
	format := fs.String("format", "table", "output `format`: "+strings.Join(export.Formats, ", "))
	limit := fs.Int("limit", 50, "at most `n` events (0: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: search: no text given", errUsage)
	}
	store, err := openStore(ctx, "search", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	evs, err := store.Search(ctx, strings.Join(fs.Args(), " "), *limit)
	if err != nil {
		return err
	}
	return export.Write(m.Stdout, *format, evs)
}

func (m *Main) export(ctx context.Context, args []string) error {
	fs := m.flagSet("export", "--format F [flags]", "Writes stored events for other tools:\n"+
		"  gdelt    GDELT 2.0 event rows (tab-separated; --header adds the column names)\n"+
		"  plover   PLOVER JSON records, one a line\n"+
		"  csv      the JSON Lines schema flattened\n"+
		"  jsonl    parley's JSON Lines schema\n"+
		"  parquet  one row per event (pandas: pd.read_parquet, R: arrow::read_parquet)\n"+
		"  graphml  the actor network (Gephi: File > Open)\n"+
		"  geojson  located events as points (QGIS: Add Vector Layer)")
	db := m.dbFlag(fs)
	format := fs.String("format", "", "`format`: gdelt, plover, csv, jsonl, parquet, graphml, geojson (required)")
	out := fs.String("o", "", "write to this `file` instead of stdout")
	header := fs.Bool("header", false, "gdelt: write a header row of column names")
	filter := filterFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	known := false
	for _, k := range export.Formats {
		known = known || k == *format
	}
	if !known || *format == "table" {
		return fmt.Errorf("%w: export: --format %q: want gdelt, plover, csv, jsonl, parquet, graphml or geojson", errUsage, *format)
	}
	if *format == "parquet" && *out == "" {
		return fmt.Errorf("%w: export: parquet is binary: name a file with -o", errUsage)
	}
	f, err := filter()
	if err != nil {
		return err
	}
	store, err := openStore(ctx, "export", *db)
	if err != nil {
		return err
	}
	defer store.Close()
	evs, err := store.Events(ctx, f)
	if err != nil {
		return err
	}
	w := m.Stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer file.Close()
		w = file
	}
	if *format == "gdelt" {
		err = export.GDELT(w, evs, *header)
	} else {
		err = export.Write(w, *format, evs)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", *format, err)
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		fmt.Fprintf(m.Stderr, "wrote %d events to %s\n", len(evs), *out)
	}
	return nil
}
