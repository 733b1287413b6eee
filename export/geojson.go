package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parley-events/parley"
)

// geoFeature is one GeoJSON Feature (RFC 7946 §3.2) with a Point geometry.
type geoFeature struct {
	Type       string        `json:"type"`
	ID         string        `json:"id"`
	Geometry   geoPoint      `json:"geometry"`
	Properties geoProperties `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // [longitude, latitude], RFC 7946 §3.1.1
}

// geoProperties are flat (strings and numbers), which QGIS reads as
// attribute columns; lists are joined with ";" as in CSV.
type geoProperties struct {
	ID          string  `json:"id"`
	Doc         string  `json:"doc"`
	Type        string  `json:"type"`
	Mode        string  `json:"mode"`
	Aux         string  `json:"aux"`
	Context     string  `json:"context"`
	Date        string  `json:"date"`
	DateStart   string  `json:"date_start"`
	DateEnd     string  `json:"date_end"`
	Actor       string  `json:"actor"`
	Recipient   string  `json:"recipient"`
	Place       string  `json:"place"`
	Country     string  `json:"country"`
	CAMEO       string  `json:"cameo"`
	Goldstein   float64 `json:"goldstein"`
	PLOVERScore float64 `json:"plover_score"`
	Mentions    int     `json:"mentions"`
	Sentence    string  `json:"sentence"`
}

// Located reports whether GeoJSON writes the event: it has a place with
// finite coordinates inside [-90, 90] × [-180, 180], and not the 0,0 that an
// unnamed, unresolved place would carry.
func Located(e *parley.Event) bool {
	p := e.Place
	if p == nil {
		return false
	}
	if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
		return false
	}
	return p.Name != "" || p.Lat != 0 || p.Lon != 0
}

// GeoJSON writes the located events (see Located) as a GeoJSON
// FeatureCollection (RFC 7946) that QGIS and other GIS tools open: one
// Feature per event, a Point at [lon, lat], the event ID as the feature id,
// and flat properties: id, doc, type, mode, aux, context, date (as in
// JSONL), date_start, date_end, actor and recipient ("SYR GOV;RUS MIL"),
// place, country, cameo, goldstein, plover_score, mentions and sentence.
// Events without a place are left out; the collection's foreign member
// "unlocated" counts them, so that a reader can tell a filtered export from
// a complete one.
func GeoJSON(w io.Writer, events []parley.Event) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	unlocated := 0
	first := true
	for i := range events {
		e := &events[i]
		if !Located(e) {
			unlocated++
			continue
		}
		b, err := json.Marshal(featureOf(e))
		if err != nil {
			return fmt.Errorf("geojson: event %s: %w", e.ID, err)
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n")
		bw.Write(b)
	}
	bw.WriteString("\n],\"unlocated\":" + strconv.Itoa(unlocated) + "}\n")
	return bw.Flush()
}

func featureOf(e *parley.Event) geoFeature {
	p := e.Place
	f := geoFeature{
		Type: "Feature", ID: e.ID,
		Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{p.Lon, p.Lat}},
		Properties: geoProperties{
			ID: e.ID, Doc: e.Doc, Type: e.Type, Mode: e.Mode, Aux: e.Aux,
			Context: strings.Join(e.Context, ";"),
			Actor:   codes(e.Actors), Recipient: codes(e.Recipients),
			Place: p.Name, Country: p.Country,
			CAMEO: e.CAMEO, Goldstein: e.Goldstein, PLOVERScore: e.PLOVERScore,
			Mentions: e.Mentions, Sentence: e.SentenceText,
		},
	}
	if e.Date != nil {
		f.Properties.Date = e.Date.String()
		f.Properties.DateStart = e.Date.Start.Format("2006-01-02")
		f.Properties.DateEnd = e.Date.End.Format("2006-01-02")
	}
	return f
}

// codes joins actors as "CODE SECTOR" with ";".
func codes(as []parley.Actor) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = strings.TrimSpace(a.Code + " " + a.Sector)
	}
	return strings.Join(s, ";")
}
