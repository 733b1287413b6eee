// Package export writes events in the formats other tools read: parley's
// own JSON Lines (the contract documented in the README), CSV with the same
// columns flattened, an aligned text table for people, GDELT 2.0 event rows,
// PLOVER JSON records, Parquet for pandas and R, the actor network as
// GraphML for Gephi, and located events as GeoJSON for QGIS. Each format's
// function documents which fields it fills and from what.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/parley-events/parley"
)

// Formats lists the formats Write accepts.
var Formats = []string{"table", "jsonl", "csv", "gdelt", "plover", "parquet", "graphml", "geojson"}

// Write writes events in the named format.
func Write(w io.Writer, format string, events []parley.Event) error {
	switch format {
	case "jsonl", "json":
		return JSONL(w, events)
	case "csv":
		return CSV(w, events)
	case "table", "":
		return Table(w, events)
	case "gdelt":
		return GDELT(w, events, false)
	case "plover":
		return PLOVER(w, events)
	case "parquet":
		return Parquet(w, events)
	case "graphml":
		return GraphML(w, events)
	case "geojson":
		return GeoJSON(w, events)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// JSONL writes one event a line in parley's event schema.
func JSONL(w io.Writer, events []parley.Event) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range events {
		if err := enc.Encode(events[i]); err != nil {
			return fmt.Errorf("event %s: %w", events[i].ID, err)
		}
	}
	return bw.Flush()
}

// CSVHeader is the first row CSV writes: the JSON Lines fields flattened.
// Lists (actors, recipients, contexts) are joined with ";" and keep their
// order across the parallel columns.
var CSVHeader = []string{
	"id", "doc", "article", "type", "mode", "aux", "context",
	"actor_code", "actor_sector", "actor_name", "actor_org",
	"recipient_code", "recipient_sector", "recipient_name", "recipient_org",
	"claimed_by_code",
	"date", "date_source", "place_name", "place_country", "place_lat", "place_lon",
	"cameo", "goldstein", "plover_score", "sentence", "span_start", "span_end", "mentions",
}

// CSV writes a header and one row per event.
func CSV(w io.Writer, events []parley.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range events {
		if err := cw.Write(csvRow(&events[i])); err != nil {
			return fmt.Errorf("event %s: %w", events[i].ID, err)
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(e *parley.Event) []string {
	col := func(as []parley.Actor, f func(parley.Actor) string) string {
		s := make([]string, len(as))
		for i, a := range as {
			s[i] = f(a)
		}
		return strings.Join(s, ";")
	}
	code := func(a parley.Actor) string { return a.Code }
	sector := func(a parley.Actor) string { return a.Sector }
	name := func(a parley.Actor) string { return a.Name }
	org := func(a parley.Actor) string { return a.Org }
	var date, pname, pcountry, plat, plon string
	if e.Date != nil {
		date = e.Date.String()
	}
	if e.Place != nil {
		pname, pcountry = e.Place.Name, e.Place.Country
		plat = strconv.FormatFloat(e.Place.Lat, 'f', -1, 64)
		plon = strconv.FormatFloat(e.Place.Lon, 'f', -1, 64)
	}
	return []string{
		e.ID, e.Doc, e.Article, e.Type, e.Mode, e.Aux, strings.Join(e.Context, ";"),
		col(e.Actors, code), col(e.Actors, sector), col(e.Actors, name), col(e.Actors, org),
		col(e.Recipients, code), col(e.Recipients, sector), col(e.Recipients, name), col(e.Recipients, org),
		col(e.ClaimedBy, code),
		date, e.DateSource, pname, pcountry, plat, plon,
		e.CAMEO, strconv.FormatFloat(e.Goldstein, 'f', -1, 64), strconv.FormatFloat(e.PLOVERScore, 'f', -1, 64),
		e.SentenceText, strconv.Itoa(e.Sentence.Start), strconv.Itoa(e.Sentence.End), strconv.Itoa(e.Mentions),
	}
}

// Table writes an aligned table for reading in a terminal: date, category,
// mode, actor, recipient, document and the start of the sentence.
func Table(w io.Writer, events []parley.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tMODE\tACTOR\tRECIPIENT\tDOC\tSENTENCE")
	for i := range events {
		e := &events[i]
		date := "-"
		if e.Date != nil {
			date = e.Date.String()
		}
		typ := e.Type
		if e.Aux != "" {
			typ += " (" + e.Aux + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", date, typ, dash(e.Mode),
			Actors(e.Actors), Actors(e.Recipients), clip(e.Doc, 24), clip(oneLine(e.SentenceText), 80))
	}
	return tw.Flush()
}

// Actors formats an actor list for people: "SYR GOV (Asaad al-Shibani) + SYR MIL".
func Actors(as []parley.Actor) string {
	if len(as) == 0 {
		return "-"
	}
	s := make([]string, len(as))
	for i, a := range as {
		x := a.Code
		if a.Sector != "" {
			x += " " + a.Sector
		}
		switch {
		case a.Name != "":
			x += " (" + a.Name + ")"
		case a.Org != "":
			x += " (" + a.Org + ")"
		}
		s[i] = x
	}
	return strings.Join(s, " + ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
