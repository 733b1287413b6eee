package date

import (
	"strconv"
	"strings"
	"time"
)

// InferPublished finds a publication date in text when none was given:
//
//  1. a dateline, a date in the text's first line followed by an agency
//     or a dash ("MOSCOW, Aug 1 (Reuters) -", "DAMASCUS, July 31 —");
//  2. else the latest date that a weekday fixes ("Thursday, July 31"),
//     the day the story is most likely from.
//
// A date without a year takes the latest year the text names; when it names
// none, the year of now, the time the text is read, which the caller passes
// in (a dateline after now's month and day is taken from the year before);
// a weekday picks, of the years within six of that one, the nearest in
// which the date falls on it. With a zero now and no year in the text, ok is
// false: the year is not guessed. ok is false when there is neither.
func (r *Resolver) InferPublished(text string, now time.Time) (time.Time, bool) {
	ref := 0
	for _, t := range r.resolve(text, nil, time.Time{}, 0) {
		if t.Anchor != "absolute" || len(t.Value) < 4 {
			continue
		}
		if y, err := strconv.Atoi(t.Value[:4]); err == nil && y > ref && y <= now.Year()+1 {
			ref = y
		}
	}
	fallback := ref
	if ref == 0 {
		if now.IsZero() {
			return time.Time{}, false
		}
		ref = now.Year()
	}
	first := len(text)
	if k := strings.IndexByte(text, '\n'); k >= 0 {
		first = k
	}
	first = min(first, 300)
	txs := r.resolve(text, nil, time.Time{}, ref)
	for _, t := range txs {
		if t.Span.Start >= first {
			break
		}
		if t.Type != "DATE" || !datelineEnd(text[t.Span.End:]) {
			continue
		}
		if t.Range != nil && t.Range.Start.Equal(t.Range.End) {
			return t.Range.Start, true
		}
		var m, d int
		if n, _ := parseXXXX(t.Value, &m, &d); n {
			y := ref
			if fallback == 0 && (time.Month(m) > now.Month() || time.Month(m) == now.Month() && d > now.Day()) {
				y--
			}
			if validDay(y, time.Month(m), d) {
				return mkday(y, time.Month(m), d), true
			}
		}
	}
	var best time.Time
	for _, t := range txs {
		if t.Anchor == "weekday" && t.Range != nil && t.Range.End.After(best) {
			best = t.Range.End
		}
	}
	return best, !best.IsZero()
}

// datelineEnd reports whether what follows a date closes a dateline: an
// agency in brackets or a dash.
func datelineEnd(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	for _, p := range []string{"(", "-", "—", "–", "/"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// parseXXXX reads "XXXX-MM-DD".
func parseXXXX(v string, m, d *int) (bool, error) {
	if len(v) != 10 || !strings.HasPrefix(v, "XXXX-") {
		return false, nil
	}
	var err error
	if *m, err = strconv.Atoi(v[5:7]); err != nil {
		return false, err
	}
	if *d, err = strconv.Atoi(v[8:10]); err != nil {
		return false, err
	}
	return true, nil
}
