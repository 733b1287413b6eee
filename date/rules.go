package date

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// scan is the state of one Resolve call.
type scan struct {
	r      *Resolver
	text   string
	toks   []tok
	tn     tenses
	pub    time.Time
	hasPub bool
	// refYear, when not 0, lets a weekday fix the year of a date near it
	// without a publication date (InferPublished).
	refYear int
	out     []Timex
}

// match is a time expression ending before token end.
type match struct {
	end   int
	tx    Timex
	since bool // preceded by "since": the range runs on to publication
}

// rule is one rule of the grammar: the method that reads an expression
// from a token, and the tokens such an expression may begin with, which
// tell Resolve the rules it need not try at a token. The lists are a
// promise about read's code (checked by TestOpeners): a rule that comes
// to read a new first word must have it listed here.
type rule struct {
	read func(s *scan, i int) (match, bool)
	// first holds the tokens an expression read begins with; the, for
	// a rule that lists "the" in first, the tokens that may come after
	// a "the" it begins with.
	first, the starts
}

// starts is a set of tokens: words, words with a reading in one of
// classes, numbers when number is set, apostrophes ('80s) when quote is.
type starts struct {
	words   []string
	classes []class
	number  bool
	quote   bool
}

// holds reports whether st holds the word w, whose readings are ents.
func (st *starts) holds(w string, ents []entry) bool {
	if slices.Contains(st.words, w) {
		return true
	}
	for _, c := range st.classes {
		if has(ents, c) {
			return true
		}
	}
	return false
}

// counts are the tokens a count begins with (scan.number).
var counts = starts{words: []string{"several", "many", "some", "few", "a"}, classes: []class{clNumber}, number: true}

// modifiers are the words scan.mod reads first.
var modifiers = []string{"the", "early", "mid", "late", "middle"}

// rules are the rules of the grammar, in the order in which they win a
// tie (scan.best).
var rules = [...]rule{
	{read: (*scan).calendarDate, first: starts{classes: []class{clWeekday, clMonth}, number: true}},
	{read: (*scan).numericDate, first: starts{number: true}},
	{read: (*scan).monthRule,
		first: starts{classes: []class{clMonth}, words: join(modifiers, "last", "next", "this", "past", "coming")},
		the:   starts{words: []string{"beginning", "start", "middle", "end"}}},
	{read: (*scan).weekdayRule,
		first: starts{classes: []class{clWeekday}, words: []string{"early", "late", "last", "next", "this", "past", "coming"}}},
	{read: (*scan).deictic,
		first: starts{classes: []class{clDeictic}, words: []string{"early", "late", "earlier", "later", "this", "last"}}},
	{read: (*scan).narrative,
		first: starts{words: []string{"later", "earlier", "that", "the"}},
		the:   starts{words: []string{"same", "next", "following", "previous", "day"}}},
	{read: (*scan).relativeUnit,
		first: starts{words: []string{"earlier", "later", "early", "mid", "late", "this", "current", "last", "past", "previous", "next", "coming"}}},
	{read: (*scan).duration,
		first: counts.with("the", "past", "last", "previous", "next", "coming", "first", "recent"),
		the:   counts.with("past", "last", "previous", "next", "coming", "first", "recent")},
	{read: (*scan).anchored, first: counts.with("less", "fewer")},
	{read: (*scan).yearRule,
		first: starts{words: join(modifiers, "fiscal"), number: true, quote: true},
		the:   starts{words: modifiers, number: true, quote: true}},
	{read: (*scan).quarter,
		first: starts{classes: []class{clOrdinal}, number: true, words: []string{"the", "this", "last", "next", "fiscal", "q"}},
		the:   starts{classes: []class{clOrdinal}, number: true, words: []string{"this", "last", "next", "fiscal", "q"}}},
	{read: (*scan).season,
		first: starts{classes: []class{clSeason}, words: join(modifiers, "this", "last", "next", "past", "coming")},
		the:   starts{classes: []class{clSeason}, words: join(modifiers, "beginning", "start", "middle", "end")}},
	{read: (*scan).ref,
		first: starts{classes: []class{clRef}, words: []string{"the"}},
		the:   starts{words: []string{"past", "future", "present"}}},
	{read: (*scan).clock, first: starts{number: true, words: []string{"noon", "midday", "midnight"}}},
	{read: (*scan).set,
		first: starts{words: []string{"daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly", "every", "each"}}},
	{read: (*scan).weekend,
		first: starts{words: []string{"the", "this", "last", "next"}}, // "over the weekend" is not one
		the:   starts{words: []string{"weekend"}}},
	{read: (*scan).fiscal,
		first: starts{words: []string{"the", "latest", "current", "year"}},
		the:   starts{words: []string{"latest", "current", "quarter", "year"}}},
}

// with returns st with words added.
func (st starts) with(words ...string) starts {
	st.words = join(st.words, words...)
	return st
}

func join(a []string, b ...string) []string { return append(slices.Clip(a), b...) }

// ruleSet is a set of rules, bit k standing for rules[k].
type ruleSet uint32

// best returns the longest expression that starts at token i; of two as
// long, the one of the rule listed first. It tries the rules that may
// begin at the token (tok.rules) only.
func (s *scan) best(i int) (match, bool) {
	b := longest{i: i}
	for rs := s.toks[i].rules; rs != 0; rs &= rs - 1 {
		b.try(rules[bits.TrailingZeros32(uint32(rs))].read(s, i))
	}
	return b.m, b.found
}

// longest keeps the longest of the matches from token i it is given, the
// first of two as long.
type longest struct {
	i     int
	m     match
	found bool
}

func (b *longest) try(m match, ok bool) {
	if ok && m.end > b.i && (!b.found || m.end > b.m.end) {
		b.m, b.found = m, true
	}
}

// Token tests.

// reading returns the reading of token i in class c.
func (s *scan) reading(i int, c class) (entry, bool) {
	if i < 0 || i >= len(s.toks) {
		return entry{}, false
	}
	for _, e := range s.toks[i].ents {
		if e.class == c {
			return e, true
		}
	}
	return entry{}, false
}

// readsAs reports whether token i has a reading in class c.
func (s *scan) readsAs(i int, c class) bool {
	return i >= 0 && i < len(s.toks) && has(s.toks[i].ents, c)
}

func (s *scan) w(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].norm
}

func (s *scan) is(i int, words ...string) bool {
	w := s.w(i)
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

// glued reports whether tokens i and i+1 touch, with no space between.
func (s *scan) glued(i int) bool {
	return i >= 0 && i+1 < len(s.toks) && s.toks[i].end == s.toks[i+1].start
}

func (s *scan) span(i, end int) parley.Span {
	return parley.Span{Start: s.toks[i].start, End: s.toks[end-1].end}
}

// tense returns the tense around tokens i..end.
func (s *scan) tense(i, end int) int { return s.tn.at(s.span(i, end)) }

func tenseName(t int) string {
	switch {
	case t < 0:
		return "tense:past"
	case t > 0:
		return "tense:future"
	}
	return "published"
}

// month reads a month name (capitalized; an abbreviation may take a period).
func (s *scan) month(i int) (time.Month, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != 'w' || !s.toks[i].cap {
		return 0, i, false
	}
	e, ok := s.reading(i, clMonth)
	if !ok {
		return 0, i, false
	}
	j := i + 1
	if w := s.toks[i].norm; len(w) <= 4 && w != "may" && w != "june" && w != "july" && s.is(j, ".") && s.glued(i) {
		j++
	}
	return time.Month(e.num), j, true
}

// weekday reads a weekday name; an abbreviation only before a period or
// comma.
func (s *scan) weekday(i int) (int, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != 'w' || !s.toks[i].cap {
		return 0, i, false
	}
	e, ok := s.reading(i, clWeekday)
	if !ok {
		return 0, i, false
	}
	if !strings.HasSuffix(s.toks[i].norm, "day") {
		if !s.is(i+1, ".", ",") {
			return 0, i, false
		}
		if s.is(i+1, ".") {
			return e.num, i + 2, true
		}
	}
	return e.num, i + 1, true
}

// dayNum reads a day of the month: 1–31, with an optional st/nd/rd/th.
func (s *scan) dayNum(i int) (int, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != 'n' || s.toks[i].digits > 2 {
		return 0, i, false
	}
	t := s.toks[i]
	switch t.suffix {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, i, false
	}
	if t.num < 1 || t.num > 31 {
		return 0, i, false
	}
	return t.num, i + 1, true
}

// year reads a four-digit year.
func (s *scan) year(i int) (int, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != 'n' || s.toks[i].digits != 4 || s.toks[i].suffix != "" {
		return 0, i, false
	}
	y := s.toks[i].num
	if y < 1000 || y > 2999 {
		return 0, i, false
	}
	if s.is(i+1, ",", ".") && i+2 < len(s.toks) && s.toks[i+2].kind == 'n' && s.glued(i) && s.glued(i+1) {
		return 0, i, false // 2,500 or 2025.5
	}
	return y, i + 1, true
}

// number reads a count: digits, or number words ("twenty-four", "a",
// "several"); x is set for vague counts ("several", "a few", "many").
func (s *scan) number(i int) (n int, end int, x bool, ok bool) {
	if i >= len(s.toks) {
		return 0, i, false, false
	}
	t := s.toks[i]
	if t.kind == 'n' {
		if t.suffix != "" || t.num < 0 {
			return 0, i, false, false
		}
		j := i + 1
		if s.is(j, ",") && j+1 < len(s.toks) && s.toks[j+1].kind == 'n' && s.toks[j+1].digits == 3 && s.glued(i) && s.glued(j) {
			return 0, i, false, false
		}
		return t.num, j, false, true
	}
	switch t.norm {
	case "several", "many", "some", "few":
		return 0, i + 1, true, true
	case "a":
		if s.is(i+1, "few", "couple") {
			if s.is(i+1, "couple") {
				j := i + 2
				if s.is(j, "of") {
					j++
				}
				return 2, j, false, true
			}
			return 0, i + 2, true, true
		}
	}
	e, ok := s.reading(i, clNumber)
	if !ok {
		return 0, i, false, false
	}
	n, j := e.num, i+1
	if n >= 20 && n < 100 && n%10 == 0 {
		k := j
		if s.is(k, "-") && s.glued(j-1) {
			k++
		}
		if f, ok := s.reading(k, clNumber); ok && f.num < 10 && s.w(k) != "a" && s.w(k) != "an" {
			n, j = n+f.num, k+1
		}
	}
	return n, j, false, true
}

// unit reads a unit word: D W M Y Q E C H MIN.
func (s *scan) unit(i int) (string, int, bool) {
	e, ok := s.reading(i, clUnit)
	if !ok {
		return "", i, false
	}
	return e.code, i + 1, true
}

// mod reads early/mid/late, with a hyphen glued to it ("mid-October"), or
// "the beginning/middle/end of".
func (s *scan) mod(i int) (string, int) {
	j := i
	if s.is(j, "the") && s.is(j+1, "beginning", "start", "middle", "end") && s.is(j+2, "of") {
		code := "END"
		switch s.w(j + 1) {
		case "beginning", "start":
			code = "START"
		case "middle":
			code = "MID"
		}
		return code, j + 3
	}
	if !s.is(j, "early", "mid", "late", "middle") {
		return "", i
	}
	e, _ := s.reading(j, clMod)
	j++
	if s.is(j, "-") {
		j++
	}
	return e.code, j
}

// shift moves t by n units.
func shift(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "D":
		return t.AddDate(0, 0, n)
	case "W":
		return t.AddDate(0, 0, 7*n)
	case "M":
		return t.AddDate(0, n, 0)
	case "Q":
		return t.AddDate(0, 3*n, 0)
	case "Y":
		return t.AddDate(n, 0, 0)
	case "E":
		return t.AddDate(10*n, 0, 0)
	case "C":
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

// period returns the value and range of the unit-long period holding t.
func period(t time.Time, unit string) (string, *parley.DateRange) {
	y, m := t.Year(), t.Month()
	switch unit {
	case "D":
		return dayV(t), rng(t, t)
	case "W":
		mon, v := weekOf(t)
		return v, rng(mon, mon.AddDate(0, 0, 6))
	case "M":
		return monthV(y, m), monthR(y, m)
	case "Q":
		q := (int(m)-1)/3 + 1
		return fmt.Sprintf("%04d-Q%d", y, q), quarterR(y, q)
	case "Y":
		return fmt.Sprintf("%04d", y), yearR(y)
	case "E":
		d := y / 10 * 10
		return fmt.Sprintf("%03dX", d/10), rng(mkday(d, 1, 1), mkday(d+9, 12, 31))
	case "C":
		c := y / 100 * 100
		return fmt.Sprintf("%02d", c/100), rng(mkday(c, 1, 1), mkday(c+99, 12, 31))
	}
	return "", nil
}

// durValue formats a duration: P2W, PT5H, PXY.
func durValue(n int, x bool, unit string) string {
	c := fmt.Sprint(n)
	if x {
		c = "X"
	}
	switch unit {
	case "H":
		return "PT" + c + "H"
	case "MIN":
		return "PT" + c + "M"
	case "E":
		return "P" + c + "DE"
	case "C":
		return "P" + c + "CE"
	}
	return "P" + c + unit
}

// calendarDate reads "July 31", "Thursday, July 31", "July 31, 2025",
// "31 July 2025", "Jan. 5", "July 2025", "September 15–20", "July 17 to
// August 2".
func (s *scan) calendarDate(i int) (match, bool) {
	j, wd := i, 0
	if d, k, ok := s.weekday(j); ok {
		wd, j = d, k
		if s.is(j, ",") {
			j++
		}
	}
	var (
		m      time.Month
		d, d2  int
		m2     time.Month
		y, y2  int
		hasDay bool
	)
	if mm, k, ok1 := s.month(j); ok1 {
		m, j = mm, k
		if dd, k2, ok2 := s.dayNum(j); ok2 {
			if _, _, isYear := s.year(j); !isYear {
				d, j, hasDay = dd, k2, true
			}
		}
		if !hasDay {
			k := j
			if s.is(k, ",") || s.is(k, "of") {
				k++
			}
			if yy, k2, ok2 := s.year(k); ok2 {
				y, j = yy, k2
			} else {
				return match{}, false // a bare month is monthRule's
			}
		}
	} else if dd, k, ok1 := s.dayNum(j); ok1 {
		k2 := k
		if s.is(k2, "of") {
			k2++
		}
		if mm, k3, ok2 := s.month(k2); ok2 {
			d, m, j, hasDay = dd, mm, k3, true
		} else if s.is(k, "-") || s.is(k, "to") {
			// "15-20 September"
			if dd2, k3, ok2 := s.dayNum(k + 1); ok2 {
				k4 := k3
				if s.is(k4, "of") {
					k4++
				}
				if mm, k5, ok3 := s.month(k4); ok3 && dd2 > dd {
					d, d2, m, m2, j, hasDay = dd, dd2, mm, mm, k5, true
				}
			}
		}
		if !hasDay {
			return match{}, false
		}
	} else {
		return match{}, false
	}
	if hasDay && y == 0 {
		k := j
		if s.is(k, ",") {
			k++
		}
		if yy, k2, ok2 := s.year(k); ok2 {
			y, j = yy, k2
		}
	}
	// Interval tail: "-20", "to 20", "through Aug. 2", "- Aug. 2, 2025".
	if hasDay && d2 == 0 && s.is(j, "-", "to", "through", "until", "till") {
		k := j + 1
		mm := m
		if m3, k2, ok2 := s.month(k); ok2 {
			mm, k = m3, k2
		}
		if dd, k2, ok2 := s.dayNum(k); ok2 {
			if _, _, isYear := s.year(k); !isYear && (mm != m || dd > d) {
				d2, m2, j = dd, mm, k2
				k3 := j
				if s.is(k3, ",") {
					k3++
				}
				if yy, k4, ok3 := s.year(k3); ok3 {
					y2, j = yy, k4
				}
			}
		}
	}
	tx := Timex{Type: "DATE", Anchor: "absolute"}
	if !hasDay {
		tx.Value, tx.Range = monthV(y, m), monthR(y, m)
		return match{end: j, tx: tx}, true
	}
	if y == 0 && y2 != 0 {
		y = y2
		if m2 < m {
			y = y2 - 1
		}
	}
	if y == 0 {
		if !s.hasPub && wd == 0 {
			tx.Value, tx.Anchor = fmt.Sprintf("XXXX-%02d-%02d", int(m), d), ""
			if d2 != 0 {
				tx.Value += fmt.Sprintf("/XXXX-%02d-%02d", int(m2), d2)
			}
			return match{end: j, tx: tx}, true
		}
		y = s.yearFor(i, j, m, d, wd)
		tx.Anchor = "published"
		if !s.hasPub {
			tx.Anchor = "weekday"
		}
		if y == 0 {
			tx.Value = fmt.Sprintf("XXXX-%02d-%02d", int(m), d)
			return match{end: j, tx: tx}, true
		}
	}
	if !validDay(y, m, d) {
		return match{}, false
	}
	a := mkday(y, m, d)
	if d2 == 0 {
		tx.Value, tx.Range = dayV(a), rng(a, a)
		return match{end: j, tx: tx}, true
	}
	yb := y
	if y2 != 0 {
		yb = y2
	} else if m2 < m {
		yb = y + 1
	}
	if !validDay(yb, m2, d2) {
		return match{}, false
	}
	b := mkday(yb, m2, d2)
	if b.Before(a) {
		return match{}, false
	}
	tx.Value, tx.Range = dayV(a)+"/"+dayV(b), rng(a, b)
	return match{end: j, tx: tx}, true
}

// yearFor picks the year of month m day d: with a weekday, the year near
// publication (or any year when there is none, see weekdayYear) in which
// the day falls on it; else by tense (pickYear).
func (s *scan) yearFor(i, j int, m time.Month, d, wd int) int {
	if wd != 0 {
		ref := s.refYear
		if s.hasPub {
			ref = s.pub.Year()
		}
		if y := weekdayYear(m, d, wd, ref); y != 0 {
			return y
		}
	}
	if !s.hasPub {
		return 0
	}
	return pickYear(s.pub, s.tense(i, j), func(y int) (parley.DateRange, bool) {
		if !validDay(y, m, d) {
			return parley.DateRange{}, false
		}
		a := mkday(y, m, d)
		return parley.DateRange{Start: a, End: a}, true
	})
}

// weekdayYear returns the year nearest ref (within 6 years) in which month m
// day d is weekday wd; with ref 0, 0.
func weekdayYear(m time.Month, d, wd, ref int) int {
	if ref == 0 {
		return 0
	}
	for off := 0; off <= 6; off++ {
		for _, y := range []int{ref - off, ref + off} {
			if validDay(y, m, d) && int(mkday(y, m, d).Weekday()+6)%7+1 == wd {
				return y
			}
		}
	}
	return 0
}

// numericDate reads 2025-07-31, 2025-07 and 7/31/2025.
func (s *scan) numericDate(i int) (match, bool) {
	t := s.toks
	if i+2 < len(t) && t[i].kind == 'n' && t[i].digits == 4 && s.is(i+1, "-") && s.glued(i) && s.glued(i+1) &&
		t[i+2].kind == 'n' && t[i+2].digits == 2 && t[i+2].suffix == "" {
		y, m := t[i].num, time.Month(t[i+2].num)
		if m < 1 || m > 12 {
			return match{}, false
		}
		if i+4 < len(t) && s.is(i+3, "-") && s.glued(i+2) && s.glued(i+3) && t[i+4].kind == 'n' && t[i+4].digits == 2 && t[i+4].suffix == "" {
			d := t[i+4].num
			if !validDay(y, m, d) {
				return match{}, false
			}
			a := mkday(y, m, d)
			return match{end: i + 5, tx: Timex{Type: "DATE", Value: dayV(a), Range: rng(a, a), Anchor: "absolute"}}, true
		}
		return match{end: i + 3, tx: Timex{Type: "DATE", Value: monthV(y, m), Range: monthR(y, m), Anchor: "absolute"}}, true
	}
	if i+4 < len(t) && t[i].kind == 'n' && t[i].digits <= 2 && s.is(i+1, "/") && t[i+2].kind == 'n' && t[i+2].digits <= 2 &&
		s.is(i+3, "/") && t[i+4].kind == 'n' && t[i+4].digits == 4 && s.glued(i) && s.glued(i+1) && s.glued(i+2) && s.glued(i+3) {
		m, d, y := time.Month(t[i].num), t[i+2].num, t[i+4].num
		if !validDay(y, m, d) {
			return match{}, false
		}
		a := mkday(y, m, d)
		return match{end: i + 5, tx: Timex{Type: "DATE", Value: dayV(a), Range: rng(a, a), Anchor: "absolute"}}, true
	}
	return match{}, false
}

// relYear reads "last year", "this year", "next year" after a month
// ("June last year"): the offset from the publication year.
func (s *scan) relYear(j int) (int, int, bool) {
	if s.is(j, "last", "this", "next") && s.is(j+1, "year") {
		return yearOffset(s.w(j)), j + 2, true
	}
	return 0, j, false
}

// yearOffset is the offset of "last", "this" and "next" year from the
// publication year.
func yearOffset(det string) int {
	switch det {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

// monthRule reads a month without a day: "December", "last December",
// "this September", "mid-October", "early December", "June last year".
func (s *scan) monthRule(i int) (match, bool) {
	mod, j := s.mod(i)
	det := ""
	if s.is(j, "last", "next", "this", "past", "coming") {
		det, j = s.w(j), j+1
	}
	m, k, ok := s.month(j)
	if !ok {
		return match{}, false
	}
	if _, _, isDay := s.dayNum(k); isDay {
		if _, _, isYear := s.year(k); !isYear {
			return match{}, false
		}
	}
	if det == "" && mod == "" && (m == time.May || m == time.March) && !s.is(i-1, "in", "since", "until", "by", "of", "from", "through", "during", "before", "after", "early", "late", "mid", "last", "next", "this", "-") {
		if _, _, ok := s.relYear(k); !ok {
			return match{}, false
		}
	}
	if w := s.w(j); len(w) <= 4 && w != "may" && w != "june" && w != "july" && det == "" && mod == "" {
		return match{}, false // "Jan" alone is more often a name
	}
	end := k
	tx := Timex{Type: "DATE", Mod: mod}
	var y int
	if off, k2, ok := s.relYear(k); ok && det == "" {
		end = k2
		if !s.hasPub {
			return match{end: end, tx: tx}, true
		}
		y = s.pub.Year() + off
		tx.Anchor = "published"
	} else {
		k2 := k
		if s.is(k2, ",") || s.is(k2, "of") {
			k2++
		}
		if _, _, ok := s.year(k2); ok {
			return match{}, false // calendarDate's "July 2025"
		}
		if !s.hasPub {
			tx.Value = fmt.Sprintf("XXXX-%02d", int(m))
			return match{end: end, tx: tx}, true
		}
		p := s.pub
		switch det {
		case "last", "past":
			y = p.Year()
			for !monthR(y, m).End.Before(p) {
				y--
			}
		case "next", "coming":
			y = p.Year()
			for !monthR(y, m).Start.After(p) {
				y++
			}
		case "this":
			y = p.Year()
		default:
			t := s.tense(i, end)
			y = pickYear(p, t, func(y int) (parley.DateRange, bool) { return monthSpan(y, m), true })
			tx.Anchor = tenseName(t)
		}
		if tx.Anchor == "" {
			tx.Anchor = "published"
		}
	}
	tx.Value, tx.Range = monthV(y, m), narrow(monthR(y, m), mod)
	return match{end: end, tx: tx}, true
}

// partOf reads a part of the day: morning, afternoon, evening, night.
func (s *scan) partOf(i int) (string, int, bool) {
	e, ok := s.reading(i, clPart)
	if !ok {
		return "", i, false
	}
	return e.code, i + 1, true
}

// weekdayRule reads "Tuesday", "last Friday", "next Monday", "Wednesday
// night", "late Friday".
func (s *scan) weekdayRule(i int) (match, bool) {
	j := i
	mod := ""
	if s.is(j, "early", "late") {
		mod = "START"
		if s.is(j, "late") {
			mod = "END"
		}
		j++
	}
	det := ""
	if s.is(j, "last", "next", "this", "past", "coming") {
		det, j = s.w(j), j+1
	}
	wd, k, ok := s.weekday(j)
	if !ok || !strings.HasSuffix(s.w(j), "day") {
		return match{}, false
	}
	part, k2, hasPart := s.partOf(k)
	if hasPart {
		k = k2
	}
	tx := Timex{Type: "DATE", Mod: mod}
	if hasPart {
		tx.Type = "TIME"
	}
	if !s.hasPub {
		return match{end: k, tx: tx}, true
	}
	var d time.Time
	switch det {
	case "last", "past":
		d = weekdayNear(s.pub.AddDate(0, 0, -1), wd, -1)
		tx.Anchor = "published"
	case "next", "coming":
		d = weekdayNear(s.pub.AddDate(0, 0, 1), wd, 1)
		tx.Anchor = "published"
	case "this":
		d = weekdayNear(s.pub, wd, 1)
		tx.Anchor = "published"
	default:
		t := s.tense(i, k)
		d = weekdayNear(s.pub, wd, t)
		tx.Anchor = tenseName(t)
	}
	tx.Value, tx.Range = dayV(d), rng(d, d)
	if hasPart {
		tx.Value += "T" + part
	}
	return match{end: k, tx: tx}, true
}

// deictic reads today, yesterday, tomorrow, tonight, "yesterday morning",
// "late yesterday", "this morning", "last night".
func (s *scan) deictic(i int) (match, bool) {
	j := i
	if s.is(j, "early", "late", "earlier", "later") {
		j++
	}
	var off int
	part := ""
	switch {
	case s.readsAs(j, clDeictic):
		e, _ := s.reading(j, clDeictic)
		off = e.num
		if s.is(j, "tonight") {
			part = "NI"
		}
		j++
		if p, k, ok := s.partOf(j); ok && part == "" {
			part, j = p, k
		}
	case s.is(j, "this", "last") && s.readsAs(j+1, clPart):
		p, _ := s.reading(j+1, clPart)
		if s.is(j, "last") {
			if p.code != "NI" {
				return match{}, false
			}
			off = -1
		}
		part, j = p.code, j+2
	default:
		return match{}, false
	}
	if j-i > 1 && s.is(i, "early", "late", "earlier", "later") && part == "" && !s.is(i+1, "today", "yesterday", "tomorrow") {
		return match{}, false
	}
	tx := Timex{Type: "DATE", Anchor: "published"}
	if part != "" {
		tx.Type = "TIME"
	}
	if !s.hasPub {
		tx.Anchor = ""
		return match{end: j, tx: tx}, true
	}
	d := s.pub.AddDate(0, 0, off)
	tx.Value, tx.Range = dayV(d), rng(d, d)
	if part != "" {
		tx.Value += "T" + part
	}
	return match{end: j, tx: tx}, true
}

// relativeUnit reads this/last/next week, month, year, quarter, decade
// ("last week", "next year", "this month"), with "earlier/later this
// month" and "early next year".
func (s *scan) relativeUnit(i int) (match, bool) {
	j := i
	mod, edge := "", ""
	switch {
	case s.is(j, "earlier", "later"):
		edge, j = s.w(j), j+1
	case s.is(j, "early", "mid", "late"):
		mod, j = s.mod(j)
	}
	var off int
	switch s.w(j) {
	case "this", "current":
		off = 0
	case "last", "past", "previous":
		off = -1
	case "next", "coming":
		off = 1
	default:
		return match{}, false
	}
	unit, k, ok := s.unit(j + 1)
	if !ok || unit == "H" || unit == "MIN" || unit == "D" || strings.HasSuffix(s.w(j+1), "s") {
		return match{}, false
	}
	if (s.is(j, "past", "previous", "coming") || s.is(i-1, "the")) && edge == "" && mod == "" {
		return match{}, false // "the past week" is a duration
	}
	if s.is(k, "'") && s.is(k+1, "s") {
		// "last year's third quarter" is quarter's
		if _, _, ok := s.ordinalQ(k + 2); ok {
			return match{}, false
		}
	}
	tx := Timex{Type: "DATE", Mod: mod, Anchor: "published"}
	if !s.hasPub {
		tx.Anchor = ""
		return match{end: k, tx: tx}, true
	}
	v, r := period(shift(s.pub, unit, off), unit)
	tx.Value, tx.Range = v, narrow(r, mod)
	if r != nil && off == 0 {
		switch edge {
		case "earlier":
			tx.Range = rng(r.Start, s.pub)
		case "later":
			tx.Range = rng(s.pub, r.End)
		}
	}
	return match{end: k, tx: tx}, true
}

// duration reads "two weeks", "five-year", "14 days", "several years",
// "the past two weeks", "over the past two weeks", "the first nine months",
// "recent years".
func (s *scan) duration(i int) (match, bool) {
	j := i
	the := false
	if s.is(j, "the") {
		the, j = true, j+1
	}
	dir := ""
	if s.is(j, "past", "last", "previous", "next", "coming", "first", "recent") {
		dir, j = s.w(j), j+1
	}
	if dir == "" && s.is(j, "recent") {
		dir, j = "recent", j+1
	}
	n, k, x, hasN := s.number(j)
	if hasN && s.toks[j].kind == 'n' && s.toks[j].digits >= 4 {
		return match{}, false // "the 1988 quarter"
	}
	if hasN {
		if s.is(k, "-") && s.glued(k-1) {
			k++
		}
		j = k
	} else {
		n = 1
	}
	unit, k, ok := s.unit(j)
	if !ok {
		return match{}, false
	}
	plural := strings.HasSuffix(s.w(j), "s")
	if !hasN {
		switch {
		case dir == "recent" && plural:
			x = true
		case the && dir != "" && !plural:
		default:
			return match{}, false
		}
	}
	if hasN && !x && (s.w(i) == "a" || s.w(i) == "an") {
		if plural {
			return match{}, false
		}
	}
	if (dir == "last" || dir == "next") && !the && !hasN {
		return match{}, false
	}
	if !hasN && dir == "" {
		return match{}, false
	}
	if hasN && n == 0 && !x {
		return match{}, false
	}
	tx := Timex{Type: "DURATION", Value: durValue(n, x, unit)}
	if s.hasPub && !x && unit != "H" && unit != "MIN" {
		ref, anchor := s.pub, "published"
		// "the past two weeks" in a quotation counts back from when the
		// words were said: the narrative's day, when the story set one
		// before publication.
		if at := s.toks[i].start; quoteAt(s.text, s.tn.sentence(at), at) >= 0 {
			if nd, ok := s.narrativeDay(); ok && nd.Before(s.pub) {
				ref, anchor = nd, "narrative"
			}
		}
		switch dir {
		case "past", "last", "previous":
			tx.Range, tx.Anchor = rng(shift(ref, unit, -n), ref), anchor
		case "next", "coming":
			tx.Range, tx.Anchor = rng(ref, shift(ref, unit, n)), anchor
		}
	}
	return match{end: k, tx: tx}, true
}

// anchored reads "N units ago/later/earlier/after/before", "less than a
// week after", "a year earlier".
func (s *scan) anchored(i int) (match, bool) {
	j := i
	less := false
	if s.is(j, "less", "fewer") && s.is(j+1, "than") {
		less, j = true, j+2
	}
	n, k, x, ok := s.number(j)
	if !ok {
		return match{}, false
	}
	if s.is(k, "-") {
		k++
	}
	unit, k, ok := s.unit(k)
	if !ok || unit == "H" || unit == "MIN" {
		return match{}, false
	}
	dir := s.w(k)
	if x {
		if dir != "ago" {
			return match{}, false
		}
		return match{end: k + 1, tx: Timex{Type: "DATE", Value: "PAST_REF"}}, true
	}
	sign := 1
	switch dir {
	case "ago", "earlier", "before":
		sign = -1
	case "later", "after":
	default:
		return match{}, false
	}
	end := k + 1
	tx := Timex{Type: "DATE"}
	var ref time.Time
	back := (dir == "after" || dir == "before") && s.follows(i)
	switch {
	case back:
		// "The visit came a day after Lavrentiev held talks": the subject
		// is an event the story has dated already; the clause after
		// "after" is the one the expression dates, a day before it.
		a, found := s.lastDay(s.toks[i].start)
		if !found {
			return match{end: end, tx: tx}, true
		}
		ref, tx.Anchor, sign = a, "anchor", -sign
		tx.subject = rng(a, a)
	case dir == "ago":
		if !s.hasPub {
			return match{end: end, tx: tx}, true
		}
		ref, tx.Anchor = s.pub, "published"
	default:
		a, found := s.anchorDay(s.toks[i].start)
		switch {
		case found:
			ref, tx.Anchor = a, "anchor"
		case dir == "later" || dir == "earlier":
			if nd, ok := s.narrativeDay(); ok {
				ref, tx.Anchor = nd, "narrative"
			} else if s.hasPub {
				ref, tx.Anchor = s.pub, "published"
			} else {
				return match{end: end, tx: tx}, true
			}
		default:
			return match{end: end, tx: tx}, true
		}
	}
	if less {
		if unit == "D" && n <= 1 {
			return match{end: end, tx: tx}, true
		}
		a := ref.AddDate(0, 0, sign)
		b := shift(ref, unit, sign*n).AddDate(0, 0, -sign)
		if sign < 0 {
			a, b = b, a
		}
		tx.Value, tx.Range = dayV(a)+"/"+dayV(b), rng(a, b)
		return match{end: end, tx: tx}, true
	}
	gran := unit
	if tx.Anchor == "anchor" || tx.Anchor == "narrative" {
		if unit == "W" {
			gran = "D"
		}
	}
	tx.Value, tx.Range = period(shift(ref, unit, sign*n), gran)
	return match{end: end, tx: tx}, true
}

// anchorDay returns the last single day dated in the sentence of at or the
// one before it, before at.
func (s *scan) anchorDay(at int) (time.Time, bool) {
	k := s.tn.sentenceIndex(at)
	for x := len(s.out) - 1; x >= 0; x-- {
		t := s.out[x]
		if k >= 0 {
			if kk := s.tn.sentenceIndex(t.Span.Start); kk < k-1 {
				break
			}
		}
		if t.Range != nil && t.Range.Start.Equal(t.Range.End) && t.Type != "DURATION" {
			return t.Range.Start, true
		}
	}
	return time.Time{}, false
}

// follows reports whether the expression at token i comes after "came"
// or "comes", whose subject in news is the event the story has told
// already: "the visit came a day after", "the meeting comes less than a
// week after". ("The strike took place two days before the summit" tells
// a new event: it is not one.)
func (s *scan) follows(i int) bool {
	return s.is(i-1, "came", "comes", "come", "coming")
}

// lastDay returns the last single day the text dated before at that is
// not after publication: the event a "came a day after" refers back to.
func (s *scan) lastDay(at int) (time.Time, bool) {
	for x := len(s.out) - 1; x >= 0; x-- {
		t := s.out[x]
		if t.Span.Start >= at || t.Range == nil || t.Type == "DURATION" || !t.Range.Start.Equal(t.Range.End) {
			continue
		}
		if s.hasPub && t.Range.Start.After(s.pub) {
			continue
		}
		return t.Range.Start, true
	}
	return time.Time{}, false
}

// narrativeRange returns the range of the narrative date so far: the last
// DATE or TIME that may set it (see narrativeSets).
func (s *scan) narrativeRange() (*parley.DateRange, string, bool) {
	for x := len(s.out) - 1; x >= 0; x-- {
		t := s.out[x]
		if narrativeSets(&t, s.pub, s.hasPub) {
			if t.subject != nil {
				return t.subject, dayV(t.subject.Start), true
			}
			day, _, _ := strings.Cut(t.Value, "T")
			return t.Range, day, true
		}
	}
	return nil, "", false
}

func (s *scan) narrativeDay() (time.Time, bool) {
	r, _, ok := s.narrativeRange()
	if !ok || !r.Start.Equal(r.End) {
		return time.Time{}, false
	}
	return r.Start, true
}

// yearRule reads "2025", "fiscal 1990", "early 1990", "the 1960s", "the
// '80s", "the mid-1990s", "the 20th century".
func (s *scan) yearRule(i int) (match, bool) {
	j := i
	the := false
	if s.is(j, "the") {
		the, j = true, j+1
	}
	mod, j2 := s.mod(j)
	j = j2
	if s.is(j, "'") && j+1 < len(s.toks) && s.toks[j+1].digits == 2 {
		j++
	}
	t := s.toks
	if j >= len(t) {
		return match{}, false
	}
	// Decades: 1960s, '80s.
	if t[j].kind == 'n' && t[j].suffix == "s" && t[j].num%10 == 0 && (t[j].digits == 4 || t[j].digits == 2 && s.is(j-1, "'")) {
		d := t[j].num
		if t[j].digits == 2 {
			d += 1900
		}
		if d < 1000 || d > 2990 {
			return match{}, false
		}
		start := i
		if t[j].digits == 2 && !the && mod == "" {
			start = j - 1
			if start != i {
				return match{}, false
			}
		}
		r := narrow(rng(mkday(d, 1, 1), mkday(d+9, 12, 31)), mod)
		return match{end: j + 1, tx: Timex{Type: "DATE", Value: fmt.Sprintf("%03dX", d/10), Mod: mod, Range: r, Anchor: "absolute"}}, true
	}
	// Centuries: the 20th century.
	if the && t[j].kind == 'n' && t[j].digits <= 2 && t[j].suffix != "" && s.is(j+1, "century") {
		c := t[j].num - 1
		if c < 0 {
			return match{}, false
		}
		r := narrow(rng(mkday(c*100, 1, 1), mkday(c*100+99, 12, 31)), mod)
		if c*100 < 1 {
			r = nil
		}
		return match{end: j + 2, tx: Timex{Type: "DATE", Value: fmt.Sprintf("%02d", c), Mod: mod, Range: r, Anchor: "absolute"}}, true
	}
	if the && mod == "" {
		return match{}, false
	}
	fiscal := s.is(j, "fiscal")
	if fiscal {
		j++
	}
	y, k, ok := s.year(j)
	if !ok {
		return match{}, false
	}
	if !s.plausibleYear(j, k) && !fiscal && mod == "" {
		return match{}, false
	}
	return match{end: k, tx: Timex{Type: "DATE", Value: fmt.Sprintf("%04d", y), Mod: mod, Range: narrow(yearR(y), mod), Anchor: "absolute"}}, true
}

// plausibleYear rejects four-digit numbers that count things: after a
// currency sign or before a percent sign, a unit or a plural noun.
func (s *scan) plausibleYear(j, k int) bool {
	if s.is(j-1, "$", "€", "£", "#", "no", "number", "flight", "route", "resolution", "article", "about", "some", "nearly", "almost", "over", "than", "least") {
		return false
	}
	if j > 0 && s.toks[j-1].kind == 'n' {
		return false
	}
	next := s.w(k)
	switch next {
	case "%", "percent", "people", "troops", "soldiers", "points", "meters", "metres", "feet", "miles", "km", "kilometers", "tons", "tonnes", "hours", "days", "votes", "members", "million", "billion", "dollars", "cars", "shares":
		return false
	}
	if k < len(s.toks) && s.toks[k].kind == 'n' {
		return false
	}
	if s.is(k, "-") && s.glued(k-1) && k+1 < len(s.toks) && s.toks[k+1].kind == 'n' {
		return false
	}
	if s.is(k, "to") && k+1 < len(s.toks) && s.toks[k+1].kind == 'n' {
		return true
	}
	if s.readsAs(k, clUnit) {
		return false
	}
	return true
}

// ordinalQ reads an ordinal (first, 3rd) followed by quarter or half:
// "third quarter", "third-quarter", "first half"; returns n and Q or H.
func (s *scan) ordinalQ(j int) (int, string, bool) {
	var n int
	if e, ok := s.reading(j, clOrdinal); ok && e.num > 0 {
		n = e.num
	} else if j < len(s.toks) && s.toks[j].kind == 'n' && s.toks[j].digits == 1 && s.toks[j].suffix != "" && s.toks[j].suffix != "s" {
		n = s.toks[j].num
	} else {
		return 0, "", false
	}
	j++
	if s.is(j, "-") {
		j++
	}
	switch s.w(j) {
	case "quarter":
		if n < 1 || n > 4 {
			return 0, "", false
		}
		return n, "Q", true
	case "half":
		if n < 1 || n > 2 {
			return 0, "", false
		}
		return n, "H", true
	}
	return 0, "", false
}

// quarter reads "the third quarter", "third-quarter", "this year's third
// quarter", "the fourth quarter of 1989", "the first half of 2025", "Q3".
func (s *scan) quarter(i int) (match, bool) {
	j := i
	if s.is(j, "the") {
		j++
	}
	yoff, hasOff := 0, false
	y := 0
	if s.is(j, "this", "last", "next") && s.is(j+1, "year") && s.is(j+2, "'") && s.is(j+3, "s") {
		yoff, hasOff = yearOffset(s.w(j)), true
		j += 4
	} else if yy, k, ok := s.year(j); ok {
		y, j = yy, k
	}
	if s.is(j, "fiscal") {
		j++
	}
	var n int
	var kind string
	if s.is(j, "q") && j+1 < len(s.toks) && s.glued(j) && s.toks[j+1].kind == 'n' && s.toks[j+1].digits == 1 && s.toks[j].cap {
		n, kind = s.toks[j+1].num, "Q"
		if n < 1 || n > 4 {
			return match{}, false
		}
		j += 2
	} else {
		nn, kk, ok := s.ordinalQ(j)
		if !ok {
			return match{}, false
		}
		n, kind = nn, kk
		j++
		if s.is(j, "-") {
			j++
		}
		j++
	}
	if y == 0 && !hasOff {
		k := j
		if s.is(k, "of") {
			k++
			if s.is(k, "fiscal") {
				k++
			}
			if yy, k2, ok := s.year(k); ok {
				y, j = yy, k2
			}
		} else if yy, k2, ok := s.year(k); ok {
			y, j = yy, k2
		}
	}
	tx := Timex{Type: "DATE", Anchor: "absolute"}
	r := func(y int) *parley.DateRange {
		if kind == "H" {
			return halfR(y, n)
		}
		return quarterR(y, n)
	}
	switch {
	case y != 0:
	case !s.hasPub:
		tx.Value, tx.Anchor = fmt.Sprintf("XXXX-%s%d", kind, n), ""
		return match{end: j, tx: tx}, true
	case hasOff:
		y, tx.Anchor = s.pub.Year()+yoff, "published"
	default:
		t := s.tense(i, j)
		if t == 0 {
			t = -1 // reports on quarters look back
		}
		y = pickYear(s.pub, t, func(y int) (parley.DateRange, bool) { return *r(y), true })
		tx.Anchor = tenseName(t)
	}
	tx.Value, tx.Range = fmt.Sprintf("%04d-%s%d", y, kind, n), r(y)
	return match{end: j, tx: tx}, true
}

// season reads "the summer", "last summer", "summer 2024", "the summer of
// 2024", "early spring"; "since the summer" marks the range to run on to
// publication.
func (s *scan) season(i int) (match, bool) {
	j := i
	mod, j := s.mod(j)
	det := ""
	if s.is(j, "the", "this", "last", "next", "past", "coming") {
		det, j = s.w(j), j+1
	}
	if mod == "" {
		if m2, k := s.mod(j); m2 != "" {
			mod, j = m2, k
		}
	}
	e, ok := s.reading(j, clSeason)
	if !ok {
		return match{}, false
	}
	j++
	y := 0
	k := j
	if s.is(k, "of") {
		k++
	}
	if yy, k2, ok := s.year(k); ok {
		y, j = yy, k2
	}
	if det == "" && mod == "" && y == 0 && !s.is(i-1, "in", "since", "during", "until", "by", "this", "over", "through") {
		return match{}, false
	}
	if e.code == "FA" && det == "" && y == 0 && mod == "" && !s.is(i-1, "in", "since", "during", "until", "this") {
		return match{}, false
	}
	tx := Timex{Type: "DATE", Mod: mod, Anchor: "absolute"}
	since := s.is(i-1, "since")
	if y == 0 {
		if !s.hasPub {
			tx.Value, tx.Anchor = "XXXX-"+e.code, ""
			return match{end: j, tx: tx}, true
		}
		p := s.pub
		tx.Anchor = "published"
		switch det {
		case "last", "past":
			y = p.Year()
			for !seasonR(y, e.code).End.Before(p) {
				y--
			}
		case "next", "coming":
			y = p.Year()
			for !seasonR(y, e.code).Start.After(p) {
				y++
			}
		case "this":
			y = p.Year()
			if e.code == "WI" && p.Month() <= time.February {
				y--
			}
		default:
			t := s.tense(i, j)
			if since {
				t = -1
			}
			y = pickYear(p, t, func(y int) (parley.DateRange, bool) { return seasonSpan(y, e.code), true })
			tx.Anchor = tenseName(t)
		}
	}
	tx.Value, tx.Range = fmt.Sprintf("%04d-%s", y, e.code), narrow(seasonR(y, e.code), mod)
	return match{end: j, tx: tx, since: since}, true
}

// ref reads now, currently, recently, the past, the future.
func (s *scan) ref(i int) (match, bool) {
	j := i
	if s.is(j, "the") && s.is(j+1, "past", "future", "present") {
		if s.is(j+2, "-") {
			return match{}, false
		}
		v := "PRESENT_REF"
		switch s.w(j + 1) {
		case "past":
			v = "PAST_REF"
		case "future":
			v = "FUTURE_REF"
		}
		return match{end: j + 2, tx: Timex{Type: "DATE", Value: v}}, true
	}
	e, ok := s.reading(j, clRef)
	if !ok || s.is(j, "future") {
		return match{}, false
	}
	if s.is(j, "now") && s.is(j+1, "that") {
		return match{}, false
	}
	return match{end: j + 1, tx: Timex{Type: "DATE", Value: e.code}}, true
}

// clock reads "10:35 a.m.", "10 p.m. Wednesday", "noon Thursday", "at
// 14:30", "midnight".
func (s *scan) clock(i int) (match, bool) {
	t := s.toks
	j := i
	h, mnt := -1, 0
	switch {
	case s.is(j, "noon", "midday"):
		h, j = 12, j+1
	case s.is(j, "midnight"):
		h, j = 0, j+1
	case j < len(t) && t[j].kind == 'n' && t[j].digits <= 2 && t[j].suffix == "":
		h = t[j].num
		j++
		hasMin := false
		if s.is(j, ":") && j+1 < len(t) && t[j+1].kind == 'n' && t[j+1].digits == 2 && s.glued(j-1) && s.glued(j) {
			mnt, j, hasMin = t[j+1].num, j+2, true
		}
		switch {
		case s.is(j, "am", "pm") || s.is(j, "a", "p") && s.is(j+1, "m"):
			if h < 1 || h > 12 {
				return match{}, false
			}
			pm := s.w(j) == "pm" || s.w(j) == "p"
			if s.w(j) == "a" || s.w(j) == "p" {
				j++
			}
			j++
			if h == 12 {
				h = 0
			}
			if pm {
				h += 12
			}
		case hasMin && (s.is(i-1, "at", "by", "until", "from") || s.is(j, "gmt", "utc", "local", "est", "edt", "cet", "cest", "msk")):
			if h > 23 {
				return match{}, false
			}
			if s.is(j, "gmt", "utc", "est", "edt", "cet", "cest", "msk") {
				j++
			} else if s.is(j, "local") && s.is(j+1, "time") {
				j += 2
			}
		default:
			return match{}, false
		}
		if mnt > 59 {
			return match{}, false
		}
	default:
		return match{}, false
	}
	tx := Timex{Type: "TIME"}
	k := j
	if s.is(k, "on") {
		k++
	}
	day, hasDay := time.Time{}, false
	if wd, k2, ok := s.weekday(k); ok && strings.HasSuffix(s.w(k), "day") {
		j = k2
		if s.hasPub {
			tt := s.tense(i, j)
			day, hasDay, tx.Anchor = weekdayNear(s.pub, wd, tt), true, tenseName(tt)
		}
	} else if e, ok := s.reading(j, clDeictic); ok {
		j++
		if s.hasPub {
			day, hasDay, tx.Anchor = s.pub.AddDate(0, 0, e.num), true, "published"
		}
	} else if s.hasPub {
		day, hasDay, tx.Anchor = s.pub, true, "published"
		if nd, ok := s.narrativeDay(); ok {
			day, tx.Anchor = nd, "narrative"
		}
	}
	if hasDay {
		tx.Value, tx.Range = fmt.Sprintf("%sT%02d:%02d", dayV(day), h, mnt), rng(day, day)
	}
	return match{end: j, tx: tx}, true
}

// narrative reads "later" opening a sentence, "later that day", "that
// day", "the same day", "the next day", "the following day", "the day
// before", "the previous day".
func (s *scan) narrative(i int) (match, bool) {
	j := i
	off := 0
	switch {
	case s.is(j, "later") && s.is(j+1, "that", "in") && s.is(j+2, "day", "evening", "night", "morning", "afternoon"):
		j += 3
	case s.is(j, "later") && s.is(j+1, "in") && s.is(j+2, "the") && s.is(j+3, "day"):
		j += 4
	case s.is(j, "later") && s.toks[j].cap && (j == 0 || s.is(j-1, ".", "\"", "!", "?") || s.tn.sentence(s.toks[j].start).Start == s.toks[j].start) && !s.is(j+1, "this", "that", "on", "in", "today", "yesterday", "tomorrow", "-"):
		j++
	case s.is(j, "earlier", "later") && s.is(j+1, "that") && s.is(j+2, "day"):
		j += 3
	case s.is(j, "that") && s.is(j+1, "day") && !s.is(j+2, "of", "when"):
		j += 2
	case s.is(j, "the") && s.is(j+1, "same") && s.is(j+2, "day"):
		j += 3
	case s.is(j, "the") && s.is(j+1, "next", "following") && s.is(j+2, "day"):
		j, off = j+3, 1
	case s.is(j, "the") && s.is(j+1, "previous") && s.is(j+2, "day"):
		j, off = j+3, -1
	case s.is(j, "the") && s.is(j+1, "day") && s.is(j+2, "before", "after"):
		if s.is(j+2, "before") {
			off = -1
		} else {
			off = 1
		}
		j += 3
	default:
		return match{}, false
	}
	tx := Timex{Type: "DATE"}
	r, v, ok := s.narrativeRange()
	if !ok {
		return match{end: j, tx: tx}, true
	}
	tx.Anchor = "narrative"
	if off == 0 {
		tx.Value, tx.Range = v, r
		return match{end: j, tx: tx}, true
	}
	if !r.Start.Equal(r.End) {
		return match{end: j, tx: Timex{Type: "DATE"}}, true
	}
	d := r.Start.AddDate(0, 0, off)
	tx.Value, tx.Range = dayV(d), rng(d, d)
	return match{end: j, tx: tx}, true
}

// set reads daily, weekly, annually, "every day", "each year", "every
// Thursday".
func (s *scan) set(i int) (match, bool) {
	if v := setWord(s.w(i)); v != "" {
		return match{end: i + 1, tx: Timex{Type: "SET", Value: v}}, true
	}
	if !s.is(i, "every", "each") {
		return match{}, false
	}
	j := i + 1
	if wd, k, ok := s.weekday(j); ok {
		return match{end: k, tx: Timex{Type: "SET", Value: fmt.Sprintf("XXXX-WXX-%d", wd)}}, true
	}
	if m, k, ok := s.month(j); ok {
		return match{end: k, tx: Timex{Type: "SET", Value: fmt.Sprintf("XXXX-%02d", int(m))}}, true
	}
	n, k, x, hasN := s.number(j)
	if !hasN || x {
		n, k = 1, j
	}
	unit, k, ok := s.unit(k)
	if !ok {
		return match{}, false
	}
	return match{end: k, tx: Timex{Type: "SET", Value: durValue(n, false, unit)}}, true
}

// setWord returns the value of daily, weekly... ("" for another word).
func setWord(w string) string {
	switch w {
	case "daily":
		return "P1D"
	case "weekly":
		return "P1W"
	case "monthly":
		return "P1M"
	case "annually", "yearly":
		return "P1Y"
	case "hourly":
		return "PT1H"
	case "quarterly":
		return "P1Q"
	}
	return ""
}

// weekend reads "the weekend", "this weekend", "last weekend".
func (s *scan) weekend(i int) (match, bool) {
	if !s.is(i, "the", "this", "last", "next", "over") || !s.is(i+1, "weekend") {
		return match{}, false
	}
	if s.is(i, "over") {
		return match{}, false
	}
	tx := Timex{Type: "DATE", Anchor: "published"}
	if !s.hasPub {
		tx.Anchor = ""
		return match{end: i + 2, tx: tx}, true
	}
	var sat time.Time
	switch s.w(i) {
	case "last":
		sat = weekdayNear(s.pub.AddDate(0, 0, -1), 6, -1)
		if !sat.AddDate(0, 0, 1).Before(s.pub) {
			sat = sat.AddDate(0, 0, -7)
		}
	case "next":
		sat = weekdayNear(s.pub.AddDate(0, 0, 1), 6, 1)
	case "this":
		sat = weekdayNear(s.pub, 6, 1)
		if s.pub.Weekday() == time.Sunday {
			sat = s.pub.AddDate(0, 0, -1)
		}
	default:
		t := s.tense(i, i+2)
		if t > 0 {
			sat = weekdayNear(s.pub, 6, 1)
		} else {
			sat = weekdayNear(s.pub, 6, -1)
		}
		tx.Anchor = tenseName(t)
	}
	_, v := weekOf(sat)
	tx.Value, tx.Range = v+"-WE", rng(sat, sat.AddDate(0, 0, 1))
	return match{end: i + 2, tx: tx}, true
}

// fiscal reads the periods of company reports: "the quarter", "the latest
// quarter" and "the latest period" (the last quarter ended before
// publication), "the year-earlier quarter", "the year-ago period",
// "year-earlier" (the same quarter a year before).
func (s *scan) fiscal(i int) (match, bool) {
	j := i
	if s.is(j, "the") {
		j++
	}
	ago := false
	switch {
	case s.is(j, "latest", "current") && s.is(j+1, "quarter", "period"):
		j += 2
	case s.is(j, "quarter") && j > i:
		j++
	case s.is(j, "year") && s.is(j+1, "-") && s.is(j+2, "earlier", "ago"):
		ago, j = true, j+3
		if s.is(j, "quarter", "period") {
			j++
		}
	default:
		return match{}, false
	}
	tx := Timex{Type: "DATE"}
	if !s.hasPub {
		return match{end: j, tx: tx}, true
	}
	q := s.pub.AddDate(0, -3, 0)
	if ago {
		q = q.AddDate(-1, 0, 0)
	}
	tx.Value, tx.Range = period(q, "Q")
	tx.Anchor = "published"
	return match{end: j, tx: tx}, true
}
