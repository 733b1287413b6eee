package date

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/parley-events/parley/sentence"
)

// TestOpeners checks the premise of the skip in resolve and best: no rule
// reads an expression from a token it is not listed as beginning with
// (tok.rules). A rule that comes to read a new first word must have it
// added to its entry in rules.
func TestOpeners(t *testing.T) {
	r := mustResolver(t)
	sp := sentence.NewSplitter()
	texts := []string{story,
		"The 1990s, '80s and the mid-1990s; fiscal 1990, Q3 and the third quarter of 1989.",
		"Every Thursday, daily, each year; noon Thursday, 10:35 a.m., midnight and 14:30 GMT.",
		"Less than a week after, a day later, several years ago, the year-ago period, latest quarter.",
		"That day, the same day, later that day, the day before, this weekend, over the weekend.",
		"Now, currently, recently, the past, the future; last Friday, early December, mid-October.",
		"The summer of 2024, early spring, the beginning of 2020, late yesterday, this morning, last night.",
		"The past two weeks, a few days, a couple of months, many years ago, the first nine months, recent years.",
		"The latest period, the current quarter, year-earlier quarter, this year's third quarter, the 20th century.",
	}
	for _, c := range readCases(t) {
		texts = append(texts, c.sentence)
	}
	for _, text := range texts {
		checkOpeners(t, r, sp, text)
	}
}

// checkOpeners tries every rule at every token of text, with and without a
// publication date, and reports a match from a token the rule is not
// listed as beginning with.
func checkOpeners(t *testing.T, r *Resolver, sp *sentence.Splitter, text string) {
	t.Helper()
	for _, pub := range []time.Time{{}, day("2025-08-01")} {
		toks := r.tokens(nil, text)
		s := &scan{r: r, text: text, toks: toks, tn: r.findTenses(tenses{}, text, toks, sp.Split(text))}
		if !pub.IsZero() {
			s.pub, s.hasPub = pub, true
		}
		for i := range toks {
			b := longest{i: i}
			for k, rl := range rules {
				m, ok := rl.read(s, i)
				if ok && m.end > i && toks[i].rules&(1<<k) == 0 {
					t.Errorf("%q: rule %d reads %q from %q (before %q), which it is not listed as beginning with", text, k, m.tx.Value, toks[i].norm, s.w(i+1))
				}
				b.try(m, ok)
			}
			if b.found {
				s.out = append(s.out, b.m.tx)
			}
		}
	}
}

// TestRuleStarts checks that a rule lists what may follow "the" exactly
// when it may begin with "the": best tries a rule at a "the" only before
// a token that list holds.
func TestRuleStarts(t *testing.T) {
	for k, r := range rules {
		if got, want := len(r.the.words) > 0 || len(r.the.classes) > 0 || r.the.number || r.the.quote, slices.Contains(r.first.words, "the"); got != want {
			t.Errorf("rule %d: begins with \"the\" %v, lists what follows it %v", k, want, got)
		}
	}
}

func TestLowerASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "@AMZ[`amz{ 09\x80\xc1\xda\xff"
	for range 100000 {
		n := r.IntN(40)
		if r.IntN(100) == 0 {
			n = r.IntN(2000) // more than lowerASCII's buffer
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		want := []byte(string(b))
		for i, c := range want {
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := lowerASCII(string(b)); got != string(want) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", b, got, want)
		}
	}
}

func FuzzOpeners(f *testing.F) {
	for _, c := range readCases(f) {
		f.Add(c.sentence)
	}
	f.Add(story)
	r := mustResolver(f)
	sp := sentence.NewSplitter()
	f.Fuzz(func(t *testing.T, text string) { checkOpeners(t, r, sp, text) })
}

func TestDayValue(t *testing.T) {
	for _, d := range []time.Time{
		mkday(2025, 7, 31), mkday(1, 1, 1), mkday(0, 12, 31), mkday(-1, 3, 4), mkday(999, 10, 9),
		mkday(9999, 12, 31), mkday(10000, 1, 1), mkday(1960, 2, 29),
	} {
		if got, want := dayV(d), d.Format(time.DateOnly); got != want {
			t.Errorf("dayV(%v) = %q, want %q", d, got, want)
		}
		y, m := d.Year(), d.Month()
		if got, want := monthV(y, m), fmt.Sprintf("%04d-%02d", y, int(m)); got != want {
			t.Errorf("monthV(%d, %d) = %q, want %q", y, m, got, want)
		}
	}
	if got := monthV(2025, 0); got != "2025-00" {
		t.Errorf("monthV(2025, 0) = %q, want %q", got, "2025-00")
	}
}
