package article

import (
	"fmt"
	"strings"
	"time"
)

// isoLayouts are tried first, on the date as written. Go accepts a
// fraction of a second after the seconds of any layout.
var isoLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.DateOnly,
	"2006/01/02",
	"20060102T150405Z0700",
	"20060102",
}

// textLayouts are tried on the date after normalizeDate: no weekday, no
// commas, zone names turned into numeric offsets.
var textLayouts = withFullMonths([]string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06 15:04:05",
	"2-Jan-06 15:04:05 -0700",
	"2-Jan-2006 15:04:05 -0700",
	"2-Jan-06 15:04:05",
	"2-Jan-2006 15:04:05",
	"Jan 2 15:04:05 2006",
	"Jan 2 15:04:05 -0700 2006",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2 2006 15:04 -0700",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006 15:04",
	"Jan 2 2006 3:04 PM -0700",
	"Jan 2 2006 3:04 PM",
	"Jan 2 2006 3:04PM",
	"Jan 2 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04 -0700",
})

// withFullMonths adds to layouts a copy of each with the month written in full.
func withFullMonths(layouts []string) []string {
	out := make([]string, 0, 2*len(layouts))
	for _, l := range layouts {
		out = append(out, l)
		if strings.Contains(l, "Jan") {
			out = append(out, strings.Replace(l, "Jan", "January", 1))
		}
	}
	return out
}

// zoneOffsets maps zone names found in feeds to numeric offsets: the RFC 822
// names and a few common others.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"WET": "+0000", "WEST": "+0100", "BST": "+0100", "CET": "+0100", "CEST": "+0200",
	"EET": "+0200", "EEST": "+0300", "MSK": "+0300", "IST": "+0530",
	"HKT": "+0800", "SGT": "+0800", "JST": "+0900", "KST": "+0900",
	"AEST": "+1000", "AEDT": "+1100",
}

var weekdays = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// errDate is the problem with an unreadable date in field.
func errDate(field, value string) error {
	return fmt.Errorf("%s %q is not a date (want RFC 3339, RFC 1123 or YYYY-MM-DD)", field, value)
}

// parseDate reads a publication date; see the package documentation for
// the forms it knows. A date with a zone keeps its offset; one without is
// UTC; an unknown zone name is read as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	n := normalizeDate(s)
	for _, l := range textLayouts {
		if t, err := time.Parse(l, n); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// normalizeDate drops commas, a leading weekday and the dots of
// abbreviations, and writes zone names and "+hh:mm" as "+hhmm".
func normalizeDate(s string) string {
	fields := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(fields) > 0 && weekdays[strings.ToLower(strings.TrimSuffix(fields[0], "."))] {
		fields = fields[1:]
	}
	for i, f := range fields {
		f = strings.TrimSuffix(f, ".")
		up := strings.ToUpper(f)
		switch {
		case up == "SEPT":
			f = "Sep"
		case zoneOffsets[up] != "":
			f = zoneOffsets[up]
		case len(f) > 3 && (strings.HasPrefix(up, "GMT+") || strings.HasPrefix(up, "GMT-") || strings.HasPrefix(up, "UTC+") || strings.HasPrefix(up, "UTC-")):
			f = numericOffset(f[3:])
		case len(f) == 6 && (f[0] == '+' || f[0] == '-') && f[3] == ':':
			f = f[:3] + f[4:]
		case i == len(fields)-1 && i > 0 && len(f) >= 2 && len(f) <= 5 && isUpperAlpha(f) && up != "AM" && up != "PM":
			f = "+0000" // an unknown zone name
		}
		fields[i] = f
	}
	return strings.Join(fields, " ")
}

// numericOffset writes "+3", "+03", "+0300" or "+03:00" as "+0300".
func numericOffset(s string) string {
	sign, d := s[:1], strings.ReplaceAll(s[1:], ":", "")
	switch len(d) {
	case 1:
		d = "0" + d + "00"
	case 2:
		d += "00"
	}
	return sign + d
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
