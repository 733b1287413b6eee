package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Period granularities for Dyad and Timeline.
const (
	ByMonth = "month" // periods like "2025-07"
	ByWeek  = "week"  // ISO 8601 weeks like "2025-W31"
)

// PeriodOf returns the period that day t falls in: "2025-07" by month,
// "2025-W31" (ISO 8601 week, whose year may differ from t's near New Year)
// by week. An empty by means month.
func PeriodOf(t time.Time, by string) (string, error) {
	switch by {
	case ByMonth, "":
		return t.Format("2006-01"), nil
	case ByWeek:
		y, w := t.ISOWeek()
		return isoWeek(y, w), nil
	}
	return "", &ByError{By: by}
}

// ByError reports a period granularity that is neither "week" nor "month".
type ByError struct{ By string }

func (e *ByError) Error() string {
	return fmt.Sprintf("graph: period %q is not \"week\" or \"month\"", e.By)
}

func isoWeek(y, w int) string { return fmt.Sprintf("%04d-W%02d", y, w) }

// matches reports whether actor a answers query q: q equals its Code, Name
// or Org, ignoring case, as parley.EventFilter.Actor does.
func matches(a parley.Actor, q string) bool {
	return q != "" && (strings.EqualFold(a.Code, q) || strings.EqualFold(a.Name, q) || strings.EqualFold(a.Org, q))
}

func anyMatches(as []parley.Actor, q string) bool {
	return slices.ContainsFunc(as, func(a parley.Actor) bool { return matches(a, q) })
}

// nodeKey is the node an actor stands for: its Org when its Code is IGO or
// NGO and it names one, else its Code, with "-SECTOR" appended when
// bySector is set and the actor has a sector. It is "" for an actor without
// a code.
func nodeKey(a parley.Actor, bySector bool) string {
	if a.Code == "" {
		return ""
	}
	if (a.Code == "IGO" || a.Code == "NGO") && a.Org != "" {
		return a.Org
	}
	if bySector && a.Sector != "" {
		return a.Code + "-" + a.Sector
	}
	return a.Code
}

// nodeLabel is the label shown for a node key.
func nodeLabel(a parley.Actor, bySector bool) string {
	if (a.Code == "IGO" || a.Code == "NGO") && a.Org != "" {
		return a.Org
	}
	if bySector && a.Sector != "" {
		return a.Code + " " + a.Sector
	}
	return a.Code
}

// reciprocal reports whether an event of this category and recipients has
// no direction: CONSULT always, AGREE when nobody receives it.
func reciprocal(e *parley.Event) bool {
	return e.Type == "CONSULT" || (e.Type == "AGREE" && len(e.Recipients) == 0)
}

// inWindow reports whether e's date meets [since, until] (whole days; zero
// bounds are open). An undated event passes only when both are zero.
func inWindow(e *parley.Event, since, until time.Time) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	if e.Date == nil {
		return false
	}
	if !since.IsZero() && e.Date.End.Before(truncDay(since)) {
		return false
	}
	if !until.IsZero() && e.Date.Start.After(truncDay(until)) {
		return false
	}
	return true
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// compareEvents orders events by first day (undated last), last day, then ID.
func compareEvents(a, b *parley.Event) int {
	switch {
	case a.Date == nil && b.Date != nil:
		return 1
	case a.Date != nil && b.Date == nil:
		return -1
	case a.Date != nil:
		if c := a.Date.Start.Compare(b.Date.Start); c != 0 {
			return c
		}
		if c := a.Date.End.Compare(b.Date.End); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ID, b.ID)
}
