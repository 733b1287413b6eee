package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/plover"
)

// GDELTHeader names the 61 columns of a GDELT 2.0 event table, in order
// (GDELT Event Codebook 2.0). GDELT's own files have no header; GDELT
// writes it only when asked.
var GDELTHeader = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// Column indexes into a GDELT row.
const (
	gEventID = iota
	gDay
	gMonthYear
	gYear
	gFractionDate
	gActor1 // Actor1Code; the Actor1 block has gActorCols columns
)

const (
	gActorCols   = 10
	gActor2      = gActor1 + gActorCols
	gIsRoot      = gActor2 + gActorCols
	gEventCode   = gIsRoot + 1
	gBaseCode    = gIsRoot + 2
	gRootCode    = gIsRoot + 3
	gQuadClass   = gIsRoot + 4
	gGoldstein   = gIsRoot + 5
	gNumMentions = gIsRoot + 6
	gNumSources  = gIsRoot + 7
	gNumArticles = gIsRoot + 8
	gAvgTone     = gIsRoot + 9
	gActor1Geo   = gAvgTone + 1 // each Geo block has gGeoCols columns
	gGeoCols     = 8
	gActionGeo   = gActor1Geo + 2*gGeoCols
	gDateAdded   = gActionGeo + gGeoCols
	gSourceURL   = gDateAdded + 1
	gColumns     = gSourceURL + 1
)

//go:embed fips.tsv
var fipsTSV string

// country is a row of fips.tsv.
type country struct {
	fips string // FIPS 10-4 code
	name string // upper case, as GDELT names countries
}

// loadCountries reads fips.tsv: iso3, fips, name; "#" lines are comments
// and the first other line is the header.
func loadCountries(src string) (map[string]country, error) {
	m := make(map[string]country, 256)
	header := true
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[0]) != 3 || len(f[1]) != 2 {
			return nil, fmt.Errorf("fips.tsv:%d: %q is not iso3<TAB>fips<TAB>name", n+1, line)
		}
		if _, dup := m[f[0]]; dup {
			return nil, fmt.Errorf("fips.tsv:%d: %s listed twice", n+1, f[0])
		}
		m[f[0]] = country{fips: f[1], name: f[2]}
	}
	return m, nil
}

// GDELT writes one GDELT 2.0 event-table row per event: 61 tab-separated
// columns in GDELT's order (GDELTHeader), no quoting, preceded by a header
// row when header is set. GDELT is dyadic: Actor1 is the event's first
// actor, Actor2 its first recipient. Columns parley has a meaning for are
// filled; the others are left empty:
//
//   - GlobalEventID: the first 53 bits of the FNV-1a hash of the event ID,
//     stable across runs and exact in a float64 (collisions are possible
//     but need about 10^8 events to become likely).
//   - Day (YYYYMMDD), MonthYear (YYYYMM), Year, FractionDate (year plus the
//     fraction of the year elapsed, 4 decimals): the first day of the
//     event's date; all empty for an undated event.
//   - ActorNCode: country code and sector joined, CAMEO style ("SYRGOV");
//     ActorNName: the person's or organisation's name, else the country's
//     name in upper case ("SYRIA"); ActorNCountryCode: parley's code (ISO
//     3166-1 alpha-3, as CAMEO uses, or IGO/NGO); ActorNType1Code: the
//     sector. KnownGroup, Ethnic, Religion and Type2/3 stay empty.
//   - IsRootEvent: 1 when the reporting sentence opens the article (GDELT:
//     the lead paragraph), else 0.
//   - EventCode, EventBaseCode (3 digits), EventRootCode (2 digits): the
//     event's CAMEO code and its prefixes.
//   - QuadClass: the PLOVER category's quad class from the codebook
//     (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
//     4 material conflict); for a category the codebook lacks, CAMEO's
//     grouping of the root code, as GDELT computes it.
//   - GoldsteinScale: the event's Goldstein score.
//   - NumMentions: the event's mentions (at least 1); NumSources and
//     NumArticles: 1 (each row is one article's report).
//   - AvgTone: empty (parley computes no tone).
//   - Actor1Geo_*, Actor2Geo_*: empty (parley locates events, not actors).
//   - ActionGeo_Type: 1 (country) when the place is a whole country, else 4
//     (world city: parley does not tell cities from regions), 3 for places
//     in the USA; ActionGeo_FullName: the place name; ActionGeo_CountryCode
//     and ActionGeo_ADM1Code: the FIPS 10-4 code of the place's country, as
//     GDELT writes it (from the embedded table fips.tsv; empty for a country
//     the table lacks); ActionGeo_Lat/Long; ADM2Code and FeatureID empty.
//   - DATEADDED: empty (the store keeps no ingest time and exports do not
//     read the clock).
//   - SOURCEURL: the article's Doc (its URL when the input gave one).
//
// Tabs and line breaks inside values become spaces and double quotes
// become single quotes, so that readers that honour quotes (pandas,
// encoding/csv) see exactly 61 columns.
func GDELT(w io.Writer, events []parley.Event, header bool) error {
	cb, err := plover.Default()
	if err != nil {
		return fmt.Errorf("gdelt: %w", err)
	}
	countries, err := loadCountries(fipsTSV)
	if err != nil {
		return fmt.Errorf("gdelt: %w", err)
	}
	bw := bufio.NewWriter(w)
	if header {
		bw.WriteString(strings.Join(GDELTHeader, "\t"))
		bw.WriteByte('\n')
	}
	row := make([]string, gColumns)
	for i := range events {
		clear(row)
		gdeltRow(row, &events[i], cb, countries)
		for j, v := range row {
			if j > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(tsvSafe(v))
		}
		if err := bw.WriteByte('\n'); err != nil {
			return fmt.Errorf("gdelt: event %s: %w", events[i].ID, err)
		}
	}
	return bw.Flush()
}

func gdeltRow(row []string, e *parley.Event, cb *plover.Codebook, countries map[string]country) {
	row[gEventID] = strconv.FormatUint(GlobalEventID(e.ID), 10)
	if e.Date != nil {
		d := e.Date.Start
		row[gDay] = d.Format("20060102")
		row[gMonthYear] = d.Format("200601")
		row[gYear] = d.Format("2006")
		days := time.Date(d.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
		row[gFractionDate] = strconv.FormatFloat(float64(d.Year())+float64(d.YearDay()-1)/days, 'f', 4, 64)
	}
	if len(e.Actors) > 0 {
		gdeltActor(row[gActor1:gActor2], e.Actors[0], countries)
	}
	if len(e.Recipients) > 0 {
		gdeltActor(row[gActor2:gIsRoot], e.Recipients[0], countries)
	}
	row[gIsRoot] = "0"
	if e.Sentence.Start == 0 && e.Sentence.End > 0 {
		row[gIsRoot] = "1"
	}
	if c := e.CAMEO; c != "" {
		row[gEventCode] = c
		row[gBaseCode] = c[:min(3, len(c))]
		row[gRootCode] = c[:min(2, len(c))]
	}
	if q := quadOf(cb, e); q != 0 {
		row[gQuadClass] = strconv.Itoa(int(q))
	}
	row[gGoldstein] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
	row[gNumMentions] = strconv.Itoa(max(e.Mentions, 1))
	row[gNumSources] = "1"
	row[gNumArticles] = "1"
	if p := e.Place; p != nil {
		g := row[gActionGeo : gActionGeo+gGeoCols]
		c, known := countries[p.Country]
		switch {
		case p.Name == "" || known && strings.EqualFold(p.Name, c.name) || p.Name == p.Country:
			g[0] = "1"
		case p.Country == "USA":
			g[0] = "3"
		default:
			g[0] = "4"
		}
		g[1] = p.Name
		if g[1] == "" && known {
			g[1] = c.name
		}
		g[2], g[3] = c.fips, c.fips
		g[5] = strconv.FormatFloat(p.Lat, 'f', -1, 64)
		g[6] = strconv.FormatFloat(p.Lon, 'f', -1, 64)
	}
	row[gSourceURL] = e.Doc
}

// gdeltActor fills one actor block: Code, Name, CountryCode, KnownGroup,
// Ethnic, Religion1, Religion2, Type1, Type2, Type3.
func gdeltActor(g []string, a parley.Actor, countries map[string]country) {
	g[0] = a.Code + a.Sector
	switch {
	case a.Name != "":
		g[1] = a.Name
	case a.Org != "":
		g[1] = a.Org
	default:
		g[1] = countries[a.Code].name
	}
	g[2] = a.Code
	g[7] = a.Sector
}

// GlobalEventID is the integer GDELT writes for an event ID: the FNV-1a
// 64-bit hash cut to 53 bits, so that it is positive and exact as a float64
// (JavaScript, pandas with missing values).
func GlobalEventID(id string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, id)
	return h.Sum64() & (1<<53 - 1)
}

// quadOf returns the event's quad class: its PLOVER category's in the
// codebook, else the CAMEO root code's (01–05 verbal cooperation, 06–09
// material cooperation, 10–14 verbal conflict, 15–20 material conflict), or
// 0 when neither is known.
func quadOf(cb *plover.Codebook, e *parley.Event) plover.Quad {
	if cat, ok := cb.Category(e.Type); ok {
		return cat.Quad
	}
	if len(e.CAMEO) < 2 {
		return 0
	}
	root, err := strconv.Atoi(e.CAMEO[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 5:
		return plover.VerbalCoop
	case root >= 6 && root <= 9:
		return plover.MaterialCoop
	case root >= 10 && root <= 14:
		return plover.VerbalConflict
	case root >= 15 && root <= 20:
		return plover.MaterialConflict
	}
	return 0
}

var tsvReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ", `"`, "'")

// tsvSafe makes v one unquoted TSV field.
func tsvSafe(v string) string {
	if !strings.ContainsAny(v, "\t\r\n\"") {
		return v
	}
	return tsvReplacer.Replace(v)
}
