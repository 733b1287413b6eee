package place_test

import (
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/data"
	"github.com/parley-events/parley/place"
	"github.com/parley-events/parley/sentence"
)

func TestKey(t *testing.T) {
	same := [][]string{
		{"Hmeimim", "Khmeimim", "HMEIMIM"},
		{"Sweida", "Suwayda", "As-Suwayda", "Al-Suwayda", "as Suwayda"},
		{"Deir ez-Zor", "Deir al-Zor", "Deir el-Zor"},
		{"Tartus", "Tartous", "Ţarţūs"},
		{"Qamishli", "Kamishli"},
		{"Salamiyah", "Salamiyeh", "Salamiya"},
		{"Darayya", "Daraya"},
		{"U.S.", "US"},
		{"the Golan Heights", "Golan Heights", "Golan-Heights"},
	}
	for _, names := range same {
		t.Run(names[0], func(t *testing.T) {
			want := place.Key(names[0])
			for _, n := range names[1:] {
				if got := place.Key(n); got != want {
					t.Errorf("Key(%q) = %q, want %q (Key(%q))", n, got, want, names[0])
				}
			}
		})
	}
	differ := [][2]string{{"Hama", "Hamas"}, {"Homs", "Hama"}, {"Paris", "Parish"}, {"Iran", "Iraq"}}
	for _, p := range differ {
		if place.Key(p[0]) == place.Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q, want them to differ", p[0], p[1], place.Key(p[0]))
		}
	}
}

// found is what a test checks of a mention.
type found struct {
	Text    string
	Country string // "" when unresolved
	Class   string
}

func locate(t testing.TB, g *place.Gazetteer, text string) ([]place.Mention, []parley.Sentence) {
	t.Helper()
	sents := sentence.NewSplitter().Split(text)
	return g.Locate(text, sents), sents
}

func summary(ms []place.Mention) []found {
	var out []found
	for _, m := range ms {
		f := found{Text: m.Text}
		if m.Feature != nil {
			f.Country, f.Class = m.Feature.Country, m.Feature.Class
		}
		out = append(out, f)
	}
	return out
}

func TestLocate(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text string
		want       []found
	}{
		{"Paris France", "Macron spoke in Paris on Monday.",
			[]found{{"Paris", "FRA", "city"}}},
		{"Paris, Texas", "The storm hit Paris, Texas, overnight.",
			[]found{{"Paris", "USA", "city"}, {"Texas", "USA", "admin1"}}},
		{"Tripoli in Lebanon", "Lebanese troops deployed in Tripoli after clashes with gunmen. Lebanon's army said the city was calm.",
			[]found{{"Lebanese", "LBN", "country"}, {"Tripoli", "LBN", "city"}, {"Lebanon", "LBN", "country"}}},
		{"Tripoli in Libya", "Libyan militias clashed in Tripoli. The fighting in Libya's capital went on.",
			[]found{{"Libyan", "LBY", "country"}, {"Tripoli", "LBY", "city"}, {"Libya", "LBY", "country"}}},
		{"Hama is not Hamas", "Hamas fighters were not in Hama, the Syrian city.",
			[]found{{"Hama", "SYR", "city"}, {"Syrian", "SYR", "country"}}},
		{"demonyms and countries", "A Turkish policeman shot Russia's ambassador to Turkey.",
			[]found{{"Turkish", "TUR", "country"}, {"Russia", "RUS", "country"}, {"Turkey", "TUR", "country"}}},
		{"persons are not places", "President Vladimir Putin met Andrei Karlov.",
			nil},
		{"regions and seas", "Fighting in southern Syria spread as ships crossed the Strait of Hormuz and the Red Sea.",
			[]found{{"southern Syria", "SYR", "region"}, {"Strait of Hormuz", "", "water"}, {"Red Sea", "", "water"}}},
		{"province", "Shelling hit Idlib province and the Golan Heights.",
			[]found{{"Idlib province", "SYR", "admin1"}, {"Golan Heights", "ISR", "admin1"}}},
		{"crossings and bases", "Aid passed Bab al-Hawa while jets left the Hmeimim air base.",
			[]found{{"Bab al-Hawa", "SYR", "crossing"}, {"Hmeimim air base", "SYR", "base"}}},
		{"sentence-initial words", "Drug abuse is rising. She said so. Most people agree.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, _ := locate(t, g, tt.text)
			if diff := cmp.Diff(tt.want, summary(ms)); diff != "" {
				t.Errorf("Locate(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			for _, m := range ms {
				if m.Span.In(tt.text) != m.Text {
					t.Errorf("mention %q has span %v, which covers %q", m.Text, m.Span, m.Span.In(tt.text))
				}
			}
		})
	}
}

// TestLocateContext checks that the countries an article names, and
// above all those of the same sentence, choose among places of one name,
// and that a capital or a big city still wins when nothing points
// elsewhere. The texts are written for the test.
func TestLocateContext(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text string
		place      string // the mention checked (its first occurrence)
		want       string // its country; "" for unresolved
		alsoOK     string // another acceptable answer ("" for unresolved)
	}{
		{"the sentence's demonym over an article about two other countries",
			"Russia accused the United States of meddling on Tuesday. Moscow said Washington had broken its word. Russian diplomats will meet American envoys again in May. Separately, a truck bomb went off near the town of Samarra, killing five soldiers, Iraqi officials said.",
			"Samarra", "IRQ", "IRQ"},
		{"a demonym in apposition",
			"Libya's two governments traded blame for the blackout. Libyan engineers said repairs would take weeks. Elsewhere, three people died in a gun battle in Tripoli, a Lebanese city on the Mediterranean, police said.",
			"Tripoli", "LBN", "LBN"},
		{"a demonym of the actors in the sentence",
			"Libya's parliament met on Monday. Libyan lawmakers voted on the budget. The vote in Libya was close. On Tuesday Lebanese soldiers raided a hideout in Tripoli.",
			"Tripoli", "LBN", "LBN"},
		{"the sentence over a bigger country share",
			"Washington urged calm and the United States sent an envoy; American diplomats were worried. Egyptian riot police dispersed a march in Alexandria.",
			"Alexandria", "EGY", "EGY"},
		{"the country named in the article",
			"Syrian and Libyan delegations met. Syria and Libya signed a trade deal. Shelling in Homs resumed on Friday.",
			"Homs", "SYR", "SYR"},
		{"a small town of the state the article names",
			"Kentucky troopers arrested a man on Friday. He was stopped on a highway outside Paris after a chase. Kentucky State Police said he was released on bond.",
			"Paris", "USA", "USA"},
		{"London after Ontario and Toronto",
			"Ontario will fund two new shelters. Toronto gets one of them. The other opens in London next spring.",
			"London", "CAN", "CAN"},
		{"no evidence: the capital",
			"Gunmen attacked a hotel in Tripoli on Saturday.",
			"Tripoli", "LBY", "LBY"},
		{"no evidence: the big city",
			"Thousands of people marched in Paris on Sunday.",
			"Paris", "FRA", "FRA"},
		{"other countries elsewhere do not move a capital far",
			"American and Russian officials traded charges. The U.S. said Moscow lied. He had served in Russia and Paris and later in London. Washington declined to comment.",
			"Paris", "FRA", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, _ := locate(t, g, tt.text)
			for _, m := range ms {
				if m.Text != tt.place {
					continue
				}
				got := ""
				if m.Feature != nil {
					got = m.Feature.Country + " (" + m.Feature.Name + ")"
					if m.Feature.Country == tt.want || m.Feature.Country == tt.alsoOK {
						return
					}
				} else if tt.alsoOK == "" {
					return
				}
				t.Errorf("%q resolved to %q, want %s", tt.place, got, tt.want)
				return
			}
			t.Errorf("%q not found in %+v", tt.place, summary(ms))
		})
	}
}

// TestVariants checks that transliterations of one name reach one place.
func TestVariants(t *testing.T) {
	g := mustDefault(t)
	for _, names := range [][]string{
		{"Hmeimim", "Khmeimim", "Humaymim"},
		{"Sweida", "Suwayda", "As-Suwayda"},
		{"Deir ez-Zor", "Deir al-Zor"},
		{"Tartus", "Tartous"},
	} {
		t.Run(names[0], func(t *testing.T) {
			var want int64
			for i, n := range names {
				ms, _ := locate(t, g, "Officials arrived in "+n+" on Monday.")
				if len(ms) != 1 || ms[0].Feature == nil {
					t.Fatalf("Locate found %+v for %q, want one resolved place", ms, n)
				}
				f := ms[0].Feature
				if f.Country != "SYR" {
					t.Errorf("%s resolved to %+v, want a place in SYR", n, f)
				}
				if i == 0 {
					want = f.ID
				} else if f.ID != want {
					t.Errorf("%s resolved to %d (%s), want %d like %s", n, f.ID, f.Name, want, names[0])
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name        string
		wantCountry string // of the best candidate; "" for none
		wantClass   string
	}{
		{"Moscow", "RUS", "city"},
		{"moscow", "RUS", "city"},
		{"Syria", "SYR", "country"},
		{"Syrian", "SYR", "country"},
		{"Hamas", "", ""},
		{"Tripoli", "LBY", "city"},
		{"Kurdistan Region", "IRQ", "admin1"},
		{"Gaza Strip", "PSE", "admin1"},
		{"Crimea", "UKR", "admin1"},
		{"Donbas", "UKR", "admin1"},
		{"Bab el-Mandeb", "", "water"},
		{"Kerem Shalom", "ISR", "crossing"},
		{"Nasib", "SYR", "crossing"},
		{"Jaber", "SYR", "crossing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := g.Lookup(tt.name)
			if tt.wantClass == "" {
				if len(fs) != 0 {
					t.Errorf("Lookup(%q) = %v, want nothing", tt.name, fs)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("Lookup(%q) found nothing, want %s %s", tt.name, tt.wantCountry, tt.wantClass)
			}
			if fs[0].Country != tt.wantCountry || fs[0].Class != tt.wantClass {
				t.Errorf("Lookup(%q)[0] = %+v, want country %q class %q", tt.name, fs[0], tt.wantCountry, tt.wantClass)
			}
		})
	}
}

func TestEventPlace(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text string
		sent       int
		trigger    string // the first occurrence in the sentence
		want       *parley.Place
	}{
		{"met in Moscow", "Lavrov and Shibani met in Moscow on Thursday.", 0, "met",
			&parley.Place{Name: "Moscow", Country: "RUS"}},
		{"capital as actor", "Tehran said it would respond to the strikes.", 0, "said", nil},
		{"Moscow hosted", "Moscow hosted talks between Syrian and Turkish officials.", 0, "talks",
			&parley.Place{Name: "Moscow", Country: "RUS"}},
		{"shelling in Suwayda", "Government shelling in Suwayda killed three people.", 0, "shelling",
			&parley.Place{Country: "SYR"}},
		{"country only", "Russia condemned the attack.", 0, "condemned", nil},
		{"narrative venue", "Lavrov met Shibani in Moscow on Thursday. Later, at the State Guest House, they signed an agreement.", 1, "signed",
			&parley.Place{Name: "Moscow", Country: "RUS"}},
		{"no venue, no inheritance", "Lavrov met Shibani in Moscow on Thursday. Iran criticized the deal.", 1, "criticized", nil},
		{"nearest to the trigger", "After talks in Ankara, ministers met in Damascus.", 0, "met",
			&parley.Place{Name: "Damascus", Country: "SYR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, sents := locate(t, g, tt.text)
			s := sents[tt.sent]
			i := strings.Index(s.Span.In(tt.text), tt.trigger)
			if i < 0 {
				t.Fatalf("trigger %q not in sentence %d", tt.trigger, tt.sent)
			}
			trig := parley.Span{Start: s.Span.Start + i, End: s.Span.Start + i + len(tt.trigger)}
			got := g.EventPlace(ms, sents, tt.sent, trig, tt.text)
			switch {
			case tt.want == nil && got != nil:
				t.Errorf("EventPlace = %+v, want nil", got)
			case tt.want != nil && got == nil:
				t.Errorf("EventPlace = nil, want %+v", tt.want)
			case tt.want != nil && (got.Country != tt.want.Country || tt.want.Name != "" && got.Name != tt.want.Name):
				t.Errorf("EventPlace = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestEventPlaceBadSentence(t *testing.T) {
	g := mustDefault(t)
	if p := g.EventPlace(nil, nil, 3, parley.Span{}, ""); p != nil {
		t.Errorf("EventPlace with no sentences = %+v, want nil", p)
	}
}

func TestLoadErrors(t *testing.T) {
	const header = "id\tclass\tcode\tcountry\tname\tlat\tlon\tpopulation\taltcount\taliases\n"
	fsys := fstest.MapFS{
		"countries.tsv": {Data: []byte(header + "\tcountry\tPCLI\tSYR\tSyria\t35\t38\t\t23\tSyrian\n")},
		"regions.tsv":   {Data: []byte(header + "\tadmin1\tADM1\tSYR\tIdlib Governorate\t95\t36\t\t\t\n")},
		"extra.tsv": {Data: []byte(header +
			"\tcountry\tPCLI\tXXX\tNowhere\t\t\t\t\tNoland\n" +
			"\tplanet\tX\t\tMars\t1\t1\t\t\t\n" +
			"too\tfew\tcolumns\n")},
		"cities.tsv.gz": {Data: []byte("not gzip")},
		"notplaces.txt": {Data: []byte("Police\n")},
	}
	_, err := place.Load(fsys)
	if err == nil {
		t.Fatal("Load of bad tables succeeded, want errors")
	}
	for _, want := range []string{
		"regions.tsv:2: latitude \"95\"",
		"extra.tsv:2: aliases for unknown country \"XXX\"",
		"extra.tsv:3: unknown class \"planet\"",
		"extra.tsv:4: 3 columns",
		"cities.tsv.gz:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Load error %q does not report %q", err, want)
		}
	}
}

func TestLoadEmbedded(t *testing.T) {
	g := mustDefault(t)
	if n := g.Len(); n < 25000 {
		t.Errorf("the embedded gazetteer has %d features, want at least 25000", n)
	}
}

func FuzzLocate(f *testing.F) {
	for _, s := range []string{
		"Lavrov met Shibani in Moscow on Thursday.",
		"The storm hit Paris, Texas, overnight.",
		"Shelling in As-Suwayda and Deir ez-Zor; jets left Khmeimim.",
		"at the State Guest House, they signed",
		"Ţarţūs\u0301 in  southern   Syria",
		"In\nIdlib province",
		"",
	} {
		f.Add(s)
	}
	g := mustDefault(f)
	split := sentence.NewSplitter()
	f.Fuzz(func(t *testing.T, text string) {
		for _, sents := range [][]parley.Sentence{nil, split.Split(text)} {
			ms := g.Locate(text, sents)
			prev := 0
			for _, m := range ms {
				if m.Span.Start < prev || m.Span.End <= m.Span.Start || m.Span.End > len(text) {
					t.Fatalf("mention %+v out of order or out of bounds (len %d, previous end %d)", m, len(text), prev)
				}
				if m.Text != m.Span.In(text) {
					t.Fatalf("mention text %q, span covers %q", m.Text, m.Span.In(text))
				}
				if m.Score <= 0 || m.Score > 1 {
					t.Fatalf("mention %q score %v, want (0, 1]", m.Text, m.Score)
				}
				prev = m.Span.End
			}
			if len(sents) > 0 {
				g.EventPlace(ms, sents, len(sents)-1, sents[len(sents)-1].Span, text)
			}
		}
	})
}

// BenchmarkLoad measures loading the embedded gazetteer, and reports the
// heap the loaded gazetteer keeps (MB-kept).
func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(data.Places, "places")
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := place.Load(sub)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := place.Load(sub); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-kept")
}

// benchText is news-like text written for the benchmark.
const benchText = `Russian Foreign Minister Sergey Lavrov met his Syrian counterpart in Moscow on Thursday, a day after Turkish and Iranian envoys held talks in Ankara. Shelling in Suwayda province killed three people, the Syrian Observatory said, while aid trucks waited at the Bab al-Hawa crossing near Idlib. Later, at the State Guest House, the ministers signed an agreement on the Hmeimim air base and the Tartus naval facility. Israel struck targets in southern Syria and the Golan Heights; tankers crossed the Strait of Hormuz and the Red Sea. In Paris, Texas, and in London, Ontario, officials watched the news from Washington, Tehran and Beijing.
`

func BenchmarkLocate(b *testing.B) {
	g := mustDefault(b)
	text := strings.Repeat(benchText, 20)
	sents := sentence.NewSplitter().Split(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Locate(text, sents)
	}
}

func TestEventPlaceFor(t *testing.T) {
	g := mustDefault(t)
	state := func(codes ...string) []parley.Actor {
		var as []parley.Actor
		for _, c := range codes {
			as = append(as, parley.Actor{Code: c, Sector: "GOV"})
		}
		return as
	}
	tests := []struct {
		name, text string
		sent       int
		trigger    string
		typ, mode  string
		actors     []parley.Actor
		recipients []parley.Actor
		want       *parley.Place // nil: no place
	}{
		{"visit cue in the next sentence: the host's capital",
			"Iran's foreign minister met his Omani counterpart on Monday to discuss developments in Yemen. The visit was his first since May.",
			0, "met", "CONSULT", "", state("IRN"), state("OMN"), &parley.Place{Name: "Muscat", Country: "OMN"}},
		{"mode visit: the host's capital",
			"President Erdogan received Iraq's prime minister on Sunday.",
			0, "received", "CONSULT", "visit", state("IRQ"), state("TUR"), &parley.Place{Name: "Ankara", Country: "TUR"}},
		{"narrative place of a press conference",
			"Turkish and Qatari ministers met in Doha on Sunday. At a news conference, the Turkish minister condemned the strikes.",
			1, "condemned", "ACCUSE", "", state("TUR"), nil, &parley.Place{Name: "Doha", Country: "QAT"}},
		{"narrative place across a heading",
			"Turkish and Qatari ministers met in Doha on Sunday.\nWhat Did They Say?\nThe Turkish minister praised the talks.",
			2, "praised", "SUPPORT", "", state("TUR"), nil, &parley.Place{Name: "Doha", Country: "QAT"}},
		{"an outsider is not in the narrative",
			"Turkish and Qatari ministers met in Doha on Sunday. Iran criticized the talks.",
			1, "criticized", "ACCUSE", "", state("IRN"), nil, nil},
		{"a noun's place is not the statement's",
			"Speaking in Ankara, the minister blamed the escalation in Idlib on rebel shelling.",
			0, "blamed", "ACCUSE", "", state("TUR"), nil, &parley.Place{Name: "Ankara", Country: "TUR"}},
		{"a material event takes the place its sentence gives",
			"Speaking in Ankara, the minister blamed the escalation in Idlib on rebel shelling.",
			0, "shelling", "ASSAULT", "", state("SYR"), nil, &parley.Place{Country: "SYR"}},
		{"bases in Tartus are not where the thanks were said",
			"The minister thanked the army for protecting the bases in Tartus.",
			0, "thanked", "SUPPORT", "", state("RUS"), state("SYR"), nil},
		{"a scheduled summit sets no narrative place",
			"The summit, scheduled to take place in Cairo in May, was discussed. Egypt's minister then signed the deal.",
			1, "signed", "AGREE", "", state("EGY"), nil, nil},
		{"an attack on a state with no place: that state",
			"Egyptian jets struck the positions overnight.",
			0, "struck", "ASSAULT", "", state("EGY"), state("LBY"), &parley.Place{Country: "LBY"}},
		{"a phone call has no place",
			"Lavrov met Fidan in Moscow on Monday. Putin and Erdogan later spoke by phone.",
			1, "spoke", "CONSULT", "phone", state("RUS"), state("TUR"), nil},
		{"visited names the place",
			"Larijani visited Moscow for the third time since the summer.",
			0, "visited", "CONSULT", "visit", state("IRN"), state("RUS"), &parley.Place{Name: "Moscow", Country: "RUS"}},
		{"a demonym before a noun is no place",
			"Lavrov met Shibani for talks that touched on Russia's role in the Syrian file.",
			0, "met", "CONSULT", "", state("RUS"), state("SYR"), nil},
		{"a clause of its own is cut off",
			"The envoy met the minister to discuss the situation in Gaza.",
			0, "met", "CONSULT", "", state("QAT"), state("EGY"), nil},
		{"a region is named as news names it",
			"Government shelling in the Suwayda province killed three people.",
			0, "shelling", "ASSAULT", "", state("SYR"), nil, &parley.Place{Name: "Suwayda", Country: "SYR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, sents := locate(t, g, tt.text)
			if tt.sent >= len(sents) {
				t.Fatalf("%d sentences, want more than %d", len(sents), tt.sent)
			}
			s := sents[tt.sent]
			i := strings.Index(s.Span.In(tt.text), tt.trigger)
			if i < 0 {
				t.Fatalf("trigger %q not in sentence %d", tt.trigger, tt.sent)
			}
			e := &parley.Event{Type: tt.typ, Mode: tt.mode, Actors: tt.actors, Recipients: tt.recipients,
				Trigger: parley.Span{Start: s.Span.Start + i, End: s.Span.Start + i + len(tt.trigger)}}
			got := g.EventPlaceFor(ms, nil, sents, tt.sent, e, tt.text)
			switch {
			case tt.want == nil && got != nil:
				t.Errorf("EventPlaceFor = %+v, want nil", got)
			case tt.want != nil && got == nil:
				t.Errorf("EventPlaceFor = nil, want %+v", tt.want)
			case tt.want != nil && (got.Country != tt.want.Country || tt.want.Name != "" && got.Name != tt.want.Name):
				t.Errorf("EventPlaceFor = %+v, want %+v", got, tt.want)
			}
		})
	}
}
