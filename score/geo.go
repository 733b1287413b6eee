package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/data"
)

// GeoDoc is one TR-News article with its gold toponyms.
type GeoDoc struct {
	ID    string
	Title string
	// Text is the article text as the gold file holds it; every Span of
	// the document, gold and predicted, is a byte range of it.
	Text     string
	Toponyms []GeoToponym
}

// GeoToponym is a gold place name. TR-News counts demonyms ("Turkish") as
// toponyms of their country.
type GeoToponym struct {
	Span   parley.Span
	Phrase string
	// Resolved is false for the few toponyms the gold leaves without a
	// GeoNames entry; they are not counted, and a prediction on them is
	// not a false positive.
	Resolved  bool
	GeonameID int64
	Name      string
	// Code is the GeoNames feature code: PCLI for a country, ADM1, PPLC...
	Code     string
	Lat, Lon float64
	// Country is the alpha-3 code of the gold entry's country ("" for seas
	// and continents); CountryName the name the gold gives.
	Country     string
	CountryName string
}

// GeoPrediction is a place name a system marked, with where it put it.
type GeoPrediction struct {
	Span     parley.Span
	Lat, Lon float64
	Country  string // ISO 3166-1 alpha-3
	// Unresolved marks a name found but not placed: it counts for recall
	// and precision and is wrong for every accuracy.
	Unresolved bool
}

// GeoReport is the outcome of scoring toponym resolution.
type GeoReport struct {
	Gold      string `json:"gold"`
	Docs      int    `json:"docs"`
	Toponyms  int    `json:"toponyms"` // gold toponyms with a GeoNames entry
	Predicted int    `json:"predicted"`
	Matched   int    `json:"matched"` // gold toponyms a predicted span overlaps
	// Recall is Matched/Toponyms; Precision the share of predicted spans
	// that overlap a gold toponym.
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	// Within161 counts predictions within 161 km (100 miles) of the gold
	// coordinates over all gold toponyms (a miss or an unresolved name is
	// wrong); Within161Matched over matched ones only. A gold country
	// (feature code PCL*) counts as placed when the predicted country is
	// it: the GeoNames point of a country is one nominal centre among
	// several equally good ones (it lies 235 km from world-countries' for
	// the United States), so its distance says nothing about resolution.
	// Within161Strict measures distance alone, countries included.
	// Country and CountryMatched count the country, over gold toponyms
	// that have one.
	Within161        Attr `json:"within_161km"`
	Within161Strict  Attr `json:"within_161km_strict"`
	Within161Matched Attr `json:"within_161km_matched"`
	Country          Attr `json:"country"`
	CountryMatched   Attr `json:"country_matched"`
	// MedianKm is the median error over matched, resolved toponyms.
	MedianKm float64 `json:"median_km"`
	// Errors lists the matched toponyms placed more than 161 km off, or
	// not placed, and Misses the gold toponyms no prediction marked.
	Errors []GeoError      `json:"errors"`
	Misses []GeoToponymRef `json:"misses"`
	// FalsePositives are the predicted spans that overlap no gold toponym
	// (Gold is empty).
	FalsePositives []GeoToponymRef `json:"false_positives"`
}

// GeoError is a matched toponym placed wrong.
type GeoError struct {
	Doc     string  `json:"doc"`
	Phrase  string  `json:"phrase"`
	Gold    string  `json:"gold"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Km      float64 `json:"km"` // -1 when unresolved
}

// GeoToponymRef names a gold toponym in a report.
type GeoToponymRef struct {
	Doc    string `json:"doc"`
	Phrase string `json:"phrase"`
	Gold   string `json:"gold"`
}

// trNews is the XML form of TR-News.
type trNews struct {
	Articles []struct {
		DocID    string `xml:"docid,attr"`
		Title    string `xml:"title"`
		Text     string `xml:"text"`
		Toponyms []struct {
			Phrase string `xml:"phrase"`
			Start  string `xml:"start"`
			End    string `xml:"end"`
			Gaztag *struct {
				ID      string `xml:"geonameid,attr"`
				Name    string `xml:"name"`
				Code    string `xml:"fcode"`
				Lat     string `xml:"lat"`
				Lon     string `xml:"lon"`
				Country string `xml:"country"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// LoadTRNews reads the TR-News gold file. Its start/end offsets count
// runes (code points) and are turned into byte spans. About one toponym in
// ten is off by a few characters in the file; each is moved to the nearest
// occurrence of its phrase. Every malformed toponym is reported.
func LoadTRNews(path string) ([]*GeoDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseTRNews(filepath.Base(path), b)
}

func parseTRNews(name string, b []byte) ([]*GeoDoc, error) {
	var x trNews
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	codes, err := countryCodes()
	if err != nil {
		return nil, err
	}
	var errs []error
	var docs []*GeoDoc
	for _, a := range x.Articles {
		d := &GeoDoc{ID: a.DocID, Title: strings.TrimSpace(a.Title), Text: a.Text}
		offsets := runeOffsets(d.Text)
		for i, t := range a.Toponyms {
			start, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
			end, err2 := strconv.Atoi(strings.TrimSpace(t.End))
			if err := errors.Join(err1, err2); err != nil || start < 0 || end < start {
				errs = append(errs, fmt.Errorf("%s: article %s toponym %d (%q): bad offsets %q-%q", name, a.DocID, i+1, t.Phrase, t.Start, t.End))
				continue
			}
			span, ok := locatePhrase(d.Text, offsets, t.Phrase, start, end)
			if !ok {
				errs = append(errs, fmt.Errorf("%s: article %s toponym %d: phrase %q not in the text", name, a.DocID, i+1, t.Phrase))
				continue
			}
			g := GeoToponym{Span: span, Phrase: t.Phrase}
			if z := t.Gaztag; z != nil {
				g.Resolved = true
				g.Name = z.Name
				g.Code = strings.TrimSpace(z.Code)
				g.CountryName = strings.TrimSpace(z.Country)
				g.Country = codes[countryKey(g.CountryName)]
				var e1, e2, e3 error
				g.GeonameID, e1 = strconv.ParseInt(z.ID, 10, 64)
				g.Lat, e2 = strconv.ParseFloat(strings.TrimSpace(z.Lat), 64)
				g.Lon, e3 = strconv.ParseFloat(strings.TrimSpace(z.Lon), 64)
				if err := errors.Join(e1, e2, e3); err != nil {
					errs = append(errs, fmt.Errorf("%s: article %s toponym %d (%q): %w", name, a.DocID, i+1, t.Phrase, err))
					continue
				}
				if g.CountryName != "" && g.Country == "" {
					errs = append(errs, fmt.Errorf("%s: article %s toponym %d: unknown country %q", name, a.DocID, i+1, g.CountryName))
					continue
				}
			}
			d.Toponyms = append(d.Toponyms, g)
		}
		slices.SortStableFunc(d.Toponyms, func(a, b GeoToponym) int { return a.Span.Start - b.Span.Start })
		docs = append(docs, d)
	}
	return docs, errors.Join(errs...)
}

// runeOffsets maps a rune index to its byte offset; the last entry is
// len(text).
func runeOffsets(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// locatePhrase returns the byte span of phrase at rune offsets
// [start, end), or of its occurrence nearest to start when the offsets
// are off.
func locatePhrase(text string, offs []int, phrase string, start, end int) (parley.Span, bool) {
	if end < len(offs) {
		s := parley.Span{Start: offs[start], End: offs[end]}
		if s.In(text) == phrase {
			return s, true
		}
	}
	if phrase == "" {
		return parley.Span{}, false
	}
	want := len(text)
	if start < len(offs) {
		want = offs[start]
	}
	best, found := 0, false
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			break
		}
		at := i + j
		if !found || abs(at-want) < abs(best-want) {
			best, found = at, true
		}
		_, n := utf8.DecodeRuneInString(text[at:])
		i = at + n
	}
	return parley.Span{Start: best, End: best + len(phrase)}, found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// countryCodes maps folded country names and aliases to alpha-3 codes,
// from the gazetteer's country tables in data.Places.
func countryCodes() (map[string]string, error) {
	codes := map[string]string{}
	for _, name := range []string{"places/countries.tsv", "places/extra.tsv"} {
		b, err := fs.ReadFile(data.Places, name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) != 10 || f[1] != "country" {
				continue
			}
			for _, n := range append(strings.Split(f[9], ";"), f[4]) {
				if n != "" {
					codes[countryKey(n)] = f[3]
				}
			}
		}
	}
	return codes, nil
}

func countryKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ScoreGeo scores predicted place names against TR-News documents.
// predicted maps a document's ID to its predictions, spans being byte
// ranges of GeoDoc.Text. Each gold toponym is matched to at most one
// prediction whose span overlaps it, and each prediction to one toponym.
func ScoreGeo(docs []*GeoDoc, predicted map[string][]GeoPrediction) *GeoReport {
	r := &GeoReport{Gold: "TR-News", Docs: len(docs)}
	var kms []float64
	for _, d := range docs {
		preds := slices.Clone(predicted[d.ID])
		slices.SortStableFunc(preds, func(a, b GeoPrediction) int { return a.Span.Start - b.Span.Start })
		used := make([]bool, len(preds))
		onGold := make([]bool, len(preds))
		r.Predicted += len(preds)
		for _, g := range d.Toponyms {
			match := -1
			for i, p := range preds {
				if p.Span.Overlaps(g.Span) {
					onGold[i] = true
					if match < 0 && !used[i] {
						match = i
					}
				}
			}
			if !g.Resolved {
				continue
			}
			r.Toponyms++
			hasCountry := g.Country != ""
			if hasCountry {
				r.Country.Total++
			}
			r.Within161.Total++
			r.Within161Strict.Total++
			ref := GeoToponymRef{Doc: d.ID, Phrase: g.Phrase, Gold: goldName(g)}
			if match < 0 {
				r.Misses = append(r.Misses, ref)
				continue
			}
			used[match] = true
			p := preds[match]
			r.Matched++
			r.Within161Matched.Total++
			if hasCountry {
				r.CountryMatched.Total++
			}
			km := -1.0
			if !p.Unresolved {
				km = haversineKm(g.Lat, g.Lon, p.Lat, p.Lon)
				kms = append(kms, km)
				if km <= 161 {
					r.Within161Strict.Correct++
				}
				if km <= 161 || strings.HasPrefix(g.Code, "PCL") && p.Country == g.Country && hasCountry {
					r.Within161.Correct++
					r.Within161Matched.Correct++
					km = 0 // not an error
				}
				if hasCountry && p.Country == g.Country {
					r.Country.Correct++
					r.CountryMatched.Correct++
				}
			}
			if km < 0 || km > 161 {
				r.Errors = append(r.Errors, GeoError{Doc: d.ID, Phrase: g.Phrase, Gold: ref.Gold, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Km: math.Round(km)})
			}
		}
		for i, p := range preds {
			if onGold[i] {
				r.Precision++
			} else {
				r.FalsePositives = append(r.FalsePositives, GeoToponymRef{Doc: d.ID, Phrase: p.Span.In(d.Text)})
			}
		}
	}
	if r.Predicted > 0 {
		r.Precision /= float64(r.Predicted)
	}
	if r.Toponyms > 0 {
		r.Recall = float64(r.Matched) / float64(r.Toponyms)
	}
	for _, a := range []*Attr{&r.Within161, &r.Within161Strict, &r.Within161Matched, &r.Country, &r.CountryMatched} {
		a.finish()
	}
	if len(kms) > 0 {
		slices.Sort(kms)
		r.MedianKm = kms[len(kms)/2]
		if len(kms)%2 == 0 {
			r.MedianKm = (kms[len(kms)/2-1] + kms[len(kms)/2]) / 2
		}
	}
	return r
}

func goldName(g GeoToponym) string {
	if g.CountryName == "" || g.CountryName == g.Name {
		return g.Name
	}
	return g.Name + ", " + g.CountryName
}

// haversineKm is the great-circle distance between two points.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// geoReportJSON keeps MarshalJSON from calling itself.
type geoReportJSON GeoReport

// MarshalJSON writes the report with its lists never null.
func (r *GeoReport) MarshalJSON() ([]byte, error) {
	w := geoReportJSON(*r)
	if w.Errors == nil {
		w.Errors = []GeoError{}
	}
	if w.Misses == nil {
		w.Misses = []GeoToponymRef{}
	}
	if w.FalsePositives == nil {
		w.FalsePositives = []GeoToponymRef{}
	}
	return json.Marshal(w)
}

// WriteTable writes the measures as a table; verbose adds every toponym
// placed wrong, every miss and every false positive.
func (r *GeoReport) WriteTable(w io.Writer, verbose bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d documents, %d toponyms, %d predicted, %d matched\n\n", r.Gold, r.Docs, r.Toponyms, r.Predicted, r.Matched)
	fmt.Fprintf(&b, "%-22s %8s\n", "measure", "value")
	fmt.Fprintf(&b, "%-22s %8.3f\n", "recall", r.Recall)
	fmt.Fprintf(&b, "%-22s %8.3f\n", "precision", r.Precision)
	for _, a := range []struct {
		name string
		a    Attr
	}{
		{"within 161 km", r.Within161}, {"within 161 km matched", r.Within161Matched},
		{"within 161 km strict", r.Within161Strict},
		{"country", r.Country}, {"country matched", r.CountryMatched},
	} {
		fmt.Fprintf(&b, "%-22s %8.3f  (%d/%d)\n", a.name, a.a.Accuracy, a.a.Correct, a.a.Total)
	}
	fmt.Fprintf(&b, "%-22s %8.1f\n", "median error km", r.MedianKm)
	if verbose {
		for _, e := range r.Errors {
			where := "unresolved"
			if e.Km >= 0 {
				where = fmt.Sprintf("%s %.3f,%.3f (%.0f km)", e.Country, e.Lat, e.Lon, e.Km)
			}
			fmt.Fprintf(&b, "  wrong %s %q: gold %s, predicted %s\n", e.Doc, e.Phrase, e.Gold, where)
		}
		for _, m := range r.Misses {
			fmt.Fprintf(&b, "  miss  %s %q: gold %s\n", m.Doc, m.Phrase, m.Gold)
		}
		for _, m := range r.FalsePositives {
			fmt.Fprintf(&b, "  false %s %q\n", m.Doc, m.Phrase)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
