package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"

	"github.com/parley-events/parley"
)

// formatEvents extends sample with cases the new formats treat specially:
// a tab and a quote in a name, a recipient-less event, an event whose place
// is a whole country, a reciprocal pair and an unknown category.
func formatEvents() []parley.Event {
	evs := sample()
	evs[0].Trigger = parley.Span{Start: 7, End: 13} // "hosted"
	evs[0].SentenceText = "Moscow hosted Syria's foreign minister."
	evs[0].Sentence = parley.Span{Start: 0, End: len(evs[0].SentenceText)}
	d := parley.Day(time.Date(2025, 10, 15, 0, 0, 0, 0, time.UTC))
	return append(evs,
		parley.Event{
			ID: "e3", Doc: "https://example.org/a?x=1", Type: "CONSULT", Mode: "visit",
			Actors:     []parley.Actor{{Code: "RUS", Sector: "GOV", Name: "Abu \"Tab\"\tName"}},
			Recipients: []parley.Actor{{Code: "SYR", Sector: "GOV"}},
			Date:       &d, Place: &parley.Place{Name: "Syria", Country: "SYR", Lat: 35, Lon: 38},
			CAMEO: "042", Goldstein: 1.9, PLOVERScore: 4, Mentions: 3,
			Sentence: parley.Span{Start: 40, End: 60}, SentenceText: "Line\tone\nline two",
		},
		parley.Event{
			ID: "e4", Doc: "doc-4", Type: "ACCUSE", Aux: parley.AuxFuture,
			Actors:     []parley.Actor{{Code: "SYR", Sector: "GOV"}},
			Recipients: []parley.Actor{{Code: "RUS", Sector: "GOV"}, {Code: "IRN"}},
			Date:       &d, CAMEO: "111", Goldstein: -2, PLOVERScore: -3,
			Place: &parley.Place{}, // unresolved: no name, no coordinates
		},
		parley.Event{ID: "e5", Doc: "doc-5", Type: "NOVEL", CAMEO: "190", Actors: []parley.Actor{{Code: "USA", Sector: "MIL"}},
			Place: &parley.Place{Name: "Austin", Country: "USA", Lat: 30.27, Lon: -97.74}},
	)
}

func TestGDELT(t *testing.T) {
	evs := formatEvents()
	var b bytes.Buffer
	if err := GDELT(&b, evs, true); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("GDELT output does not read back as TSV: %v", err)
	}
	if len(rows) != len(evs)+1 {
		t.Fatalf("got %d rows, want header + %d", len(rows), len(evs))
	}
	if len(GDELTHeader) != 61 {
		t.Fatalf("GDELTHeader has %d columns, want 61", len(GDELTHeader))
	}
	if diff := cmp.Diff(GDELTHeader, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	col := map[string]int{}
	for i, h := range GDELTHeader {
		col[h] = i
	}
	for i, row := range rows {
		if len(row) != 61 {
			t.Errorf("row %d has %d columns, want 61", i, len(row))
		}
	}
	tests := []struct {
		row  int
		want map[string]string
	}{
		{1, map[string]string{
			"GlobalEventID": strconv.FormatUint(GlobalEventID("e1"), 10),
			"Day":           "20250717", "MonthYear": "202507", "Year": "2025", "FractionDate": "2025.5397",
			"Actor1Code": "SYRGOV", "Actor1Name": "Asaad al-Shibani", "Actor1CountryCode": "SYR", "Actor1Type1Code": "GOV",
			"Actor2Code": "RUSGOV", "Actor2Name": "RUSSIAN FEDERATION", "Actor2CountryCode": "RUS", "Actor2Type1Code": "GOV",
			"IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04",
			"QuadClass": "1", "GoldsteinScale": "1.9", "NumMentions": "2", "NumSources": "1", "NumArticles": "1", "AvgTone": "",
			"ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow", "ActionGeo_CountryCode": "RS", "ActionGeo_ADM1Code": "RS",
			"ActionGeo_Lat": "55.75", "ActionGeo_Long": "37.62", "Actor1Geo_FullName": "",
			"DATEADDED": "", "SOURCEURL": "doc-1",
		}},
		{2, map[string]string{"Day": "", "Actor1Code": "SYRMIL", "Actor2Code": "", "QuadClass": "2", "IsRootEvent": "0",
			"NumMentions": "1", "ActionGeo_Type": "", "ActionGeo_Lat": ""}},
		{3, map[string]string{"Actor1Name": "Abu 'Tab' Name", "ActionGeo_Type": "1", "ActionGeo_CountryCode": "SY",
			"SOURCEURL": "https://example.org/a?x=1", "NumMentions": "3", "Day": "20251015"}},
		{4, map[string]string{"QuadClass": "3", "Actor2Code": "RUSGOV", "EventRootCode": "11", "GoldsteinScale": "-2", "ActionGeo_Type": "1"}},
		{5, map[string]string{"QuadClass": "4", "ActionGeo_Type": "3", "ActionGeo_CountryCode": "US", "Actor1Name": "UNITED STATES OF AMERICA"}},
	}
	for _, tt := range tests {
		t.Run(evs[tt.row-1].ID, func(t *testing.T) {
			for name, want := range tt.want {
				if got := rows[tt.row][col[name]]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
	b.Reset()
	if err := GDELT(&b, evs[:1], false); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(b.String(), "GlobalEventID") || strings.Count(b.String(), "\n") != 1 {
		t.Errorf("without header: %q", b.String())
	}
}

func TestGlobalEventIDStable(t *testing.T) {
	a, b := GlobalEventID("e1"), GlobalEventID("e2")
	if a == b || a != GlobalEventID("e1") || a >= 1<<53 {
		t.Errorf("GlobalEventID(e1)=%d, (e2)=%d: want distinct, stable, < 2^53", a, b)
	}
}

func TestFIPSTable(t *testing.T) {
	m, err := loadCountries(fipsTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 200 {
		t.Errorf("fips.tsv has %d countries, want 200 or more", len(m))
	}
	seen := map[string]string{}
	for iso, c := range m {
		if prev, dup := seen[c.fips]; dup {
			t.Errorf("FIPS %s given to both %s and %s", c.fips, prev, iso)
		}
		seen[c.fips] = iso
	}
	// Codes where ISO and FIPS differ, several of them wrong in the source.
	for iso, want := range map[string]string{"DEU": "GM", "GBR": "UK", "RUS": "RS", "SYR": "SY", "IRN": "IR", "ISR": "IS",
		"IRQ": "IZ", "COD": "CG", "COG": "CF", "ZAF": "SF", "MMR": "BM", "GTM": "GT", "GIN": "GV", "PSE": "WE", "XKX": "KV"} {
		if got := m[iso].fips; got != want {
			t.Errorf("FIPS of %s = %q, want %q", iso, got, want)
		}
	}
	for _, bad := range []string{"iso3\tfips\tname\nSYRX\tSY\tSYRIA\n", "iso3\tfips\tname\nSYR\tSY\tSYRIA\nSYR\tSY\tSYRIA\n"} {
		if _, err := loadCountries(bad); err == nil || !strings.Contains(err.Error(), "fips.tsv:") {
			t.Errorf("loadCountries(%q) error = %v, want one naming fips.tsv:line", bad, err)
		}
	}
}

func TestPLOVER(t *testing.T) {
	evs := formatEvents()
	var b bytes.Buffer
	if err := PLOVER(&b, evs); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&b)
	var recs []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", len(recs)+1, err)
		}
		recs = append(recs, m)
	}
	if len(recs) != len(evs) {
		t.Fatalf("got %d records, want %d", len(recs), len(evs))
	}
	for i, m := range recs {
		for _, f := range []string{"id", "date", "actor", "event", "recipient", "mode", "context", "cite_info"} {
			if _, ok := m[f]; !ok {
				t.Errorf("record %d lacks required field %q", i+1, f)
			}
		}
	}
	var r ploverRecord
	line := strings.SplitN(mustPLOVER(t, evs[:1]), "\n", 2)[0]
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatal(err)
	}
	start, end := "2025-07-17", "2025-07-31"
	want := ploverRecord{
		ID: "e1", HasEvent: true, Date: &start, EndDate: end,
		Actor:     []ploverEntity{{Code: "SYR", Sector: "GOV", IdentifierText: "Asaad al-Shibani"}, {Code: "SYR", Sector: "MIL"}},
		Recipient: []ploverEntity{{Code: "RUS", Sector: "GOV"}},
		Event:     []string{"CONSULT"}, Mode: []string{"visit"}, Context: []string{},
		EventLoc:  &ploverLocation{ResolvedPlace: "Moscow", Lat: 55.75, Lon: 37.62, CountryCode: "RUS"},
		EventText: []string{"hosted"}, QuadCode: 1, EventScale: 4,
		Text: "Moscow hosted Syria's foreign minister.", TextInfo: ploverTextInfo{Start: 0, End: 39},
		CiteInfo: ploverCiteInfo{Citation: "doc-1", Coder: PLOVERCoder, Codebook: PLOVERCodebook}, Coder: PLOVERCoder,
		CAMEO: "042", Goldstein: 1.9, DateSource: "text", Article: "k1", Mentions: 2,
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("record e1 (-want +got):\n%s", diff)
	}
	if recs[1]["date"] != nil {
		t.Errorf("undated event: date = %v, want null", recs[1]["date"])
	}
	if got := recs[3]["context"]; !cmp.Equal(got, []any{"future"}) {
		t.Errorf("aux future: context = %v, want [future]", got)
	}
	if got := recs[2]["cite_info"].(map[string]any)["url"]; got != "https://example.org/a?x=1" {
		t.Errorf("cite_info.url = %v", got)
	}
}

func mustPLOVER(t *testing.T, evs []parley.Event) string {
	t.Helper()
	var b bytes.Buffer
	if err := PLOVER(&b, evs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestParquet(t *testing.T) {
	evs := formatEvents()
	var b bytes.Buffer
	if err := Parquet(&b, evs); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("output does not open as Parquet: %v", err)
	}
	if got := f.NumRows(); got != int64(len(evs)) {
		t.Errorf("NumRows = %d, want %d", got, len(evs))
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	for _, h := range CSVHeader {
		if !strings.Contains(" "+strings.Join(cols, " ")+" ", " "+h+" ") {
			t.Errorf("no column %q in %v", h, cols)
		}
	}
	schema := f.Schema().String()
	for _, want := range []string{"required binary id (STRING)", "optional int32 date_start (DATE)", "optional double place_lat",
		"required double goldstein", "required int64 mentions"} {
		if !strings.Contains(schema, want) {
			t.Errorf("schema lacks %q:\n%s", want, schema)
		}
	}
	rows, err := parquet.Read[ParquetRow](bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("reading rows back: %v", err)
	}
	if len(rows) != len(evs) {
		t.Fatalf("read %d rows, want %d", len(rows), len(evs))
	}
	r := rows[0]
	for _, c := range []struct{ name, got, want string }{
		{"id", r.ID, "e1"}, {"actor_code", r.ActorCode, "SYR;SYR"}, {"actor_name", r.ActorName, "Asaad al-Shibani;"},
		{"date", r.Date, "2025-07-17/2025-07-31"}, {"place_name", deref(r.PlaceName), "Moscow"},
		{"sentence", r.Sentence, evs[0].SentenceText}, {"cameo", r.CAMEO, "042"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	day := func(d *int32) string {
		if d == nil {
			return "<nil>"
		}
		return time.Unix(int64(*d)*86400, 0).UTC().Format(time.DateOnly)
	}
	if s, e := day(r.DateStart), day(r.DateEnd); s != "2025-07-17" || e != "2025-07-31" {
		t.Errorf("date_start, date_end = %s, %s, want 2025-07-17, 2025-07-31", s, e)
	}
	if r.PlaceLat == nil || *r.PlaceLat != 55.75 || r.Goldstein != 1.9 || r.Mentions != 2 || r.SpanEnd != 39 {
		t.Errorf("numbers read back wrong: %+v", r)
	}
	if u := rows[1]; u.DateStart != nil || u.PlaceLat != nil || u.PlaceName != nil {
		t.Errorf("undated, unlocated event reads back with date %v, place %v/%v", u.DateStart, u.PlaceName, u.PlaceLat)
	}
	if rows[2].ActorName != evs[2].Actors[0].Name {
		t.Errorf("name with tab and quote = %q", rows[2].ActorName)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// readGraph is GraphML as a reader sees it, independent of the writer's types.
type readGraph struct {
	Keys []struct {
		ID      string `xml:"id,attr"`
		For     string `xml:"for,attr"`
		Name    string `xml:"attr.name,attr"`
		Type    string `xml:"attr.type,attr"`
		Default string `xml:"default"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestGraphML(t *testing.T) {
	evs := formatEvents()
	var b bytes.Buffer
	if err := GraphML(&b, evs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `xmlns="http://graphml.graphdrawing.org/xmlns"`) {
		t.Errorf("no GraphML namespace:\n%s", b.String())
	}
	var g readGraph
	if err := xml.Unmarshal(b.Bytes(), &g); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b.String())
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q, want directed", g.Graph.EdgeDefault)
	}
	declared := map[string]string{} // key id -> for
	for _, k := range g.Keys {
		declared[k.ID] = k.For
		if k.Name == "" || k.Type == "" {
			t.Errorf("key %s lacks attr.name or attr.type", k.ID)
		}
	}
	for _, k := range []string{"label", "events", "weight", "mean_goldstein", "mean_plover_score", "n_CONSULT", "n_ACCUSE"} {
		if _, ok := declared[k]; !ok {
			t.Errorf("key %q not declared", k)
		}
	}
	if _, ok := declared["n_AGREE"]; ok {
		t.Error("key n_AGREE declared for a category no event has")
	}
	nodes := map[string]map[string]string{}
	for _, n := range g.Graph.Nodes {
		d := map[string]string{}
		for _, x := range n.Data {
			if declared[x.Key] != "node" {
				t.Errorf("node %s uses key %q not declared for nodes", n.ID, x.Key)
			}
			d[x.Key] = x.Value
		}
		nodes[n.ID] = d
	}
	wantNodes := map[string]string{"SYR-GOV": "3", "SYR-MIL": "2", "RUS-GOV": "3", "IRN": "1", "USA-MIL": "1"}
	if len(nodes) != len(wantNodes) {
		t.Errorf("got nodes %v, want %v", nodes, wantNodes)
	}
	for id, want := range wantNodes {
		if got := nodes[id]["events"]; got != want {
			t.Errorf("node %s events = %q, want %q", id, got, want)
		}
	}
	if got := nodes["SYR-GOV"]["label"]; got != "SYR GOV" {
		t.Errorf("label = %q", got)
	}
	edges := map[string]map[string]string{}
	for _, e := range g.Graph.Edges {
		d := map[string]string{}
		for _, x := range e.Data {
			if declared[x.Key] != "edge" {
				t.Errorf("edge %s→%s uses key %q not declared for edges", e.Source, e.Target, x.Key)
			}
			d[x.Key] = x.Value
		}
		if _, ok := nodes[e.Source]; !ok {
			t.Errorf("edge from unknown node %s", e.Source)
		}
		if _, ok := nodes[e.Target]; !ok {
			t.Errorf("edge to unknown node %s", e.Target)
		}
		edges[e.Source+">"+e.Target] = d
	}
	want := map[string]map[string]string{
		"SYR-GOV>RUS-GOV": {"weight": "2", "n_CONSULT": "1", "n_ACCUSE": "1", "mean_goldstein": "-0.05", "mean_plover_score": "0.5", "first_date": "2025-07-17", "last_date": "2025-10-15"},
		"SYR-MIL>RUS-GOV": {"weight": "1", "n_CONSULT": "1", "mean_goldstein": "1.9", "mean_plover_score": "4", "first_date": "2025-07-17", "last_date": "2025-07-17"},
		"RUS-GOV>SYR-GOV": {"weight": "1", "n_CONSULT": "1", "mean_goldstein": "1.9", "mean_plover_score": "4", "first_date": "2025-10-15", "last_date": "2025-10-15"},
		"SYR-GOV>IRN":     {"weight": "1", "n_ACCUSE": "1", "mean_goldstein": "-2", "mean_plover_score": "-3", "first_date": "2025-10-15", "last_date": "2025-10-15"},
	}
	if diff := cmp.Diff(want, edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}

func TestGeoJSON(t *testing.T) {
	evs := formatEvents()
	var b bytes.Buffer
	if err := GeoJSON(&b, evs); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
		Unlocated int `json:"unlocated"`
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatalf("GeoJSON does not parse: %v\n%s", err, b.String())
	}
	if fc.Type != "FeatureCollection" {
		t.Errorf("type = %q, want FeatureCollection", fc.Type)
	}
	var ids []string
	for _, f := range fc.Features {
		ids = append(ids, f.ID)
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
			t.Errorf("feature %s: type %q, geometry %q %v", f.ID, f.Type, f.Geometry.Type, f.Geometry.Coordinates)
		}
	}
	if diff := cmp.Diff([]string{"e1", "e3", "e5"}, ids); diff != "" {
		t.Errorf("features (-want +got):\n%s", diff)
	}
	if fc.Unlocated != 2 {
		t.Errorf("unlocated = %d, want 2 (e2 without place, e4 with an empty one)", fc.Unlocated)
	}
	f := fc.Features[0]
	if diff := cmp.Diff([]float64{37.62, 55.75}, f.Geometry.Coordinates); diff != "" {
		t.Errorf("coordinates are not [lon, lat] (-want +got):\n%s", diff)
	}
	wantProps := map[string]any{
		"id": "e1", "doc": "doc-1", "type": "CONSULT", "mode": "visit", "aux": "", "context": "",
		"date": "2025-07-17/2025-07-31", "date_start": "2025-07-17", "date_end": "2025-07-31",
		"actor": "SYR GOV;SYR MIL", "recipient": "RUS GOV", "place": "Moscow", "country": "RUS",
		"cameo": "042", "goldstein": 1.9, "plover_score": 4.0, "mentions": 2.0, "sentence": evs[0].SentenceText,
	}
	if diff := cmp.Diff(wantProps, f.Properties); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	if got := fc.Features[2].Geometry.Coordinates; got[0] != -97.74 || got[1] != 30.27 {
		t.Errorf("Austin at %v, want [-97.74 30.27]", got)
	}
}

func TestLocated(t *testing.T) {
	for _, tt := range []struct {
		name  string
		place *parley.Place
		want  bool
	}{
		{"none", nil, false},
		{"empty", &parley.Place{}, false},
		{"named at 0,0", &parley.Place{Name: "Null Island"}, true},
		{"NaN", &parley.Place{Name: "x", Lat: math.NaN()}, false},
		{"out of range", &parley.Place{Name: "x", Lat: 91}, false},
		{"ok", &parley.Place{Lat: -33.9, Lon: 18.4}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Located(&parley.Event{Place: tt.place}); got != tt.want {
				t.Errorf("Located = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWriteFormats(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, f, formatEvents()); err != nil {
				t.Fatal(err)
			}
			if b.Len() == 0 {
				t.Error("no output")
			}
		})
	}
}

// TestWriteFiles writes every format for the sample events to
// $PARLEY_EXPORT_DIR, when set, so that pandas, Gephi or QGIS can open them.
func TestWriteFiles(t *testing.T) {
	dir := os.Getenv("PARLEY_EXPORT_DIR")
	if dir == "" {
		t.Skip("PARLEY_EXPORT_DIR not set: nothing written for outside tools")
	}
	ext := map[string]string{"table": "txt", "gdelt": "tsv", "plover": "plover.jsonl"}
	for _, f := range Formats {
		name := "events." + f
		if e, ok := ext[f]; ok {
			name = "events." + e
		}
		var b bytes.Buffer
		if err := Write(&b, f, synthetic(200)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// synthetic makes n varied events for benchmarks.
func synthetic(n int) []parley.Event {
	codes := []string{"RUS", "SYR", "IRN", "USA", "TUR", "ISR", "IRQ", "LBN", "JOR", "SAU"}
	sectors := []string{"GOV", "MIL", "", "REB", "CVL"}
	types := []struct{ typ, mode, cameo string }{{"CONSULT", "visit", "042"}, {"ACCUSE", "", "112"}, {"ASSAULT", "aerial", "195"}, {"AGREE", "", "057"}}
	sentence := "Officials of one country met officials of another in the capital on Tuesday, a ministry said."
	evs := make([]parley.Event, n)
	for i := range evs {
		ty := types[i%len(types)]
		d := parley.Day(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365))
		e := parley.Event{
			ID: fmt.Sprintf("ev%06d", i), Doc: fmt.Sprintf("doc-%d", i/5), Article: fmt.Sprintf("%032x", i/5),
			Type: ty.typ, Mode: ty.mode, CAMEO: ty.cameo, Goldstein: float64(i%20) - 10, PLOVERScore: float64(i%21) - 10,
			Actors:     []parley.Actor{{Code: codes[i%len(codes)], Sector: sectors[i%len(sectors)]}},
			Recipients: []parley.Actor{{Code: codes[(i*7+3)%len(codes)], Sector: sectors[(i/3)%len(sectors)]}},
			Date:       &d, DateSource: parley.DateFromText,
			Sentence: parley.Span{Start: i % 500, End: i%500 + len(sentence)}, SentenceText: sentence,
			Trigger: parley.Span{Start: i%500 + 25, End: i%500 + 28}, Mentions: 1 + i%3,
		}
		if i%3 != 0 {
			e.Place = &parley.Place{Name: "Damascus", Country: "SYR", Lat: 33.51 + float64(i%10)/100, Lon: 36.29}
		}
		evs[i] = e
	}
	return evs
}

func benchmarkFormat(b *testing.B, write func(io.Writer, []parley.Event) error) {
	evs := synthetic(10_000)
	var cw countWriter
	if err := write(&cw, evs); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	for b.Loop() {
		if err := write(io.Discard, evs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func BenchmarkGDELT(b *testing.B) {
	benchmarkFormat(b, func(w io.Writer, e []parley.Event) error { return GDELT(w, e, false) })
}
func BenchmarkPLOVER(b *testing.B)  { benchmarkFormat(b, PLOVER) }
func BenchmarkParquet(b *testing.B) { benchmarkFormat(b, Parquet) }
func BenchmarkGraphML(b *testing.B) { benchmarkFormat(b, GraphML) }
func BenchmarkGeoJSON(b *testing.B) { benchmarkFormat(b, GeoJSON) }
