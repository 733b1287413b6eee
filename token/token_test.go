package token

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Syria signed.\nRussia too.", "Syria signed.\nRussia too."},
		{"crlf", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"cr cr", "a\r\r\nb", "a\n\nb"},
		{"controls", "a\x00b\x01c\x1bd\x7fe", "abcde"},
		{"tab kept", "a\tb", "a\tb"},
		{"form feed and vertical tab", "a\fb\vc", "a\nb\nc"},
		{"nbsp kept", "a\u00a0b\u2009c", "a\u00a0b\u2009c"},
		{"nfc", "Bashar al-Asa\u0301d Mu\u0308ller", "Bashar al-Asád Müller"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"syria", "syria"},
		{"Syria", "syria"},
		{"U.S.", "u.s."},
		{"’s", "'s"},
		{"‘quoted’", "'quoted'"},
		{"“Syria”", `"syria"`},
		{"„x‟ «y»", `"x" "y"`},
		{"a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"},
		{"wait…", "wait..."},
		{"``", `"`},
		{"''", `"`},
		{"`a´", "'a'"},
		{"Ünal Çelik", "ünal çelik"},
		{"ÉTAT", "état"},
		{"5′ 6″", `5' 6"`},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// show renders tokens as text/kind, with /norm when it differs from the text.
func show(text string, toks []parley.Token) []string {
	out := make([]string, len(toks))
	for i, tok := range toks {
		w := tok.Span.In(text)
		out[i] = w + "/" + tok.Kind.String()
		if tok.Norm != w {
			out[i] += "/" + tok.Norm
		}
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"hyphen words", "post-Assad al-Sharaa Syrian-Russian first-ever", []string{"post-Assad/word/post-assad", "al-Sharaa/word/al-sharaa", "Syrian-Russian/word/syrian-russian", "first-ever/word"}},
		{"em dash splits", "Syria—one", []string{"Syria/word/syria", "—/punct/-", "one/word"}},
		{"en dash splits", "Damascus–Moscow", []string{"Damascus/word/damascus", "–/punct/-", "Moscow/word/moscow"}},
		{"spaced dash", "Iran — two", []string{"Iran/word/iran", "—/punct/-", "two/word"}},
		{"double hyphen", "Iran--two", []string{"Iran/word/iran", "--/punct", "two/word"}},
		{"possessive curly", "Russia’s", []string{"Russia/word/russia", "’s/word/'s"}},
		{"possessive ascii", "Iran's", []string{"Iran/word/iran", "'s/word"}},
		{"possessive caps", "IRAN'S", []string{"IRAN/word/iran", "'S/word/'s"}},
		{"plural possessive", "ministers' talks", []string{"ministers/word", "'/punct", "talks/word"}},
		{"didn't", "didn't", []string{"did/word", "n't/word"}},
		{"don’t", "Don’t", []string{"Do/word/do", "n’t/word/n't"}},
		{"it's", "it's", []string{"it/word", "'s/word"}},
		{"we're they've", "we're they’ve I'll", []string{"we/word", "'re/word", "they/word", "’ve/word/'ve", "I/word/i", "'ll/word"}},
		{"inner apostrophe", "O'Brien Qur’an", []string{"O'Brien/word/o'brien", "Qur’an/word/qur'an"}},
		{"initialisms", "U.S. U.N. a.m. p.m. e.g. i.e.", []string{"U.S./word/u.s.", "U.N./word/u.n.", "a.m./word", "p.m./word", "e.g./word", "i.e./word"}},
		{"listed abbreviations", "Gen. Jan. No. Dr. Lt. Col. Ph.D. vs.", []string{"Gen./word/gen.", "Jan./word/jan.", "No./word/no.", "Dr./word/dr.", "Lt./word/lt.", "Col./word/col.", "Ph.D./word/ph.d.", "vs./word"}},
		{"capitalized lower entry", "Etc.", []string{"Etc./word/etc."}},
		{"initial", "George W. Bush", []string{"George/word/george", "W./word/w.", "Bush/word/bush"}},
		{"full stop", "in Syria.", []string{"in/word", "Syria/word/syria", "./punct"}},
		{"lower no", "said no.", []string{"said/word", "no/word", "./punct"}},
		{"single lower letter", "option a.", []string{"option/word", "a/word", "./punct"}},
		{"glued capital", "Damascus.On", []string{"Damascus/word/damascus", "./punct", "On/word/on"}},
		{"domain", "example.com.", []string{"example.com/word", "./punct"}},
		{"us glued", "U.S.The", []string{"U.S./word/u.s.", "The/word/the"}},
		{"hyphen abbreviation", "anti-U.S. R-Fla. U.S.-led", []string{"anti-U.S./word/anti-u.s.", "R-Fla./word/r-fla.", "U.S./word/u.s.", "-/punct", "led/word"}},
		{"hyphen full stop", "the Syria-Iraq.", []string{"the/word", "Syria-Iraq/word/syria-iraq", "./punct"}},
		{"numbers", "1,000 3.5 10:30 2025-07-31", []string{"1,000/number", "3.5/number", "10:30/number", "2025-07-31/number"}},
		{"number range", "15–20", []string{"15/number", "–/punct/-", "20/number"}},
		{"number end", "in 2024. Then", []string{"in/word", "2024/number", "./punct", "Then/word/then"}},
		{"number comma end", "2024, and", []string{"2024/number", ",/punct", "and/word"}},
		{"ordinals and decades", "31st 1990s", []string{"31st/number", "1990s/number"}},
		{"number word", "19-year-old", []string{"19-year-old/word"}},
		{"alnum", "F-16 COVID-19 G20", []string{"F-16/word/f-16", "COVID-19/word/covid-19", "G20/word/g20"}},
		{"currency percent", "$5 €3.2 50%", []string{"$/symbol", "5/number", "€/symbol", "3.2/number", "50/number", "%/symbol"}},
		{"ellipsis", "wait... no… yes", []string{"wait/word", ".../punct", "no/word", "…/punct/...", "yes/word"}},
		{"question runs", "Really?!", []string{"Really/word/really", "?!/punct"}},
		{"quotes", "“We go,” he said.", []string{"“/punct/\"", "We/word/we", "go/word", ",/punct", "”/punct/\"", "he/word", "said/word", "./punct"}},
		{"wire quotes", "``It's'' he", []string{"``/punct/\"", "It/word/it", "'s/word", "''/punct/\"", "he/word"}},
		{"parens", "(SNSC).", []string{"(/punct", "SNSC/word/snsc", ")/punct", "./punct"}},
		{"nbsp and zwsp", "a\u00a0b\u200bc", []string{"a/word", "b/word", "c/word"}},
		{"soft hyphen inside", "inter\u00adnational", []string{"inter\u00adnational/word"}},
		{"diacritics", "Erdoğan Ünal", []string{"Erdoğan/word/erdoğan", "Ünal/word/ünal"}},
		{"arabic", "بشار الأسد", []string{"بشار/word", "الأسد/word"}},
		{"url-ish", "www.state.gov/x", []string{"www.state.gov/word", "//punct", "x/word"}},
		{"empty", "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(nil, tt.in, parley.Span{End: len(tt.in)})
			got := show(tt.in, toks)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			checkTokens(t, tt.in, parley.Span{End: len(tt.in)}, toks)
		})
	}
}

func TestTokenizeSpan(t *testing.T) {
	text := "Moscow hosted Syria’s ministers."
	start := strings.Index(text, "Syria")
	toks := Tokenize(make([]parley.Token, 1, 8), text, parley.Span{Start: start, End: len(text)})
	if len(toks) < 1 || toks[0] != (parley.Token{}) {
		t.Fatalf("Tokenize overwrote dst[0]: %+v", toks)
	}
	got := show(text, toks[1:])
	want := []string{"Syria/word/syria", "’s/word/'s", "ministers/word", "./punct"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens of span (-want +got):\n%s", diff)
	}
	// A span ending inside an abbreviation cuts it: "U." alone is an initial.
	text = "in the U.S. now"
	end := strings.Index(text, "S.")
	got = show(text, Tokenize(nil, text, parley.Span{Start: 0, End: end}))
	want = []string{"in/word", "the/word", "U./word/u."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens of cut span (-want +got):\n%s", diff)
	}
	// Spans out of bounds are clipped, never panic.
	for _, sp := range []parley.Span{{Start: -5, End: 3}, {Start: 10, End: 2}, {Start: 0, End: 1000}, {Start: 1000, End: 2000}} {
		checkTokens(t, text, sp, Tokenize(nil, text, sp))
	}
}

func TestAbbreviation(t *testing.T) {
	tests := []struct {
		in   string
		want AbbrevClass
	}{
		{"Dr.", InnerAbbrev},
		{"Lt.", InnerAbbrev},
		{"e.g.", InnerAbbrev},
		{"E.g.", InnerAbbrev},
		{"U.S.", FinalAbbrev},
		{"U.S.A.", FinalAbbrev},
		{"a.m.", FinalAbbrev},
		{"Inc.", FinalAbbrev},
		{"Jan.", FinalAbbrev},
		{"W.", FinalAbbrev},
		{"Syria.", NotAbbrev},
		{"no.", NotAbbrev},
		{"a.", NotAbbrev},
		{"in.", NotAbbrev},
		{"US", NotAbbrev},
		{".", NotAbbrev},
		{"", NotAbbrev},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Abbreviation(tt.in); got != tt.want {
				t.Errorf("Abbreviation(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestAbbreviationData(t *testing.T) {
	m, err := parseAbbreviations("abbreviations.txt", abbreviationData)
	if err != nil {
		t.Fatalf("embedded abbreviations.txt: %v", err)
	}
	if len(m) < 100 {
		t.Errorf("abbreviations.txt gives %d entries, want at least 100", len(m))
	}
	bad := "# comment\nDr.\tinner\nMr.\nFoo.\tmaybe\nX-1.\tfinal\nDr.\tfinal\n"
	_, err = parseAbbreviations("bad.txt", bad)
	if err == nil {
		t.Fatal("parseAbbreviations(bad) = nil error, want four errors")
	}
	for _, want := range []string{"bad.txt:3:", "bad.txt:4:", "bad.txt:5:", "bad.txt:6:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

// checkTokens verifies the invariants every tokenization must keep.
func checkTokens(t testing.TB, text string, span parley.Span, toks []parley.Token) {
	t.Helper()
	prev := max(span.Start, 0)
	for i, tok := range toks {
		sp := tok.Span
		if sp.Start < prev || sp.End <= sp.Start || sp.End > min(span.End, len(text)) {
			t.Fatalf("token %d span %v out of order or bounds (prev end %d, span %v, len %d)", i, sp, prev, span, len(text))
		}
		w := text[sp.Start:sp.End]
		r, _ := utf8.DecodeRuneInString(w)
		l, _ := utf8.DecodeLastRuneInString(w)
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("token %d %q begins or ends with space", i, w)
		}
		if strings.ContainsAny(w, " \n\t") {
			t.Fatalf("token %d %q holds white space", i, w)
		}
		if tok.Norm == "" {
			t.Fatalf("token %d %q has an empty Norm", i, w)
		}
		if tok.Norm != Fold(w) {
			t.Fatalf("token %d %q Norm %q, want Fold = %q", i, w, tok.Norm, Fold(w))
		}
		if tok.Kind < parley.Word || tok.Kind > parley.Symbol {
			t.Fatalf("token %d %q has kind %d", i, w, tok.Kind)
		}
		prev = sp.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Russia’s post-Assad U.S. Gen. didn't ministers' 1,000 3.5 15–20",
		"“We will go,” he said.  ``It's'' (SNSC). Damascus.On example.com",
		"a\u00a0b\u200bc inter\u00adnational … --- ?! $5 50%",
		"J. R. R. Tolkien, Ph.D., a.m. e.g. i.e.",
		"\xff\xfe\x00 '''' ’’ ..",
	} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		span := parley.Span{Start: start, End: end}
		toks := Tokenize(nil, s, span)
		checkTokens(t, s, span, toks)
		// Tokens of the normalized text cover every non-space character.
		n := Normalize(s)
		all := Tokenize(nil, n, parley.Span{End: len(n)})
		checkTokens(t, n, parley.Span{End: len(n)}, all)
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"a\r\nb\rc", "a\x00b\x1f", "Mu\u0308ller", "\xff", "\u00a0 \t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		for i := 0; i < len(n); i++ {
			if c := n[i]; (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				t.Fatalf("Normalize(%q) = %q keeps control %#x", s, n, c)
			}
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize is not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}

// benchText is a few KB of news-like text written for the benchmarks.
func benchText() string {
	para := `DAMASCUS, Syria (AP) — Syria’s foreign minister met his Russian counterpart in Moscow on Thursday, the first such visit since the fall of the former government, officials said. The U.S. State Department didn't comment.
“We are opening a new page,” Foreign Minister Asaad al-Shibani told reporters at 10:30 a.m. local time. Lt. Col. Sami Haddad, a spokesman, said 1,200 troops would leave by Jan. 15 — a first-ever step.
Iran’s envoy, meanwhile, visited Ankara. Analysts' estimates put the cost at $3.5 billion, or 12% of output... The talks continue.
`
	var b strings.Builder
	for i := 0; b.Len() < 4096; i++ {
		fmt.Fprintf(&b, "%s\n", para)
	}
	return b.String()
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText()
	dst := make([]parley.Token, 0, len(text)/4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = Tokenize(dst[:0], text, parley.Span{End: len(text)})
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := strings.ReplaceAll(benchText(), "\n", "\r\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(text)
	}
}
