package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/plover"
)

// ploverRecord is one event in the PLOVER data format (PLOVER manual,
// chapter 6, table 6.1). Multi-word field names of the manual ("event loc",
// "quad code") are written with underscores, as in the manual's own JSON
// examples ("raw_text", "wikidata_id"). Fields after Coder are parley's
// additions, which the manual allows ("Providers should feel free to include
// named fields beyond those provided here").
type ploverRecord struct {
	ID         string          `json:"id"`
	HasEvent   bool            `json:"has_event"`
	Date       *string         `json:"date"`
	EndDate    string          `json:"enddate,omitempty"`
	Actor      []ploverEntity  `json:"actor"`
	Recipient  []ploverEntity  `json:"recipient"`
	Event      []string        `json:"event"`
	EventLoc   *ploverLocation `json:"event_loc,omitempty"`
	EventText  []string        `json:"event_text,omitempty"`
	QuadCode   int             `json:"quad_code,omitempty"`
	EventScale float64         `json:"event_scale"`
	Mode       []string        `json:"mode"`
	Context    []string        `json:"context"`
	Text       string          `json:"text,omitempty"`
	TextInfo   ploverTextInfo  `json:"text_info"`
	CiteInfo   ploverCiteInfo  `json:"cite_info"`
	Coder      string          `json:"coder"`

	ClaimedBy  []ploverEntity `json:"claimed_by,omitempty"`
	CAMEO      string         `json:"cameo,omitempty"`
	Goldstein  float64        `json:"goldstein"`
	DateSource string         `json:"date_source,omitempty"`
	Article    string         `json:"article,omitempty"`
	Mentions   int            `json:"mentions,omitempty"`
}

// ploverEntity is the manual's information object for entities (table 6.2).
type ploverEntity struct {
	Code           string `json:"code"`
	Sector         string `json:"sector,omitempty"`
	IdentifierText string `json:"identifier_text,omitempty"`
	Office         string `json:"office,omitempty"`
}

// ploverLocation is the manual's location object (table 6.6).
type ploverLocation struct {
	ResolvedPlace string  `json:"resolved_place,omitempty"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	CountryCode   string  `json:"country_code,omitempty"`
}

// ploverTextInfo is the manual's information object for text (table 6.3):
// byte offsets of the reporting sentence in the article's normalized text.
type ploverTextInfo struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ploverCiteInfo is the manual's information object for citations (table 6.5).
type ploverCiteInfo struct {
	Citation string `json:"citation,omitempty"`
	URL      string `json:"url,omitempty"`
	Coder    string `json:"coder"`
	Codebook string `json:"codebook"`
}

// PLOVERCoder and PLOVERCodebook are what PLOVER records name as their coder
// and codebook (cite_info).
const (
	PLOVERCoder    = "parley"
	PLOVERCodebook = "plover-0.8"
)

// PLOVER writes one PLOVER JSON record a line (JSON Lines, the layout the
// manual suggests: "each event formatted as one valid JSON entry, each on a
// separate row"). The required fields id, date, actor and event are always
// present (date is null for an undated event); recipient, mode and context
// are lists, possibly empty. An interval date gives date and enddate.
// event_loc carries the place; event_text the trigger word when the
// sentence contains it; quad_code the category's quad class; event_scale
// the PLOVER score; text the reporting sentence with text_info its offsets;
// cite_info the article's Doc. An auxiliary mode (historical, future,
// hypothetical, negation) is added to context, where the manual puts it
// (§2.3). parley's own fields follow: claimed_by, cameo, goldstein,
// date_source, article, mentions.
func PLOVER(w io.Writer, events []parley.Event) error {
	cb, err := plover.Default()
	if err != nil {
		return fmt.Errorf("plover: %w", err)
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range events {
		if err := enc.Encode(ploverOf(&events[i], cb)); err != nil {
			return fmt.Errorf("plover: event %s: %w", events[i].ID, err)
		}
	}
	return bw.Flush()
}

func ploverOf(e *parley.Event, cb *plover.Codebook) ploverRecord {
	r := ploverRecord{
		ID: e.ID, HasEvent: true,
		Actor: entities(e.Actors), Recipient: entities(e.Recipients),
		Event: []string{e.Type}, EventScale: e.PLOVERScore,
		Mode: []string{}, Context: slices.Clone(e.Context),
		Text:     e.SentenceText,
		TextInfo: ploverTextInfo{Start: e.Sentence.Start, End: e.Sentence.End},
		CiteInfo: ploverCiteInfo{Citation: e.Doc, Coder: PLOVERCoder, Codebook: PLOVERCodebook},
		Coder:    PLOVERCoder,
		CAMEO:    e.CAMEO, Goldstein: e.Goldstein, DateSource: e.DateSource,
		Article: e.Article, Mentions: e.Mentions,
	}
	if len(e.ClaimedBy) > 0 {
		r.ClaimedBy = entities(e.ClaimedBy)
	}
	if isURL(e.Doc) {
		r.CiteInfo.URL = e.Doc
	}
	if e.Mode != "" {
		r.Mode = append(r.Mode, e.Mode)
	}
	if r.Context == nil {
		r.Context = []string{}
	}
	if e.Aux != "" && !slices.Contains(r.Context, e.Aux) {
		r.Context = append(r.Context, e.Aux)
	}
	if e.Date != nil {
		s := e.Date.Start.Format(time.DateOnly)
		r.Date = &s
		if !e.Date.End.Equal(e.Date.Start) {
			r.EndDate = e.Date.End.Format(time.DateOnly)
		}
	}
	if p := e.Place; p != nil {
		r.EventLoc = &ploverLocation{ResolvedPlace: p.Name, Lat: p.Lat, Lon: p.Lon, CountryCode: p.Country}
	}
	if t := triggerText(e); t != "" {
		r.EventText = []string{t}
	}
	if q := quadOf(cb, e); q != 0 {
		r.QuadCode = int(q)
	}
	return r
}

func entities(as []parley.Actor) []ploverEntity {
	out := make([]ploverEntity, len(as))
	for i, a := range as {
		out[i] = ploverEntity{Code: a.Code, Sector: a.Sector, IdentifierText: a.Name, Office: a.Title}
		if a.Name == "" {
			out[i].IdentifierText = a.Org
		}
	}
	return out
}

// triggerText returns the words of the event's trigger, cut from the
// sentence text when the trigger lies inside the sentence, else "".
func triggerText(e *parley.Event) string {
	if !e.Sentence.Contains(e.Trigger) || e.Trigger.Len() <= 0 || e.Sentence.Len() != len(e.SentenceText) {
		return ""
	}
	t := parley.Span{Start: e.Trigger.Start - e.Sentence.Start, End: e.Trigger.End - e.Sentence.Start}.In(e.SentenceText)
	if !utf8.ValidString(t) {
		return ""
	}
	return t
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
