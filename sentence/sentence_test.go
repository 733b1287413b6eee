package sentence

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parley-events/parley"
	"github.com/parley-events/parley/token"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// splitCase is one row of testdata/split.tsv.
type splitCase struct {
	name, input string
	want        []string
	line        int
}

// unescape turns the \n, \t and \\ escapes of split.tsv into characters.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case 't':
				b.WriteByte('\t')
				i++
				continue
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func readCases(t testing.TB) []splitCase {
	t.Helper()
	const name = "testdata/split.tsv"
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var cases []splitCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s:%d: %d columns, want name<TAB>input<TAB>want", name, n, len(cols))
		}
		c := splitCase{name: cols[0], input: unescape(cols[1]), line: n}
		if cols[2] != "" {
			for _, w := range strings.Split(cols[2], " || ") {
				c.want = append(c.want, unescape(w))
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return cases
}

func texts(text string, sents []parley.Sentence) []string {
	out := make([]string, 0, len(sents))
	for _, s := range sents {
		out = append(out, s.Span.In(text))
	}
	return out
}

func TestSplitTable(t *testing.T) {
	cases := readCases(t)
	if len(cases) < 40 {
		t.Errorf("split.tsv has %d cases, want at least 40", len(cases))
	}
	sp := NewSplitter()
	seen := make(map[string]int)
	for _, c := range cases {
		if l, dup := seen[c.name]; dup {
			t.Errorf("split.tsv:%d: case name %q already used on line %d", c.line, c.name, l)
		}
		seen[c.name] = c.line
		t.Run(c.name, func(t *testing.T) {
			sents := sp.Split(c.input)
			got := texts(c.input, sents)
			want := c.want
			if want == nil {
				want = []string{}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("split.tsv:%d: Split(%q) mismatch (-want +got):\n%s", c.line, c.input, diff)
			}
			checkSentences(t, c.input, sents)
		})
	}
}

func TestWordLists(t *testing.T) {
	m, err := parseWords("starters.txt", startersData, true)
	if err != nil {
		t.Fatalf("embedded starters.txt: %v", err)
	}
	for _, w := range []string{"The", "He", "But", "In"} {
		if !m[w] {
			t.Errorf("starters.txt lacks %q", w)
		}
	}
	if _, err := parseWords("continuers.txt", continuersData, false); err != nil {
		t.Fatalf("embedded continuers.txt: %v", err)
	}
	tests := []struct {
		name, data string
		capital    bool
		want       []string
	}{
		{"starters", "# c\nThe\nthe\nTwo words\nThe\n", true, []string{"bad.txt:3:", "bad.txt:4:", "bad.txt:5:"}},
		{"continuers", "the\nThe\nof-\n", false, []string{"bad.txt:2:", "bad.txt:3:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseWords("bad.txt", tt.data, tt.capital)
			if err == nil {
				t.Fatalf("parseWords(%q) = nil error, want %d errors", tt.data, len(tt.want))
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %s", err, want)
				}
			}
		})
	}
}

// checkSentences verifies the invariants of a split.
func checkSentences(t testing.TB, text string, sents []parley.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range sents {
		sp := s.Span
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("sentence %d span %v out of order or bounds (prev end %d, len %d)", i, sp, prev, len(text))
		}
		w := text[sp.Start:sp.End]
		r, _ := utf8.DecodeRuneInString(w)
		l, _ := utf8.DecodeLastRuneInString(w)
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("sentence %d %q begins or ends with space", i, w)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d %q has no tokens", i, w)
		}
		if cap(s.Tokens) != len(s.Tokens) {
			t.Fatalf("sentence %d tokens have spare capacity %d: appending would clobber the next sentence", i, cap(s.Tokens)-len(s.Tokens))
		}
		tp := sp.Start
		for j, tok := range s.Tokens {
			if !sp.Contains(tok.Span) || tok.Span.Start < tp || tok.Span.Len() <= 0 {
				t.Fatalf("sentence %d %v: token %d %v out of the sentence or of order", i, sp, j, tok.Span)
			}
			if tok.Norm == "" {
				t.Fatalf("sentence %d: token %d %q has an empty Norm", i, j, tok.Span.In(text))
			}
			tp = tok.Span.End
		}
		if s.Tokens[0].Span.Start != sp.Start || s.Tokens[len(s.Tokens)-1].Span.End != sp.End {
			t.Fatalf("sentence %d %v does not begin and end with its tokens", i, sp)
		}
		prev = sp.End
	}
	// The sentences hold every token of the text.
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	if all := token.Tokenize(nil, text, parley.Span{End: len(text)}); n != len(all) {
		t.Fatalf("sentences hold %d tokens, the text has %d", n, len(all))
	}
}

// render writes the sentences and tokens sections of a golden case.
func render(text string, sents []parley.Sentence) (sentences, tokens []byte) {
	var sb, tb strings.Builder
	esc := strings.NewReplacer("\n", `\n`, "\t", `\t`)
	for _, s := range sents {
		fmt.Fprintf(&sb, "[%d,%d] %s\n", s.Span.Start, s.Span.End, esc.Replace(s.Span.In(text)))
		for _, tok := range s.Tokens {
			fmt.Fprintf(&tb, "%d %d %s %s\n", tok.Span.Start, tok.Span.End, tok.Kind, tok.Norm)
		}
		tb.WriteString("\n")
	}
	return []byte(sb.String()), []byte(tb.String())
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	sp := NewSplitter()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input string
			sections := make(map[string]int)
			for i, f := range ar.Files {
				sections[f.Name] = i
				if f.Name == "input" {
					input = strings.TrimSuffix(string(f.Data), "\n")
				}
			}
			for _, name := range []string{"input", "sentences", "tokens"} {
				if _, ok := sections[name]; !ok {
					if !*update || name == "input" {
						t.Fatalf("%s: no -- %s -- section", file, name)
					}
					sections[name] = len(ar.Files)
					ar.Files = append(ar.Files, txtar.File{Name: name})
				}
			}
			sents := sp.Split(input)
			checkSentences(t, input, sents)
			gotS, gotT := render(input, sents)
			if *update {
				ar.Files[sections["sentences"]].Data = gotS
				ar.Files[sections["tokens"]].Data = gotT
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(ar.Files[sections["sentences"]].Data), string(gotS)); diff != "" {
				t.Errorf("%s: sentences mismatch (-want +got); run go test -update if the change is right:\n%s", file, diff)
			}
			if diff := cmp.Diff(string(ar.Files[sections["tokens"]].Data), string(gotT)); diff != "" {
				t.Errorf("%s: tokens mismatch (-want +got); run go test -update if the change is right:\n%s", file, diff)
			}
		})
	}
}

// TestSeeds splits the two sample articles of ../shared and checks facts
// read from them by hand.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "seeds")
	first, err1 := os.ReadFile(filepath.Join(dir, "000_0ab2bc2c68fc564e.txt"))
	second, err2 := os.ReadFile(filepath.Join(dir, "001_1fee99bc26d358f7.txt"))
	if err1 != nil || err2 != nil {
		t.Skipf("sample articles not found under %s (the shared corpus is not checked out): %v %v", dir, err1, err2)
	}
	sp := NewSplitter()
	a, b := token.Normalize(string(first)), token.Normalize(string(second))
	// The first article ends "...Tehran and Damascus." with no line break,
	// so read back to back the second one is glued to it:
	// "Damascus.On Thursday, July 31, Moscow hosted...".
	glued := a + b
	if !strings.Contains(glued, "Damascus.On Thursday") {
		t.Fatalf("the samples no longer glue into %q", "Damascus.On Thursday")
	}
	for _, text := range []string{a, b, glued} {
		sents := sp.Split(text)
		checkSentences(t, text, sents)
		starts := make(map[string]bool)
		whole := make(map[string]bool)
		for _, s := range sents {
			w := s.Span.In(text)
			whole[w] = true
			if len(w) > 40 {
				w = w[:40]
			}
			starts[w] = true
		}
		has := func(prefix string) bool {
			for w := range starts {
				if strings.HasPrefix(w, prefix) || strings.HasPrefix(prefix, w) && len(w) == 40 {
					return true
				}
			}
			return false
		}
		if text != a {
			for _, h := range []string{"What Was Discussed?", "What Was on the Table?", "How Did Syrians React to the Handshake?"} {
				if !whole[h] {
					t.Errorf("heading %q is not a sentence of its own", h)
				}
			}
			for _, p := range []string{"On Thursday, July 31, Moscow hosted", "Or is this simply a tactical", "Lavrov officially invited"} {
				if !has(p) {
					t.Errorf("no sentence starts with %q", p)
				}
			}
			if has("Are we witnessing") {
				t.Error(`"Are we witnessing" after a colon starts a sentence; want it inside the previous one`)
			}
		}
		if text != b {
			if has("S. demands") || has("demands to limit") {
				t.Error(`"U.S. demands" is split after "U.S."`)
			}
			if !has("However, as Russia rebuilds ties") {
				t.Error(`no sentence starts with "However, as Russia rebuilds ties"`)
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, c := range readCases(f) {
		f.Add(c.input)
	}
	f.Add("\xff. \x00A.b\n\n\u200b . ’’ ``''")
	sp := NewSplitter()
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, sp.Split(s))
		n := token.Normalize(s)
		checkSentences(t, n, sp.Split(n))
	})
}

func benchText(b *testing.B) string {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	var sb strings.Builder
	for sb.Len() < 4096 {
		for _, file := range files {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range ar.Files {
				if f.Name == "input" {
					sb.Write(f.Data)
					sb.WriteString("\n")
				}
			}
		}
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	sp := NewSplitter()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sp.Split(text)
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	dst := make([]parley.Token, 0, len(text)/4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = token.Tokenize(dst[:0], text, parley.Span{End: len(text)})
	}
}
