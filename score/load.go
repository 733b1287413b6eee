package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Gold is a gold file: documents with the events a careful coder found in
// them.
type Gold struct {
	// Name is the base name of the file the gold was loaded from.
	Name string
	Docs []Doc
}

// Doc is one gold document.
type Doc struct {
	ID string
	// Published is the reference date for relative dates; the zero time
	// when the gold gives none. The GSR's dates are a placeholder
	// (2000-01-01) and are kept as they are.
	Published time.Time
	// Text is the document's text: inline, or the contents of its
	// text_file resolved relative to the gold file's directory.
	Text   string
	Events []GoldEvent
}

// GoldEvent is one hand-coded event.
type GoldEvent struct {
	// Evidence is an exact substring of the sentence that reports the event
	// (empty for the GSR, whose documents are one sentence).
	Evidence string
	Type     string
	// AltTypes are other categories a prediction may have and still match.
	AltTypes   []string
	Actors     []parley.Actor
	Recipients []parley.Actor
	Date       *parley.DateRange // nil when the gold gives no date
	Place      *GoldPlace        // nil when the gold gives no place
	Mode       string
	Aux        string
	// Optional events are neither rewarded nor punished.
	Optional bool
}

// GoldPlace is where a gold event happened. Either field may be empty.
type GoldPlace struct {
	Name    string
	Country string
}

// Categories are the PLOVER event categories a gold event may have.
var categories = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

var auxModes = []string{parley.AuxHistorical, parley.AuxFuture, parley.AuxHypothetical, parley.AuxNegation}

// gsrTypes maps the categories of the PLOVER draft the GSR was coded with
// to the current ones.
var gsrTypes = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// legacyCodes maps the old CAMEO country codes found in the GSR to their ISO
// 3166-1 alpha-3 equivalents. Codes with no ISO equivalent (IMG, ISM) are
// left as they are.
var legacyCodes = map[string]string{
	"JAP": "JPN", // Japan
	"ITL": "ITA", // Italy
	"VTN": "VNM", // Viet Nam
	"ROM": "ROU", // Romania, ISO's code before 2002 (not in the GSR)
	"ZAR": "COD", // Zaire, before 1997 (not in the GSR)
	"TMP": "TLS", // East Timor, before 2002 (not in the GSR)
}

// Load reads a gold file. The format is detected from the first byte: a
// JSON array is the PLOVER GSR, anything else JSON Lines of documents (see
// the gold README). Every problem in the file is reported at once, each
// naming the file and line.
func Load(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	dir := filepath.Dir(path)
	readText := func(name string) ([]byte, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, filepath.FromSlash(name))
		}
		return os.ReadFile(name)
	}
	return parse(path, data, readText)
}

// parse reads gold data; name is used in messages and readText reads a
// document's text_file.
func parse(name string, data []byte, readText func(string) ([]byte, error)) (*Gold, error) {
	g := &Gold{Name: filepath.Base(name)}
	var err error
	if trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(trimmed) > 0 && trimmed[0] == '[' {
		g.Docs, err = parseGSR(name, data)
	} else {
		g.Docs, err = parseJSONL(name, data, readText)
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

type jsonlDoc struct {
	ID        string       `json:"id"`
	Published string       `json:"published"`
	Title     string       `json:"title"`
	URL       string       `json:"url"`
	Text      *string      `json:"text"`
	TextFile  string       `json:"text_file"`
	Events    []jsonlEvent `json:"events"`
}

type jsonlEvent struct {
	Evidence  string         `json:"evidence"`
	Type      string         `json:"type"`
	AltTypes  []string       `json:"alt_types"`
	Actor     []parley.Actor `json:"actor"`
	Recipient []parley.Actor `json:"recipient"`
	Date      *string        `json:"date"`
	Place     *struct {
		Name    string `json:"name"`
		Country string `json:"country"`
	} `json:"place"`
	Mode     string `json:"mode"`
	Aux      string `json:"aux"`
	Optional bool   `json:"optional"`
	Note     string `json:"note"`
}

func parseJSONL(name string, data []byte, readText func(string) ([]byte, error)) ([]Doc, error) {
	var docs []Doc
	var errs []error
	seen := map[string]int{}
	r := bufio.NewReader(bytes.NewReader(data))
	for line := 1; ; line++ {
		b, rerr := r.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			doc, err := parseJSONLDoc(b, readText)
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
			case seen[doc.ID] > 0:
				errs = append(errs, fmt.Errorf("%s:%d: document %q already given on line %d", name, line, doc.ID, seen[doc.ID]))
			default:
				seen[doc.ID] = line
				docs = append(docs, doc)
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", name)
	}
	return docs, nil
}

func parseJSONLDoc(b []byte, readText func(string) ([]byte, error)) (Doc, error) {
	var d jsonlDoc
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Doc{}, err
	}
	if dec.More() {
		return Doc{}, errors.New("more than one JSON value on the line")
	}
	if d.ID == "" {
		return Doc{}, errors.New(`document has no "id"`)
	}
	doc := Doc{ID: d.ID}
	if d.Published != "" {
		t, err := time.Parse(time.DateOnly, d.Published)
		if err != nil {
			return Doc{}, fmt.Errorf("document %s: published %q is not YYYY-MM-DD", d.ID, d.Published)
		}
		doc.Published = t
	}
	switch {
	case d.Text != nil && d.TextFile != "":
		return Doc{}, fmt.Errorf(`document %s: both "text" and "text_file"`, d.ID)
	case d.Text != nil:
		doc.Text = *d.Text
	case d.TextFile != "":
		t, err := readText(d.TextFile)
		if err != nil {
			return Doc{}, fmt.Errorf("document %s: text_file: %w", d.ID, err)
		}
		doc.Text = string(t)
	default:
		return Doc{}, fmt.Errorf(`document %s: no "text" or "text_file"`, d.ID)
	}
	var errs []error
	for i, je := range d.Events {
		e := GoldEvent{
			Evidence: je.Evidence, Type: je.Type, AltTypes: je.AltTypes,
			Actors: je.Actor, Recipients: je.Recipient,
			Mode: je.Mode, Aux: je.Aux, Optional: je.Optional,
		}
		if je.Date != nil {
			dr, err := parley.ParseDateRange(*je.Date)
			if err != nil {
				errs = append(errs, fmt.Errorf("document %s event %d: %w", d.ID, i+1, err))
			}
			e.Date = &dr
		}
		if je.Place != nil {
			e.Place = &GoldPlace{Name: je.Place.Name, Country: je.Place.Country}
		}
		for _, err := range checkEvent(&e) {
			errs = append(errs, fmt.Errorf("document %s event %d: %w", d.ID, i+1, err))
		}
		if e.Evidence != "" && !strings.Contains(doc.Text, e.Evidence) {
			errs = append(errs, fmt.Errorf("document %s event %d: evidence %q is not in the text", d.ID, i+1, e.Evidence))
		}
		doc.Events = append(doc.Events, e)
	}
	if len(errs) > 0 {
		return Doc{}, errors.Join(errs...)
	}
	return doc, nil
}

// checkEvent reports what is wrong with a gold event.
func checkEvent(e *GoldEvent) []error {
	var errs []error
	if !slices.Contains(categories, e.Type) {
		errs = append(errs, fmt.Errorf("type %q is not a PLOVER category", e.Type))
	}
	for _, t := range e.AltTypes {
		if !slices.Contains(categories, t) {
			errs = append(errs, fmt.Errorf("alt type %q is not a PLOVER category", t))
		}
	}
	if len(e.Actors) == 0 && len(e.Recipients) == 0 {
		errs = append(errs, errors.New("no actor and no recipient"))
	}
	for _, a := range slices.Concat(e.Actors, e.Recipients) {
		if !isCode(a.Code) {
			errs = append(errs, fmt.Errorf("actor code %q is not three capital letters", a.Code))
		}
	}
	if e.Aux != "" && !slices.Contains(auxModes, e.Aux) {
		errs = append(errs, fmt.Errorf("aux %q is not one of %s", e.Aux, strings.Join(auxModes, ", ")))
	}
	if e.Place != nil && e.Place.Country != "" && !isCode(e.Place.Country) {
		errs = append(errs, fmt.Errorf("place country %q is not three capital letters", e.Place.Country))
	}
	return errs
}

func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

type gsrRecord struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Date     *string         `json:"date"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	Text     *string         `json:"text"`
	Mode     *string         `json:"mode"`
	EventLoc *struct {
		Name string `json:"name"`
	} `json:"eventLoc"`
}

type gsrActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

func parseGSR(name string, data []byte) ([]Doc, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	// lineAt counts lines up to off; offsets only grow, so it counts on
	// from where it stopped.
	lines, counted := 1, 0
	lineAt := func(off int64) int {
		end := min(int(off), len(data))
		if end > counted {
			lines += bytes.Count(data[counted:end], []byte("\n"))
			counted = end
		}
		return lines
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, lineAt(dec.InputOffset()), err)
	}
	var docs []Doc
	var errs []error
	seen := map[string]int{}
	for n := 1; dec.More(); n++ {
		// The offset after the previous value; skip the white space and
		// comma to name the line the record starts on.
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		line := lineAt(off)
		var rec gsrRecord
		if err := dec.Decode(&rec); err != nil {
			// The decoder cannot go on after a syntax error.
			errs = append(errs, fmt.Errorf("%s:%d: record %d: %w", name, line, n, err))
			return nil, errors.Join(errs...)
		}
		if rec.Event == "DOCUMENT" {
			continue
		}
		doc, err := gsrDoc(&rec)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: record %d (%s): %w", name, line, n, rec.ID, err))
			continue
		}
		// The GSR gives one id to two different records: number the
		// repeats so that every document can be told apart.
		id := doc.ID
		for k := 2; seen[doc.ID] > 0; k++ {
			doc.ID = fmt.Sprintf("%s#%d", id, k)
		}
		seen[doc.ID] = line
		docs = append(docs, doc)
	}
	if _, err := dec.Token(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, lineAt(dec.InputOffset()), err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no records", name)
	}
	return docs, nil
}

func gsrDoc(rec *gsrRecord) (Doc, error) {
	if rec.ID == "" {
		return Doc{}, errors.New(`record has no "id"`)
	}
	if rec.Text == nil || strings.TrimSpace(*rec.Text) == "" {
		return Doc{}, errors.New(`record has no "text"`)
	}
	doc := Doc{ID: rec.ID, Text: *rec.Text}
	if rec.Date != nil && *rec.Date != "" {
		t, err := time.Parse(time.DateOnly, *rec.Date)
		if err != nil {
			return Doc{}, fmt.Errorf("date %q is not YYYY-MM-DD", *rec.Date)
		}
		doc.Published = t
	}
	e := GoldEvent{Type: rec.Event}
	if t, ok := gsrTypes[rec.Event]; ok {
		e.Type = t
	}
	if rec.Mode != nil {
		e.Mode = *rec.Mode
	}
	var err error
	if e.Actors, err = gsrActors(rec.Source); err != nil {
		return Doc{}, fmt.Errorf("source: %w", err)
	}
	if e.Recipients, err = gsrActors(rec.Target); err != nil {
		return Doc{}, fmt.Errorf("target: %w", err)
	}
	if rec.EventLoc != nil && rec.EventLoc.Name != "" {
		e.Place = &GoldPlace{Name: rec.EventLoc.Name}
	}
	if errs := checkEvent(&e); len(errs) > 0 {
		return Doc{}, errors.Join(errs...)
	}
	doc.Events = []GoldEvent{e}
	return doc, nil
}

// gsrActors reads a GSR source or target: a list of actors, or anything
// else ("", a stray word, null), which stands for none.
func gsrActors(raw json.RawMessage) ([]parley.Actor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, nil
	}
	var in []gsrActor
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, err
	}
	out := make([]parley.Actor, 0, len(in))
	for _, a := range in {
		code := strings.ToUpper(strings.TrimSpace(a.Code))
		if c, ok := legacyCodes[code]; ok {
			code = c
		}
		out = append(out, parley.Actor{Code: code, Sector: gsrSector(a.Sector)})
	}
	return out, nil
}

// gsrSector keeps the first three letters of a sector with a suffix
// ("CVLalb" is CVL); "***" stands for none.
func gsrSector(s string) string {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "*") == "" {
		return ""
	}
	if len(s) > 3 {
		s = s[:3]
	}
	return strings.ToUpper(s)
}
