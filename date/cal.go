package date

import (
	"fmt"
	"time"

	"github.com/parley-events/parley"
)

// Calendar arithmetic on days at midnight UTC.

func mkday(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayOf(t time.Time) time.Time { return mkday(t.Year(), t.Month(), t.Day()) }

func rng(a, b time.Time) *parley.DateRange { return &parley.DateRange{Start: a, End: b} }

// dayV formats t as "2025-07-31", as t.Format(time.DateOnly) does.
func dayV(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(time.DateOnly)
	}
	var b [10]byte
	put4(b[:], y)
	b[4], b[7] = '-', '-'
	put2(b[5:], int(m))
	put2(b[8:], d)
	return string(b[:])
}

// monthV formats "2025-07", as fmt.Sprintf("%04d-%02d", y, m) does.
func monthV(y int, m time.Month) string {
	if y < 0 || y > 9999 || m < 1 || m > 99 {
		return fmt.Sprintf("%04d-%02d", y, int(m))
	}
	var b [7]byte
	put4(b[:], y)
	b[4] = '-'
	put2(b[5:], int(m))
	return string(b[:])
}

// put4 and put2 write n (0 ≤ n < 10000, 100) in four and two digits.
func put4(b []byte, n int) {
	b[0], b[1], b[2], b[3] = byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10)
}

func put2(b []byte, n int) { b[0], b[1] = byte('0'+n/10), byte('0'+n%10) }

func monthR(y int, m time.Month) *parley.DateRange {
	r := monthSpan(y, m)
	return &r
}

func monthSpan(y int, m time.Month) parley.DateRange {
	a := mkday(y, m, 1)
	return parley.DateRange{Start: a, End: a.AddDate(0, 1, -1)}
}

func yearR(y int) *parley.DateRange { return rng(mkday(y, 1, 1), mkday(y, 12, 31)) }

// weekOf returns the Monday of t's ISO week and the week's value "2025-W31".
func weekOf(t time.Time) (time.Time, string) {
	wd := int(t.Weekday()+6) % 7 // Monday 0
	mon := dayOf(t).AddDate(0, 0, -wd)
	y, w := t.ISOWeek()
	return mon, fmt.Sprintf("%04d-W%02d", y, w)
}

// seasonR returns the meteorological season: spring March–May, summer
// June–August, autumn September–November, winter December of y to the end
// of February.
func seasonR(y int, s string) *parley.DateRange {
	r := seasonSpan(y, s)
	return &r
}

func seasonSpan(y int, s string) parley.DateRange {
	var m time.Month
	switch s {
	case "SP":
		m = time.March
	case "SU":
		m = time.June
	case "FA":
		m = time.September
	case "WI":
		m = time.December
	}
	a := mkday(y, m, 1)
	return parley.DateRange{Start: a, End: a.AddDate(0, 3, -1)}
}

func quarterR(y, q int) *parley.DateRange {
	a := mkday(y, time.Month(3*(q-1)+1), 1)
	return rng(a, a.AddDate(0, 3, -1))
}

func halfR(y, h int) *parley.DateRange {
	a := mkday(y, time.Month(6*(h-1)+1), 1)
	return rng(a, a.AddDate(0, 6, -1))
}

// narrow applies an early/mid/late modifier to a range: a month becomes its
// days 1–10, 11–20 or 21–end; a year January–April, May–August or
// September–December; any other range its first, middle or last third.
func narrow(r *parley.DateRange, mod string) *parley.DateRange {
	if r == nil || mod == "" {
		return r
	}
	a, b := r.Start, r.End
	switch {
	case a.Day() == 1 && b.Equal(a.AddDate(0, 1, -1)):
		switch mod {
		case "START":
			return rng(a, a.AddDate(0, 0, 9))
		case "MID":
			return rng(a.AddDate(0, 0, 10), a.AddDate(0, 0, 19))
		case "END":
			return rng(a.AddDate(0, 0, 20), b)
		}
	case a.Month() == 1 && a.Day() == 1 && b.Equal(a.AddDate(1, 0, -1)):
		switch mod {
		case "START":
			return rng(a, a.AddDate(0, 4, -1))
		case "MID":
			return rng(a.AddDate(0, 4, 0), a.AddDate(0, 8, -1))
		case "END":
			return rng(a.AddDate(0, 8, 0), b)
		}
	}
	n := int(b.Sub(a).Hours()/24) + 1
	if n < 3 {
		return r
	}
	third := n / 3
	switch mod {
	case "START":
		return rng(a, a.AddDate(0, 0, third-1))
	case "MID":
		return rng(a.AddDate(0, 0, third), b.AddDate(0, 0, -third))
	case "END":
		return rng(b.AddDate(0, 0, -third+1), b)
	}
	return r
}

// preferWithin is how far from publication a period may lie and still be
// chosen by the tense over the nearer one.
const preferWithin = 270 * 24 * time.Hour

// pickYear chooses the year of a date or period given without one, from
// the publication date pub and the tense around it. Of the latest period
// begun by pub and the earliest one not begun, the first when pub lies in
// it; else past tense takes the first and future tense the second when it
// begins within nine months of pub;
// otherwise, and without tense, the nearer one wins (a tie goes to the
// earlier).
func pickYear(pub time.Time, tense int, period func(y int) (parley.DateRange, bool)) int {
	p := dayOf(pub)
	y0 := p.Year()
	before, after := 0, 0
	for y := y0 + 1; y >= y0-2; y-- {
		if r, ok := period(y); ok && !r.Start.After(p) {
			before = y
			break
		}
	}
	for y := y0 - 1; y <= y0+2; y++ {
		if r, ok := period(y); ok && r.Start.After(p) {
			after = y
			break
		}
	}
	if before == 0 {
		return after
	}
	rb, _ := period(before)
	if after == 0 || !rb.End.Before(p) {
		return before
	}
	ra, _ := period(after)
	switch {
	case tense < 0 && p.Sub(rb.Start) <= preferWithin:
		return before
	case tense > 0 && ra.Start.Sub(p) <= preferWithin:
		return after
	}
	if p.Sub(rb.End) <= ra.Start.Sub(p) {
		return before
	}
	return after
}

// weekdayNear returns the day of weekday wd (1 Monday .. 7 Sunday) that a
// reference on pub means: past tense or none the latest on or before pub
// (publication day included: wire copy names the day of the story itself
// by its weekday), future tense the earliest on or after pub.
func weekdayNear(pub time.Time, wd int, tense int) time.Time {
	p := dayOf(pub)
	cur := int(p.Weekday()+6)%7 + 1
	if tense > 0 {
		return p.AddDate(0, 0, (wd-cur+7)%7)
	}
	return p.AddDate(0, 0, -((cur - wd + 7) % 7))
}

// validDay reports whether y-m-d is a real day.
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return mkday(y, m, d).Day() == d
}
