package score

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/parley-events/parley"
)

// trNewsSample is a hand-made file in TR-News's format: rune offsets, a
// curly apostrophe (3 bytes, 1 rune) before the toponyms, one toponym
// whose offsets are off by one (as about a tenth of TR-News's are), one
// without a GeoNames entry and one sea with no country.
const trNewsSample = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="d1">
    <title>Test </title>
    <text><![CDATA[Russia’s envoy went to Ankara, then Paris, Texas and the West Coast by the Red Sea.]]></text>
    <toponyms>
      <toponym><phrase>Russia</phrase><start>0</start><end>6</end>
        <gaztag geonameid="2017370"><name>Russia</name><fclass>A</fclass><fcode>PCLI</fcode><lat>60</lat><lon>100</lon><country geonameid="2017370">Russia</country></gaztag></toponym>
      <toponym><phrase>Ankara</phrase><start>23</start><end>29</end>
        <gaztag geonameid="323786"><name>Ankara</name><fclass>P</fclass><fcode>PPLC</fcode><lat>39.91987</lat><lon>32.85427</lon><country geonameid="298795">Turkey</country></gaztag></toponym>
      <toponym><phrase>Paris</phrase><start>37</start><end>42</end>
        <gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPLA2</fcode><lat>33.66094</lat><lon>-95.55551</lon><country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><phrase>Texas</phrase><start>44</start><end>49</end>
        <gaztag geonameid="4736286"><name>Texas</name><fclass>A</fclass><fcode>ADM1</fcode><lat>31.25044</lat><lon>-99.25061</lon><country geonameid="6252001">United States</country></gaztag></toponym>
      <toponym><phrase>West Coast</phrase><start>58</start><end>68</end></toponym>
      <toponym><phrase>Red Sea</phrase><start>76</start><end>83</end>
        <gaztag geonameid="350155"><name>Red Sea</name><fclass>H</fclass><fcode>SEA</fcode><lat>20.26735</lat><lon>38.52302</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
`

func sampleDocs(t *testing.T) []*GeoDoc {
	t.Helper()
	docs, err := parseTRNews("sample.xml", []byte(trNewsSample))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// at returns the byte span of the n-th occurrence (from 0) of s in text.
func at(text, s string, n int) parley.Span {
	off := 0
	for ; n > 0; n-- {
		off += strings.Index(text[off:], s) + len(s)
	}
	i := off + strings.Index(text[off:], s)
	return parley.Span{Start: i, End: i + len(s)}
}

func TestParseTRNews(t *testing.T) {
	docs := sampleDocs(t)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	type top struct {
		Phrase, In, Country string
		Resolved            bool
	}
	var got []top
	for _, g := range d.Toponyms {
		got = append(got, top{g.Phrase, g.Span.In(d.Text), g.Country, g.Resolved})
	}
	want := []top{
		{"Russia", "Russia", "RUS", true},
		{"Ankara", "Ankara", "TUR", true},
		{"Paris", "Paris", "USA", true},
		{"Texas", "Texas", "USA", true},
		{"West Coast", "West Coast", "", false},
		{"Red Sea", "Red Sea", "", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("toponyms mismatch (-want +got):\n%s", diff)
	}
	// The rune offsets 23-29 of Ankara are bytes 25-31 after the curly
	// apostrophe.
	if s := d.Toponyms[1].Span; s != (parley.Span{Start: 25, End: 31}) {
		t.Errorf("Ankara span = %v, want {25 31}", s)
	}
}

func TestParseTRNewsErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"bad offsets", strings.Replace(trNewsSample, "<start>23</start>", "<start>x</start>", 1), "bad offsets"},
		{"phrase absent", strings.Replace(trNewsSample, "<phrase>Ankara</phrase>", "<phrase>Izmir</phrase>", 1), `phrase "Izmir" not in the text`},
		{"unknown country", strings.Replace(trNewsSample, ">Turkey</country>", ">Atlantis</country>", 1), `unknown country "Atlantis"`},
		{"bad coordinates", strings.Replace(trNewsSample, "<lat>39.91987</lat>", "<lat>north</lat>", 1), "north"},
		{"not XML", "<articles><article>", "sample.xml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseTRNews("sample.xml", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseTRNews error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestScoreGeo(t *testing.T) {
	docs := sampleDocs(t)
	text := docs[0].Text
	pred := map[string][]GeoPrediction{"d1": {
		// Russia: a country placed at another nominal centre: right.
		{Span: at(text, "Russia", 0), Lat: 61.5, Lon: 105.3, Country: "RUS"},
		// Ankara: found, not placed.
		{Span: at(text, "Ankara", 0), Unresolved: true},
		// Paris: Paris, France: wrong place, wrong country.
		{Span: at(text, "Paris", 0), Lat: 48.85341, Lon: 2.3488, Country: "FRA"},
		// Texas: a span that overlaps, 30 km off.
		{Span: parley.Span{Start: at(text, "Texas", 0).Start, End: at(text, "Texas", 0).End + 4}, Lat: 31.5, Lon: -99.0, Country: "USA"},
		// West Coast: not counted, and not a false positive.
		{Span: at(text, "West Coast", 0), Lat: 40, Lon: -120, Country: "USA"},
		// "envoy": a false positive.
		{Span: at(text, "envoy", 0), Lat: 0, Lon: 0, Country: "GHA"},
	}}
	r := ScoreGeo(docs, pred)
	want := &GeoReport{
		Gold: "TR-News", Docs: 1, Toponyms: 5, Predicted: 6, Matched: 4,
		Recall: 0.8, Precision: 5.0 / 6,
		Within161:        Attr{Correct: 2, Total: 5, Accuracy: 0.4},
		Within161Strict:  Attr{Correct: 1, Total: 5, Accuracy: 0.2},
		Within161Matched: Attr{Correct: 2, Total: 4, Accuracy: 0.5},
		Country:          Attr{Correct: 2, Total: 4, Accuracy: 0.5},
		CountryMatched:   Attr{Correct: 2, Total: 4, Accuracy: 0.5},
		Errors: []GeoError{
			{Doc: "d1", Phrase: "Ankara", Gold: "Ankara, Turkey", Km: -1},
			{Doc: "d1", Phrase: "Paris", Gold: "Paris, United States", Country: "FRA", Lat: 48.85341, Lon: 2.3488, Km: 7723},
		},
		Misses:         []GeoToponymRef{{Doc: "d1", Phrase: "Red Sea", Gold: "Red Sea"}},
		FalsePositives: []GeoToponymRef{{Doc: "d1", Phrase: "envoy"}},
	}
	opts := []cmp.Option{cmpopts.EquateApprox(0, 1e-9), cmpopts.IgnoreFields(GeoReport{}, "MedianKm"), cmpopts.IgnoreFields(GeoError{}, "Km")}
	if diff := cmp.Diff(want, r, opts...); diff != "" {
		t.Errorf("ScoreGeo mismatch (-want +got):\n%s", diff)
	}
	if km := r.Errors[1].Km; math.Abs(km-7723) > 150 {
		t.Errorf("Paris error = %.0f km, want about 7723 (Paris, France to Paris, Texas)", km)
	}
	// Matched and resolved: Russia (about 330 km between the two centres), Paris, Texas.
	if r.MedianKm < 160 || r.MedianKm > 800 {
		t.Errorf("median error = %.0f km, want Russia's centre-to-centre distance, a few hundred km", r.MedianKm)
	}
}

func TestScoreGeoOneToOne(t *testing.T) {
	docs := sampleDocs(t)
	text := docs[0].Text
	// One prediction spanning Paris and Texas matches only one of them.
	s := parley.Span{Start: at(text, "Paris", 0).Start, End: at(text, "Texas", 0).End}
	r := ScoreGeo(docs, map[string][]GeoPrediction{"d1": {{Span: s, Lat: 33.66, Lon: -95.55, Country: "USA"}}})
	if r.Matched != 1 || r.Precision != 1 {
		t.Errorf("matched %d, precision %.2f; want 1 match and precision 1", r.Matched, r.Precision)
	}
}

func TestScoreGeoEmpty(t *testing.T) {
	r := ScoreGeo(nil, nil)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"errors":[]`, `"misses":[]`, `"false_positives":[]`, `"recall":0`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
}

func TestGeoWriteTable(t *testing.T) {
	docs := sampleDocs(t)
	text := docs[0].Text
	r := ScoreGeo(docs, map[string][]GeoPrediction{"d1": {{Span: at(text, "Paris", 0), Lat: 48.85, Lon: 2.35, Country: "FRA"}}})
	var b strings.Builder
	if err := r.WriteTable(&b, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"TR-News: 1 documents, 5 toponyms, 1 predicted, 1 matched",
		"recall                    0.200",
		"within 161 km             0.000  (0/5)",
		`wrong d1 "Paris": gold Paris, United States, predicted FRA`,
		`miss  d1 "Ankara": gold Ankara, Turkey`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

// TestLoadTRNewsFile reads the real TR-News file: every toponym is found
// in its text, and a perfect prediction scores 1.
func TestLoadTRNewsFile(t *testing.T) {
	docs, err := LoadTRNews(sharedGold(t, "geo/TR-News.xml"))
	if err != nil {
		t.Fatal(err)
	}
	n, resolved := 0, 0
	pred := map[string][]GeoPrediction{}
	for _, d := range docs {
		for _, g := range d.Toponyms {
			n++
			if g.Span.In(d.Text) != g.Phrase {
				t.Errorf("%s: toponym %q has span %v covering %q", d.ID, g.Phrase, g.Span, g.Span.In(d.Text))
			}
			if g.Resolved {
				resolved++
				pred[d.ID] = append(pred[d.ID], GeoPrediction{Span: g.Span, Lat: g.Lat, Lon: g.Lon, Country: g.Country})
			}
		}
	}
	t.Logf("TR-News: %d documents, %d toponyms, %d with a GeoNames entry", len(docs), n, resolved)
	if len(docs) != 118 || n != 1319 {
		t.Errorf("got %d documents and %d toponyms, want 118 and 1319", len(docs), n)
	}
	r := ScoreGeo(docs, pred)
	if r.Recall != 1 || r.Precision != 1 || r.Within161.Accuracy != 1 || r.Country.Accuracy != 1 {
		t.Errorf("gold scored against itself: recall %.3f precision %.3f within 161 km %.3f country %.3f, want all 1",
			r.Recall, r.Precision, r.Within161.Accuracy, r.Country.Accuracy)
	}
}
