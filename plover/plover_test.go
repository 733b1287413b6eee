package plover

import (
	"errors"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley/data"
)

var (
	defaultOnce sync.Once
	defaultBook *Codebook
	defaultErr  error
)

// book loads the embedded codebook once for the whole test binary.
func book(t testing.TB) *Codebook {
	t.Helper()
	defaultOnce.Do(func() { defaultBook, defaultErr = Default() })
	if defaultErr != nil {
		t.Fatalf("Default: %v", defaultErr)
	}
	return defaultBook
}

// The categories and quads of the PLOVER manual (draft 0.8), chapter 3, in
// its order.
var manualCategories = []struct {
	name string
	quad Quad
}{
	{"AGREE", VerbalCoop}, {"CONSULT", VerbalCoop}, {"SUPPORT", VerbalCoop}, {"CONCEDE", VerbalCoop},
	{"COOPERATE", MaterialCoop}, {"AID", MaterialCoop}, {"RETREAT", MaterialCoop},
	{"REQUEST", VerbalConflict}, {"ACCUSE", VerbalConflict}, {"REJECT", VerbalConflict}, {"THREATEN", VerbalConflict},
	{"PROTEST", MaterialConflict}, {"SANCTION", MaterialConflict}, {"MOBILIZE", MaterialConflict},
	{"COERCE", MaterialConflict}, {"ASSAULT", MaterialConflict},
}

func TestCategoriesMatchManual(t *testing.T) {
	c := book(t)
	var got, want []string
	for _, cat := range c.Categories() {
		got = append(got, cat.Name+" "+cat.Quad.String())
		if cat.Definition == "" {
			t.Errorf("%s has no definition", cat.Name)
		}
	}
	for _, m := range manualCategories {
		want = append(want, m.name+" "+m.quad.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Categories() (-manual +got):\n%s", diff)
	}
}

func TestModes(t *testing.T) {
	c := book(t)
	tests := []struct {
		category string
		want     []string
	}{
		{"AGREE", nil},
		{"CONSULT", []string{"visit", "third-party", "multilateral", "phone"}},
		{"RETREAT", []string{"withdraw", "release", "disarm", "ceasefire", "access", "resign"}},
		{"REQUEST", []string{"assist", "change", "yield", "meet"}},
		{"REJECT", []string{"assist", "change", "yield", "meet"}},
		{"ACCUSE", []string{"disapprove", "investigate", "allege"}},
		{"SANCTION", []string{"convict", "expel", "withdraw", "discontinue"}},
		{"MOBILIZE", []string{"troops", "weapons", "police", "militia"}},
	}
	for _, tt := range tests {
		t.Run(tt.category, func(t *testing.T) {
			cat, ok := c.Category(strings.ToLower(tt.category))
			if !ok {
				t.Fatalf("Category(%q) not found", tt.category)
			}
			if diff := cmp.Diff(tt.want, cat.Modes); diff != "" {
				t.Errorf("modes (-want +got):\n%s", diff)
			}
		})
	}
	cat, _ := c.Category("ASSAULT")
	if len(cat.Modes) != 16 {
		t.Errorf("ASSAULT has %d modes, want 16 (table 3.11 and sideAB)", len(cat.Modes))
	}
	cat.Modes[0] = "changed"
	if again, _ := c.Category("ASSAULT"); again.Modes[0] == "changed" {
		t.Error("Category returned the codebook's own Modes slice")
	}
}

func TestValidMode(t *testing.T) {
	c := book(t)
	tests := []struct {
		category, mode string
		want           bool
	}{
		{"CONSULT", "visit", true},
		{"consult", "Visit", true},
		{"CONSULT", "", true},
		{"AGREE", "", true},
		{"AGREE", "visit", false},
		{"COERCE", "martial-law", true},
		{"ASSAULT", "sideab", true},
		{"PROTEST", "vandalize", true},
		{"ASSAULT", "assassinate", false},
		{"NOPE", "", false},
	}
	for _, tt := range tests {
		if got := c.ValidMode(tt.category, tt.mode); got != tt.want {
			t.Errorf("ValidMode(%q, %q) = %v, want %v", tt.category, tt.mode, got, tt.want)
		}
	}
}

func TestCrosswalkCodesHaveGoldstein(t *testing.T) {
	c := book(t)
	if len(c.cameo) < 250 {
		t.Fatalf("crosswalk has %d codes, want the ~280 of CAMEO2PLOVER-2021", len(c.cameo))
	}
	for code := range c.cameo {
		if _, ok := c.goldstein[code]; !ok {
			t.Errorf("CAMEO %s is in the crosswalk but has no Goldstein value", code)
		}
	}
}

// Every (category, mode) has a CAMEO code that maps back to its category,
// except the two documented in plover2cameo.tsv.
func TestPLOVER2CAMEORoundTrip(t *testing.T) {
	c := book(t)
	exceptions := map[string]string{"RETREAT/resign": "CONCEDE", "SANCTION/convict": "ACCUSE"}
	pairs := 0
	c.eachPair(func(cat, mode string) {
		pairs++
		code, _, ok := c.CAMEO(cat, mode)
		if !ok {
			t.Errorf("CAMEO(%s, %q): no code", cat, mode)
			return
		}
		back, _, _, ok := c.FromCAMEO(code)
		want := cat
		if e, isExc := exceptions[cat+"/"+mode]; isExc {
			want = e
		}
		if !ok || back != want {
			t.Errorf("CAMEO(%s, %q) = %s, FromCAMEO(%s) = %q, want %q", cat, mode, code, code, back, want)
		}
	})
	if pairs != 16+len(c.modes) {
		t.Errorf("visited %d pairs, want %d", pairs, 16+len(c.modes))
	}
}

func TestCAMEO(t *testing.T) {
	c := book(t)
	tests := []struct {
		category, mode string
		code           string
		goldstein      float64
		ok             bool
	}{
		{"CONSULT", "visit", "042", 1.9, true},
		{"consult", "PHONE", "041", 1.0, true},
		{"CONSULT", "", "040", 1.0, true},
		{"AGREE", "", "030", 4.0, true},
		{"SUPPORT", "", "050", 3.5, true},
		{"ACCUSE", "disapprove", "111", -2.0, true},
		{"REJECT", "", "120", -4.0, true},
		{"THREATEN", "violence", "138", -7.0, true},
		{"COERCE", "arrest", "173", -5.0, true},
		{"COERCE", "cyber", "176", -7.0, true},
		{"ASSAULT", "aerial", "195", -10.0, true},
		{"ASSAULT", "sideAB", "190", -10.0, true},
		{"AGREE", "visit", "", 0, false},
		{"FIGHT", "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.category+"/"+tt.mode, func(t *testing.T) {
			code, g, ok := c.CAMEO(tt.category, tt.mode)
			if code != tt.code || g != tt.goldstein || ok != tt.ok {
				t.Errorf("CAMEO(%q, %q) = %q, %v, %v; want %q, %v, %v", tt.category, tt.mode, code, g, ok, tt.code, tt.goldstein, tt.ok)
			}
		})
	}
}

func TestFromCAMEO(t *testing.T) {
	c := book(t)
	tests := []struct {
		code           string
		category, mode string
		contexts       []string
		ok             bool
	}{
		{"042", "CONSULT", "visit", nil, true},
		{"043", "CONSULT", "visit", nil, true},
		{"0312", "AGREE", "", []string{"military"}, true},
		{"094", "ACCUSE", "investigate", []string{"military", "legal"}, true},
		{"1123", "ACCUSE", "allege", []string{"military"}, true},
		{"163", "COERCE", "restrict", []string{"diplomatic"}, true},
		{"186", "ASSAULT", "targeted", nil, true},                           // source mode "assassinate"
		{"175", "ASSAULT", "", []string{"military", "pro_autocracy"}, true}, // context in the mode field
		{"0811", "CONCEDE", "", []string{"pro_democracy"}, true},
		{"0841", "RETREAT", "release", []string{"legal"}, true},
		{"08", "CONCEDE", "", nil, true},
		{"19", "ASSAULT", "", nil, true},
		{"0315", "AGREE", "", []string{"diplomatic"}, true}, // prefix 031
		{"176", "COERCE", "", nil, true},                    // prefix 17
		{"2043", "ASSAULT", "unconventional", []string{"cbrn"}, true},
		{"010", "", "", nil, false}, // CAMEO 01 dropped by PLOVER
		{"020", "", "", nil, false},
		{"", "", "", nil, false},
		{"9", "", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			cat, mode, ctxs, ok := c.FromCAMEO(tt.code)
			if cat != tt.category || mode != tt.mode || ok != tt.ok {
				t.Errorf("FromCAMEO(%q) = %q, %q, _, %v; want %q, %q, _, %v", tt.code, cat, mode, ok, tt.category, tt.mode, tt.ok)
			}
			if diff := cmp.Diff(tt.contexts, ctxs); diff != "" {
				t.Errorf("FromCAMEO(%q) contexts (-want +got):\n%s", tt.code, diff)
			}
		})
	}
}

func TestGoldstein(t *testing.T) {
	c := book(t)
	tests := []struct {
		code string
		want float64
		ok   bool
	}{
		{"01", 0, true}, {"010", 0, true}, {"020", 3, true}, {"036", 4, true},
		{"042", 1.9, true}, {"043", 2.8, true}, {"051", 3.4, true}, {"057", 8, true},
		{"111", -2, true}, {"112", -2, true}, {"120", -4, true}, {"138", -7, true},
		{"173", -5, true}, {"190", -10, true}, {"195", -10, true}, {"0874", 10, true},
		{"1214", -4, true}, // parent 121
		{"0369", 4, true},  // unlisted: prefix 036
		{"", 0, false}, {"99", 0, false},
	}
	for _, tt := range tests {
		got, ok := c.Goldstein(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Goldstein(%q) = %v, %v; want %v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScore(t *testing.T) {
	c := book(t)
	tests := []struct {
		category, mode string
		want           float64
	}{
		{"AGREE", "", 2.5},
		{"CONSULT", "visit", 4},
		{"CONSULT", "phone", 1.5},
		{"consult", "Third-Party", 1},
		{"AID", "", 10},
		{"RETREAT", "disarm", 10},
		{"REQUEST", "change", -1},
		{"ACCUSE", "", -3}, // table 2.2 prints 3: sign corrected
		{"ACCUSE", "allege", -3.5},
		{"PROTEST", "vandalize", -5}, // no row: category score
		{"COERCE", "martial-law", -7.5},
		{"ASSAULT", "unconventional", -10},
		{"ASSAULT", "sideAB", -9},
		{"ASSAULT", "nonsense", -9},
		{"NOPE", "", 0},
	}
	for _, tt := range tests {
		if got := c.Score(tt.category, tt.mode); got != tt.want {
			t.Errorf("Score(%q, %q) = %v, want %v", tt.category, tt.mode, got, tt.want)
		}
	}
	// Every mode's score keeps the sign of its quad (cooperation > 0 >
	// conflict, REQUEST's near-zero scores aside).
	for _, cat := range c.Categories() {
		for _, m := range append([]string{""}, cat.Modes...) {
			s := c.Score(cat.Name, m)
			coop := cat.Quad == VerbalCoop || cat.Quad == MaterialCoop
			if coop && s <= 0 || !coop && cat.Name != "REQUEST" && s >= 0 {
				t.Errorf("Score(%s, %q) = %v has the wrong sign for %s", cat.Name, m, s, cat.Quad)
			}
		}
	}
}

func TestContexts(t *testing.T) {
	c := book(t)
	tests := []struct {
		name  string
		norms string
		want  []string
	}{
		{"none", "the cat sat on the mat .", nil},
		{"empty", "", nil},
		{"one word", "troops crossed the river", []string{"military"}},
		{"prefix", "the negotiators left", []string{"diplomatic"}},
		{"phrase", "a human rights group said", []string{"human_rights"}},
		{"phrase broken", "human beings have rights", nil},
		{"hyphen split", "pro - democracy activists", []string{"pro_democracy"}},
		{"hyphen kept", "pro-democracy activists", []string{"pro_democracy"}},
		{"prefix in phrase", "the defense ministers met", []string{"military"}},
		{"several sorted", "refugees fled the earthquake as troops arrived", []string{"disasters", "migration", "military"}},
		{"humanitarian", "the red cross delivered food", []string{"humanitarian"}},
		{"phrase at end", "said human", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Contexts(strings.Fields(tt.norms))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Contexts(%q) (-want +got):\n%s", tt.norms, diff)
			}
		})
	}
}

func TestContextNames(t *testing.T) {
	c := book(t)
	names := c.ContextNames()
	if len(names) != 38 {
		t.Errorf("%d contexts, want 38 (37 in manual table 2.1 and humanitarian)", len(names))
	}
	for _, n := range []string{"military", "diplomatic", "economic", "humanitarian", "cbrn", "pro_autocracy"} {
		if !c.ValidContext(n) {
			t.Errorf("ValidContext(%q) = false", n)
		}
	}
	if c.ValidContext("sports") {
		t.Error(`ValidContext("sports") = true`)
	}
}

func TestQuadString(t *testing.T) {
	for q := VerbalCoop; q <= MaterialConflict; q++ {
		got, err := ParseQuad(q.String())
		if err != nil || got != q {
			t.Errorf("ParseQuad(%q) = %v, %v; want %v", q.String(), got, err, q)
		}
	}
	if got := Quad(9).String(); got != "Quad(9)" {
		t.Errorf("Quad(9).String() = %q", got)
	}
	if _, err := ParseQuad("cooperation"); err == nil {
		t.Error(`ParseQuad("cooperation") succeeded`)
	}
}

// smallBook is a complete, valid codebook of two categories.
func smallBook() fstest.MapFS {
	return fstest.MapFS{
		CategoriesFile: {Data: []byte("# test\ncategory\tquad\tmode\tdefinition\n" +
			"CONSULT\tverbal-cooperation\t\tmeet\n" +
			"CONSULT\tverbal-cooperation\tvisit\tgo there\n" +
			"ASSAULT\tmaterial-conflict\t\thurt\n")},
		ContextsFile: {Data: []byte("context\tsource\tkeywords\n" +
			"military\ttest\ttroops, armed forces, soldier*\n" +
			"diplomatic\ttest\tembassy\n")},
		GoldsteinFile: {Data: []byte("cameo\tgoldstein\tnote\n040\t1.0\t\n042\t1.9\t\n18\t-9.0\t\n180\t-9.0\t\n")},
		CAMEO2PLOVERFile: {Data: []byte("cameo\tcategory\tmode\tcontexts\tnote\n" +
			"040\tCONSULT\t\t\t\n042\tCONSULT\tvisit\tdiplomatic\t\n18\tASSAULT\t\t\t\n180\tASSAULT\t\tmilitary\t\n")},
		PLOVER2CAMEOFile: {Data: []byte("category\tmode\tcameo\texception\tcomment\n" +
			"CONSULT\t\t040\t\t\nCONSULT\tvisit\t042\t\t\nASSAULT\t\t180\t\t\n")},
		ScoresFile: {Data: []byte("category\tmode\tscore\tnote\nCONSULT\t\t2.5\t\nCONSULT\tvisit\t4\t\nASSAULT\t\t-9\t\n")},
	}
}

func TestLoadSmall(t *testing.T) {
	c, err := Load(smallBook())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if code, g, ok := c.CAMEO("CONSULT", "visit"); code != "042" || g != 1.9 || !ok {
		t.Errorf("CAMEO(CONSULT, visit) = %q, %v, %v", code, g, ok)
	}
	if got := c.Contexts([]string{"the", "soldiers", "and", "armed", "forces"}); !cmp.Equal(got, []string{"military"}) {
		t.Errorf("Contexts = %v, want [military]", got)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		patch map[string]string // file -> new content
		want  []string
	}{
		{
			name: "categories",
			patch: map[string]string{CategoriesFile: "category\tquad\tmode\tdefinition\n" +
				"CONSULT\tverbal-cooperation\t\tmeet\n" +
				"CONSULT\tverbal-conflict\tvisit\tgo there\n" +
				"CONSULT\tverbal-cooperation\tvisit\tagain\n" +
				"consult\tverbal-cooperation\t\tlower\n" +
				"ASSAULT\tviolent\t\thurt\n" +
				"ASSAULT\tmaterial-conflict\t\thurt\textra\n" +
				"ASSAULT\tmaterial-conflict\tbad mode\thurt\n"},
			want: []string{
				"categories.tsv:3: CONSULT is verbal-conflict here but verbal-cooperation at line 2",
				"categories.tsv:4: CONSULT mode \"visit\" listed twice",
				"categories.tsv:5: category \"consult\" is not an upper-case word",
				"categories.tsv:6: quad \"violent\" is not one of verbal-cooperation, material-cooperation, verbal-conflict, material-conflict",
				"categories.tsv:7: 5 fields, want 4 (category, quad, mode, definition)",
				"categories.tsv:8: mode \"bad mode\": want letters, digits and '-' only",
				// ASSAULT is now unknown to every other file:
				"cameo2plover.tsv:4: category \"ASSAULT\" is not in categories.tsv",
				"cameo2plover.tsv:5: category \"ASSAULT\" is not in categories.tsv",
				"plover2cameo.tsv:4: category \"ASSAULT\" is not in categories.tsv",
				"scores.tsv:4: category \"ASSAULT\" is not in categories.tsv",
			},
		},
		{
			name: "cross references",
			patch: map[string]string{
				GoldsteinFile: "cameo\tgoldstein\tnote\n040\t1.0\t\n042\tlots\t\n18\t-11\t\n180\t-9.0\t\n180\t-9.0\t\n1x\t0\t\n",
				CAMEO2PLOVERFile: "cameo\tcategory\tmode\tcontexts\tnote\n" +
					"040\tCONSULT\t\t\t\n042\tCONSULT\tvisit\tdiplomacy\t\n18\tASSAULT\tvisit\t\t\n180\tASSAULT\t\tmilitary\t\n180\tASSAULT\t\t\t\n",
				PLOVER2CAMEOFile: "category\tmode\tcameo\texception\tcomment\n" +
					"CONSULT\t\t180\t\t\nASSAULT\t\t040\tbecause\t\nASSAULT\t\t180\t\t\n",
				ScoresFile: "category\tmode\tscore\tnote\nCONSULT\t\tx\t\nCONSULT\tphone\t4\t\nASSAULT\t\t-9\t\n",
			},
			want: []string{
				"goldstein.tsv:3: 042: score \"lots\" is not a number",
				"goldstein.tsv:4: 18: score \"-11\" is outside -10..10",
				"goldstein.tsv:6: CAMEO code 180 already at line 5",
				"goldstein.tsv:7: CAMEO code \"1x\" is not 2 to 4 digits",
				"cameo2plover.tsv:3: CAMEO code 042 has no Goldstein value in goldstein.tsv",
				"cameo2plover.tsv:3: context \"diplomacy\" is not in contexts.tsv",
				"cameo2plover.tsv:4: ASSAULT has no mode \"visit\" in categories.tsv",
				"cameo2plover.tsv:6: CAMEO code 180 already at line 5",
				"plover2cameo.tsv:2: CAMEO code 180 maps back to ASSAULT, not CONSULT, and no exception is given",
				"plover2cameo.tsv:4: ASSAULT \"\" already at line 3",
				"plover2cameo.tsv: no row for CONSULT \"visit\"",
				"scores.tsv:2: CONSULT \"\": score \"x\" is not a number",
				"scores.tsv:3: CONSULT has no mode \"phone\" in categories.tsv",
				"scores.tsv: no score for category CONSULT",
			},
		},
		{
			name: "contexts and headers",
			patch: map[string]string{
				ContextsFile: "context\tsource\tkeywords\n" +
					"military\ttest\ttroops, Army, so*ldier, ,\n" +
					"Diplomatic\ttest\tembassy\n" +
					"military\ttest\tagain\n",
				ScoresFile:    "# only a comment\n",
				GoldsteinFile: "code\tvalue\n040\t1\n",
			},
			want: []string{
				"contexts.tsv:2: military: keyword \" Army\" is not lower case",
				"contexts.tsv:2: military: keyword \" so*ldier\": '*' only at the end",
				"contexts.tsv:2: military: empty keyword in \" \"",
				"contexts.tsv:2: military: empty keyword in \"\"",
				"contexts.tsv:3: context \"Diplomatic\": want lower case with '_' between words",
				"contexts.tsv:4: context \"military\" already at line 2",
				"goldstein.tsv:1: header is \"code value\", want \"cameo goldstein note\"",
				"cameo2plover.tsv:2: CAMEO code 040 has no Goldstein value in goldstein.tsv",
				"cameo2plover.tsv:3: CAMEO code 042 has no Goldstein value in goldstein.tsv",
				"cameo2plover.tsv:3: context \"diplomatic\" is not in contexts.tsv",
				"cameo2plover.tsv:4: CAMEO code 18 has no Goldstein value in goldstein.tsv",
				"cameo2plover.tsv:5: CAMEO code 180 has no Goldstein value in goldstein.tsv",
				"plover2cameo.tsv:2: CAMEO code 040 has no Goldstein value in goldstein.tsv",
				"plover2cameo.tsv:3: CAMEO code 042 has no Goldstein value in goldstein.tsv",
				"plover2cameo.tsv:4: CAMEO code 180 has no Goldstein value in goldstein.tsv",
				"scores.tsv: no header line (want \"category mode score note\")",
				"scores.tsv: no score for category CONSULT",
				"scores.tsv: no score for category ASSAULT",
			},
		},
		{
			name:  "missing file",
			patch: map[string]string{ScoresFile: "\x00delete"},
			want: []string{
				"scores.tsv: open scores.tsv: file does not exist",
				"scores.tsv: no score for category CONSULT",
				"scores.tsv: no score for category ASSAULT",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := smallBook()
			for name, text := range tt.patch {
				if text == "\x00delete" {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			c, err := Load(fsys)
			if err == nil {
				t.Fatalf("Load succeeded (%d categories), want errors", len(c.categories))
			}
			var list errorList
			if !errors.As(err, &list) {
				t.Fatalf("Load error %v is not an error list", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Load errors (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(err.Error(), "plover: ") {
				t.Errorf("Load error %q does not start with the package name", err)
			}
		})
	}
}

// FuzzLoad checks that no categories.tsv or contexts.tsv makes Load panic,
// and that a codebook Load accepts answers every lookup.
func FuzzLoad(f *testing.F) {
	base := smallBook()
	f.Add(string(base[CategoriesFile].Data), string(base[ContextsFile].Data))
	f.Add("category\tquad\tmode\tdefinition\nX\tverbal-conflict\t\t\n", "context\tsource\tkeywords\na\tb\t*\n")
	f.Add("", "context\tsource\tkeywords\na\tb\tx y z*, -\n")
	f.Fuzz(func(t *testing.T, categories, contexts string) {
		fsys := smallBook()
		fsys[CategoriesFile] = &fstest.MapFile{Data: []byte(categories)}
		fsys[ContextsFile] = &fstest.MapFile{Data: []byte(contexts)}
		c, err := Load(fsys)
		if err != nil {
			if c != nil {
				t.Fatal("Load returned a codebook and an error")
			}
			return
		}
		for _, cat := range c.Categories() {
			c.Score(cat.Name, "")
			for _, m := range cat.Modes {
				if !c.ValidMode(cat.Name, m) {
					t.Errorf("mode %s/%s listed but not valid", cat.Name, m)
				}
			}
		}
		c.Contexts(strings.Fields(categories + " " + contexts))
	})
}

func FuzzContexts(f *testing.F) {
	f.Add("pro - democracy troops crossed the border")
	f.Add("human rights -- - --x x-")
	f.Fuzz(func(t *testing.T, text string) {
		c := book(t)
		got := c.Contexts(strings.Fields(text))
		for i, name := range got {
			if !c.ValidContext(name) || i > 0 && got[i-1] >= name {
				t.Fatalf("Contexts(%q) = %v: unknown, unsorted or repeated", text, got)
			}
		}
	})
}

func TestEmbeddedFilesListed(t *testing.T) {
	// Every embedded table is one Load reads: no stray files.
	sub, err := fs.Sub(data.Plover, "plover")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{CategoriesFile: true, ContextsFile: true, GoldsteinFile: true, CAMEO2PLOVERFile: true, PLOVER2CAMEOFile: true, ScoresFile: true}
	for _, e := range entries {
		if !known[e.Name()] {
			t.Errorf("data/plover/%s is embedded but not read by Load", e.Name())
		}
	}
}
