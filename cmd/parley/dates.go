package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/extract"
	"github.com/parley-events/parley/score"
)

// readText reads the one text argument of dates/places: a file, or stdin
// for "-" or none.
func (m *Main) readText(cmd string, args []string) (string, string, error) {
	name := "-"
	if len(args) > 1 {
		return "", "", fmt.Errorf("%w: %s: want at most one FILE (or - for stdin)", errUsage, cmd)
	}
	if len(args) == 1 {
		name = args[0]
	}
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(m.Stdin, 64<<20))
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", cmd, err)
	}
	if !isUTF8(b) {
		return "", "", fmt.Errorf("%s: %s: text is not valid UTF-8", cmd, name)
	}
	return name, string(b), nil
}

func isUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }

func (m *Main) dates(ctx context.Context, args []string) error {
	fs := m.flagSet("dates", "[--published DATE] [FILE|-]", "Prints each time expression of a text as JSON Lines: start and end (byte offsets\n"+
		"into the normalized text), text, TIMEX3 type and normalized value, resolved against\n"+
		"the publication date (relative expressions stay unresolved without one).")
	published := fs.String("published", "", "publication `date` (YYYY-MM-DD, RFC 3339 or RFC 1123)")
	if err := parse(fs, args); err != nil {
		return err
	}
	_, text, err := m.readText("dates", fs.Args())
	if err != nil {
		return err
	}
	a := parley.Article{Text: text}
	if a.Published, err = optDate("published", *published); err != nil {
		return err
	}
	extract.Prepare(&a)
	p, err := extract.New()
	if err != nil {
		return err
	}
	type row struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Type  string `json:"type"`
		Value string `json:"value"`
		Range string `json:"range,omitempty"`
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	for _, t := range p.Dates(&a) {
		r := row{Start: t.Span.Start, End: t.Span.End, Text: t.Span.In(a.Text), Type: t.Type, Value: t.Value}
		if t.Range != nil {
			r.Range = t.Range.String()
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

func (m *Main) places(ctx context.Context, args []string) error {
	fs := m.flagSet("places", "[FILE|-]", "Prints each place name of a text as JSON Lines: start and end (byte offsets into\n"+
		"the normalized text), text, and the gazetteer entry it resolves to (name, country,\n"+
		"lat, lon, feature), or null fields when it stays unresolved.")
	if err := parse(fs, args); err != nil {
		return err
	}
	_, text, err := m.readText("places", fs.Args())
	if err != nil {
		return err
	}
	a := parley.Article{Text: text}
	extract.Prepare(&a)
	p, err := extract.New()
	if err != nil {
		return err
	}
	type row struct {
		Start   int      `json:"start"`
		End     int      `json:"end"`
		Text    string   `json:"text"`
		Name    *string  `json:"name"`
		Country *string  `json:"country"`
		Lat     *float64 `json:"lat"`
		Lon     *float64 `json:"lon"`
		Feature *string  `json:"feature"`
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	for _, pm := range p.Places(&a) {
		r := row{Start: pm.Span.Start, End: pm.Span.End, Text: pm.Span.In(a.Text)}
		if f := pm.Feature; f != nil {
			r.Name, r.Country, r.Lat, r.Lon, r.Feature = &f.Name, &f.Country, &f.Lat, &f.Lon, &f.Class
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// goldKind tells which scorer a gold path needs: "time" for TimeML (a
// .tml file or a directory of them), "geo" for TR-News XML, else "events".
func goldKind(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "time"
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tml":
		return "time"
	case ".xml":
		f, err := os.Open(path)
		if err == nil {
			defer f.Close()
			head := make([]byte, 4096)
			n, _ := io.ReadFull(f, head)
			if bytes.Contains(head[:n], []byte("<articles")) {
				return "geo"
			}
		}
	}
	return "events"
}

// evalTime scores the date stage on TimeML documents, each against its DCT.
func (m *Main) evalTime(ctx context.Context, p *extract.Pipeline, path string, asJSON bool) error {
	var docs []*score.TimexDoc
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		if docs, err = score.LoadTimeMLDir(path); err != nil {
			return err
		}
	} else {
		d, err := score.LoadTimeML(path)
		if err != nil {
			return err
		}
		docs = []*score.TimexDoc{d}
	}
	pred := make(map[string][]score.TimexPrediction, len(docs))
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, t := range p.Dates(&parley.Article{Text: d.Text, Published: d.DCT}) {
			pred[d.Name] = append(pred[d.Name], score.TimexPrediction{Span: t.Span, Type: t.Type, Value: t.Value})
		}
	}
	rep := score.ScoreTimex(docs, pred)
	if asJSON {
		return writeJSON(m.Stdout, rep)
	}
	return rep.WriteTable(m.Stdout)
}

// evalGeo scores the place stage on TR-News.
func (m *Main) evalGeo(ctx context.Context, p *extract.Pipeline, path string, asJSON, verbose bool) error {
	docs, err := score.LoadTRNews(path)
	if err != nil {
		return err
	}
	pred := make(map[string][]score.GeoPrediction, len(docs))
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, pm := range p.Places(&parley.Article{Text: d.Text}) {
			gp := score.GeoPrediction{Span: pm.Span, Unresolved: pm.Feature == nil}
			if f := pm.Feature; f != nil {
				gp.Lat, gp.Lon, gp.Country = f.Lat, f.Lon, f.Country
			}
			pred[d.ID] = append(pred[d.ID], gp)
		}
	}
	rep := score.ScoreGeo(docs, pred)
	if asJSON {
		return writeJSON(m.Stdout, rep)
	}
	return rep.WriteTable(m.Stdout, verbose)
}
