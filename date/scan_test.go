package date

import (
	"fmt"
	"testing"
	"time"

	"github.com/parley-events/parley/sentence"
)

// TestOpeners checks the premise of the skip in resolve: no rule reads an
// expression from a token that does not open one (tok.opens). A rule
// that comes to read a new first word must have it added to openers.
func TestOpeners(t *testing.T) {
	r := mustResolver(t)
	sp := sentence.NewSplitter()
	texts := []string{story,
		"The 1990s, '80s and the mid-1990s; fiscal 1990, Q3 and the third quarter of 1989.",
		"Every Thursday, daily, each year; noon Thursday, 10:35 a.m., midnight and 14:30 GMT.",
		"Less than a week after, a day later, several years ago, the year-ago period, latest quarter.",
		"That day, the same day, later that day, the day before, this weekend, over the weekend.",
		"Now, currently, recently, the past, the future; last Friday, early December, mid-October.",
	}
	for _, c := range readCases(t) {
		texts = append(texts, c.sentence)
	}
	for _, text := range texts {
		checkOpeners(t, r, sp, text)
	}
}

// checkOpeners tries every rule at every token of text, with and without a
// publication date, and reports a match from a token that does not open.
func checkOpeners(t *testing.T, r *Resolver, sp *sentence.Splitter, text string) {
	t.Helper()
	for _, pub := range []time.Time{{}, day("2025-08-01")} {
		toks := r.tokens(nil, text)
		s := &scan{r: r, text: text, toks: toks, tn: r.findTenses(tenses{}, text, toks, sp.Split(text))}
		if !pub.IsZero() {
			s.pub, s.hasPub = pub, true
		}
		for i := range toks {
			m, ok := s.best(i)
			if ok && !toks[i].opens {
				t.Errorf("%q: %q reads from %q, which is not an opener", text, m.tx.Value, toks[i].norm)
			}
			if ok {
				s.out = append(s.out, m.tx)
			}
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
