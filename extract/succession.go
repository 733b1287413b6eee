package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// successionsFile lists the states that came into being from another
// (data/actors/successions.tsv).
const successionsFile = "actors/successions.tsv"

// succession is a state that came into being from another on a date:
// before it, the new state's code names a part of the old one ("Juba" in
// 2000 is in Sudan).
type succession struct {
	code, from string
	since      time.Time
}

// loadSuccessions reads a successions table: code, from, since.
func loadSuccessions(fsys fs.FS, name string) ([]succession, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	var out []succession
	sc := bufio.NewScanner(f)
	header := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[0]) != 3 || len(f[1]) != 3 {
			return nil, fmt.Errorf("%s:%d: want code, from and since, three-letter codes: %q", name, n, line)
		}
		since, err := time.Parse(time.DateOnly, f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: since: %w", name, n, err)
		}
		out = append(out, succession{code: f[0], from: f[1], since: since})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// predecessors recodes an event that took place before a state it names
// existed: its actors, recipients, claimants and place then belong to the
// state the territory was part of. The event's date decides, or the
// publication date when it has none; with neither, nothing changes.
func predecessors(e *parley.Event, published time.Time, succ []succession) {
	when := published
	if e.Date != nil && !e.Date.Start.IsZero() {
		when = e.Date.Start
	}
	if when.IsZero() {
		return
	}
	recode := func(code string) string {
		for _, s := range succ {
			if code == s.code && when.Before(s.since) {
				return s.from
			}
		}
		return code
	}
	for _, list := range [][]parley.Actor{e.Actors, e.Recipients, e.ClaimedBy} {
		for i := range list {
			list[i].Code = recode(list[i].Code)
		}
	}
	if e.Place != nil {
		e.Place.Country = recode(e.Place.Country)
	}
}
