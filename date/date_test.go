package date

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/sentence"
)

// dateCase is one row of testdata/dates.tsv.
type dateCase struct {
	line           int
	published      time.Time
	sentence, expr string
	typ, value     string
}

func readCases(t testing.TB) []dateCase {
	t.Helper()
	f, err := os.Open("testdata/dates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []dateCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("testdata/dates.tsv:%d: %d fields, want 5", n, len(f))
		}
		c := dateCase{line: n, sentence: f[1], expr: f[2], typ: f[3], value: f[4]}
		if f[0] != "-" {
			if c.published, err = time.Parse(time.DateOnly, f[0]); err != nil {
				t.Fatalf("testdata/dates.tsv:%d: %v", n, err)
			}
		}
		if !strings.Contains(c.sentence, c.expr) {
			t.Fatalf("testdata/dates.tsv:%d: %q is not in the sentence", n, c.expr)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestDates(t *testing.T) {
	r := mustResolver(t)
	sp := sentence.NewSplitter()
	for _, c := range readCases(t) {
		t.Run(c.expr, func(t *testing.T) {
			got := r.Resolve(c.sentence, sp.Split(c.sentence), c.published)
			at := strings.Index(c.sentence, c.expr)
			want := parley.Span{Start: at, End: at + len(c.expr)}
			if c.typ == "NONE" {
				for _, x := range got {
					if x.Span.Overlaps(want) {
						t.Errorf("dates.tsv:%d: %q: got %s %q %s, want no time expression", c.line, c.sentence, x.Type, x.Span.In(c.sentence), x.Value)
					}
				}
				return
			}
			for _, x := range got {
				if x.Span == want {
					if x.Type != c.typ || x.Value != c.value {
						t.Errorf("dates.tsv:%d: %q: %q = %s %q, want %s %q", c.line, c.sentence, c.expr, x.Type, x.Value, c.typ, c.value)
					}
					checkRange(t, x)
					return
				}
			}
			var found []string
			for _, x := range got {
				found = append(found, x.Span.In(c.sentence)+"="+x.Value)
			}
			t.Errorf("dates.tsv:%d: %q: %q not found; got %q", c.line, c.sentence, c.expr, found)
		})
	}
}

// checkRange checks that a value that names days has the range of them.
func checkRange(t *testing.T, x Timex) {
	t.Helper()
	if x.Type != "DATE" || x.Value == "" {
		return
	}
	want, err := parley.ParseDateRange(x.Value)
	if err != nil {
		return // weeks, seasons, quarters, refs: not in ParseDateRange's forms
	}
	if x.Range == nil {
		t.Errorf("%s: no range, want %s", x.Value, want)
		return
	}
	// early/mid/late and earlier/later narrow the range; the rest cover
	// the whole of it.
	if !x.Range.Within(want) {
		t.Errorf("%s %s: range %s, want within %s", x.Value, x.Mod, x.Range, want)
	}
	if x.Mod == "" && !x.Range.Start.Equal(want.Start) && !x.Range.End.Equal(want.End) {
		t.Errorf("%s: range %s, want %s or a part of it that shares an end", x.Value, x.Range, want)
	}
}
