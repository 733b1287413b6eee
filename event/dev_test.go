package event

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type devCase struct {
	line int
	text string
	want []string
}

func loadDev(t testing.TB) []devCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []devCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, evs, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("testdata/dev.tsv:%d: no tab", n)
		}
		c := devCase{line: n, text: text}
		if evs != "-" {
			for _, e := range strings.Split(evs, " ; ") {
				c.want = append(c.want, strings.TrimSpace(e))
			}
		}
		out = append(out, c)
	}
	return out
}

// TestDev scores the coder on the hand-written development set. It asserts
// floors only; the numbers are logged.
func TestDev(t *testing.T) {
	t.Run("parsed", func(t *testing.T) { testDev(t, parsedCoder(t), 0.85, 0.85) })
	t.Run("positional", func(t *testing.T) { testDev(t, coder(t), 0.80, 0.80) })
}

func testDev(t *testing.T, c *Coder, floorP, floorR float64) {
	mt := loadMentionTable(t)
	cases := loadDev(t)
	cats := map[string]bool{}
	var tp, np, ng int
	perCat := map[string][3]int{}
	for _, dc := range cases {
		a, sents, ms := prepare(mt, dc.text)
		got := dyads(c.Code(a, sents, ms))
		m := matchDyads(got, dc.want)
		tp += m
		np += len(got)
		ng += len(dc.want)
		for _, w := range dc.want {
			typ, _, _ := strings.Cut(w, " ")
			cats[typ] = true
			x := perCat[typ]
			x[1]++
			x[0] += matchDyads(got, filter(dc.want, typ))
			perCat[typ] = x
		}
		if m != len(got) || m != len(dc.want) {
			t.Logf("dev.tsv:%d: %s\n\tgot  %q\n\twant %q", dc.line, dc.text, got, dc.want)
		}
	}
	if len(cases) < 120 {
		t.Errorf("dev set has %d sentences, want at least 120", len(cases))
	}
	if len(cats) < 16 {
		t.Errorf("dev set covers %d categories, want 16", len(cats))
	}
	p, r := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	t.Logf("dev: %d sentences, %d gold dyads, %d predicted, %d matched: P=%.3f R=%.3f F1=%.3f", len(cases), ng, np, tp, p, r, f1)
	if p < floorP || r < floorR {
		t.Errorf("dev precision %.3f recall %.3f, want at least %.2f / %.2f", p, r, floorP, floorR)
	}
}

func filter(list []string, typ string) []string {
	var out []string
	for _, s := range list {
		if strings.HasPrefix(s, typ+" ") {
			out = append(out, s)
		}
	}
	return out
}
