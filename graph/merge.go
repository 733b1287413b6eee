package graph

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// Merged is one event as several reports told it.
type Merged struct {
	// Event is the representative report: among the reports that name a
	// place country (all reports when none does), the one with the earliest
	// date, then the smallest ID. Its Mentions is the merged total.
	Event     parley.Event `json:"event"`
	Mentions  int          `json:"mentions"`  // sum of the reports' Mentions, each at least 1
	Articles  []string     `json:"articles"`  // article keys, sorted, distinct
	Docs      []string     `json:"docs"`      // article docs, sorted, distinct
	Sentences []Mention    `json:"sentences"` // every report's sentence, by article and offset
	EventIDs  []string     `json:"event_ids"` // the merged reports' IDs, sorted
}

// Mention is one report of a merged event: the sentence that told it.
type Mention struct {
	EventID  string      `json:"event_id"`
	Article  string      `json:"article"`
	Doc      string      `json:"doc"`
	Sentence string      `json:"sentence"`
	Span     parley.Span `json:"span"`
}

// Merge turns the reports of one event, by several articles or several
// times in one, into one Merged each, ordered by the representative's date
// (undated last), then ID.
//
// Two reports are of the same event when they have
//   - the same category, and both or neither negated (or both or neither
//     hypothetical): "talks did not take place" is not the report of talks;
//   - the same actor and recipient node keys (code, or org for IGO and NGO;
//     sectors and persons are ignored), compared as one unordered set for
//     reciprocal events (CONSULT, and AGREE without recipients);
//   - dates within one day of each other: reports are sorted by date and a
//     report joins the run before it when it starts at most one day after
//     the run's last day (single linkage, so a run of daily reports is one
//     event). A report without a date merges only with undated reports of
//     the same article: across articles nothing says they are one event;
//   - the same place country when both name one. Reports that name a country
//     are merged first, country by country; a report without one then joins
//     the nearest-dated such event within a day (on a tie the one with more
//     reports, then the smaller country code), or else merges with the other
//     reports without a country by date alone.
//
// Reports with the same ID are counted once, so storing an article twice
// never double-counts; reports without an ID are all kept. Merge is
// idempotent: Merge(append(x, x...)) equals Merge(x), and the
// representatives of Merge(x) merge back into the same events with the
// same Mentions.
func Merge(events []parley.Event) []Merged {
	seen := make(map[string]bool, len(events))
	index := map[string]int{} // merge key → its number
	var names []string
	items := make([]item, 0, len(events))
	var k keyer
	for i := range events {
		e := &events[i]
		if e.ID != "" {
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
		}
		key := k.key(e)
		j, ok := index[string(key)]
		if !ok {
			j = len(names)
			index[string(key)] = j
			names = append(names, string(key))
		}
		items = append(items, newItem(e, j))
	}
	// One sort brings each key's reports together, by country, then date.
	slices.SortFunc(items, func(a, b item) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if a.country != b.country {
			return strings.Compare(a.country, b.country)
		}
		return a.compare(&b)
	})
	var gs []*group
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].key == items[i].key {
			j++
		}
		gs = cluster(gs, items[i:j])
		i = j
	}
	slices.SortFunc(gs, func(a, b *group) int {
		if c := a.core[0].compare(&b.core[0]); c != 0 {
			return c
		}
		return strings.Compare(names[a.core[0].key], names[b.core[0].key])
	})
	// The merged events' lists are carved out of shared arrays, one
	// allocation each instead of one per event.
	buf := &buffers{
		ids:       make([]string, 0, len(items)),
		articles:  make([]string, 0, len(items)),
		docs:      make([]string, 0, len(items)),
		sentences: make([]Mention, 0, len(items)),
	}
	out := make([]Merged, len(gs))
	for i, g := range gs {
		g.merge(&out[i], buf)
	}
	return out
}

// item is a report with what merging compares, computed once.
type item struct {
	e       *parley.Event
	key     int    // number of its merge key
	country string // place country, "" when none
	s, t    int64  // first and last day since 1970; undatedDay when undated
}

// undatedDay sorts undated reports after every date; all undated reports of
// one merge key (one article) are on it, so they chain together.
const undatedDay = math.MaxInt32

func newItem(e *parley.Event, key int) item {
	it := item{e: e, key: key, country: country(e), s: undatedDay, t: undatedDay}
	if e.Date != nil {
		it.s, it.t = dayNumber(e.Date.Start), dayNumber(e.Date.End)
	}
	return it
}

func dayNumber(t time.Time) int64 {
	const secs = 24 * 60 * 60
	u := t.Unix()
	if u < 0 && u%secs != 0 {
		return u/secs - 1
	}
	return u / secs
}

// compare orders items by first day (undated last), last day, then ID, as
// compareEvents orders events.
func (a *item) compare(b *item) int {
	switch {
	case a.s != b.s:
		return cmp.Compare(a.s, b.s)
	case a.t != b.t:
		return cmp.Compare(a.t, b.t)
	}
	return strings.Compare(a.e.ID, b.e.ID)
}

// buffers back the lists of all merged events.
type buffers struct {
	ids, articles, docs []string
	sentences           []Mention
}

// carve returns the part of *b appended since index from, capped so that
// appending to it cannot overwrite what follows.
func carve[T any](b []T, from int) []T { return b[from:len(b):len(b)] }

// keyer writes merge keys: the part of the identity of an event that must
// be equal: category, sides, a negation or hypothetical mode, and the
// article for an undated report. It
// reuses its buffers, so a key is valid until the next call.
type keyer struct {
	buf     []byte
	scratch []string
}

func (k *keyer) key(e *parley.Event) []byte {
	k.buf = append(k.buf[:0], e.Type...)
	if reciprocal(e) {
		k.scratch = keysInto(keysInto(k.scratch[:0], e.Actors), e.Recipients)
		k.sides(k.scratch)
		k.buf = append(k.buf, "|*"...)
	} else {
		k.sides(keysInto(k.scratch[:0], e.Actors))
		k.sides(keysInto(k.scratch[:0], e.Recipients))
	}
	if e.Aux == parley.AuxNegation || e.Aux == parley.AuxHypothetical {
		k.buf = append(k.buf, '|')
		k.buf = append(k.buf, e.Aux...)
	}
	if e.Date == nil {
		k.buf = append(k.buf, "|undated|"...)
		k.buf = append(k.buf, e.Article...)
	}
	return k.buf
}

// sides appends "|" and the sorted node keys, comma-separated.
func (k *keyer) sides(ks []string) {
	slices.Sort(ks)
	k.buf = append(k.buf, '|')
	for i, s := range ks {
		if i > 0 {
			k.buf = append(k.buf, ',')
		}
		k.buf = append(k.buf, s...)
	}
}

func country(e *parley.Event) string {
	if e.Place == nil {
		return ""
	}
	return e.Place.Country
}

// group is one merged event under construction: core reports name its
// place country (or none does), extra reports without one joined it.
type group struct {
	core       []item // in date order
	extra      []item
	first, end int64 // span of the core reports' days
}

// cluster splits the reports of one merge key, sorted by place country
// (none first), then date, into events and appends them to out.
func cluster(out []*group, items []item) []*group {
	loose := len(items)
	for i := range items {
		if items[i].country != "" {
			loose = i
			break
		}
	}
	start := len(out)
	for i := loose; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].country == items[i].country {
			j++
		}
		out = chain(out, items[i:j])
		i = j
	}
	placed := out[start:]
	n := 0 // items[:n] are the loose reports that join no placed event
	for _, it := range items[:loose] {
		if g := nearest(placed, &it); g != nil {
			g.extra = append(g.extra, it)
		} else {
			items[n] = it
			n++
		}
	}
	return chain(out, items[:n])
}

// chain cuts reports sorted by date into runs whose consecutive reports are
// at most a day apart, and appends them to out.
func chain(out []*group, items []item) []*group {
	for i := 0; i < len(items); {
		first, end := items[i].s, items[i].t
		j := i + 1
		for ; j < len(items) && items[j].s <= end+1; j++ {
			end = max(end, items[j].t)
		}
		out = append(out, &group{core: items[i:j:j], first: first, end: end})
		i = j
	}
	return out
}

// nearest returns the placed event whose days lie within a day of it's,
// the nearest first (on a tie the one with more reports, then the first),
// or nil.
func nearest(placed []*group, it *item) *group {
	var best *group
	var bestGap int64
	for _, g := range placed {
		if it.s > g.end+1 || it.t < g.first-1 {
			continue
		}
		gap := max(it.s-g.end, g.first-it.t, 0)
		if best == nil || gap < bestGap || gap == bestGap && len(g.core) > len(best.core) {
			best, bestGap = g, gap
		}
	}
	return best
}

// merge fills m from the group's reports, taking its lists from buf.
func (g *group) merge(m *Merged, buf *buffers) {
	i, a, d, s := len(buf.ids), len(buf.articles), len(buf.docs), len(buf.sentences)
	for _, part := range [2][]item{g.core, g.extra} {
		for _, it := range part {
			e := it.e
			m.Mentions += max(e.Mentions, 1)
			if e.ID != "" {
				buf.ids = append(buf.ids, e.ID)
			}
			if e.Article != "" {
				buf.articles = append(buf.articles, e.Article)
			}
			if e.Doc != "" {
				buf.docs = append(buf.docs, e.Doc)
			}
			buf.sentences = append(buf.sentences, Mention{EventID: e.ID, Article: e.Article, Doc: e.Doc, Sentence: e.SentenceText, Span: e.Sentence})
		}
	}
	m.EventIDs = carve(buf.ids, i)
	slices.Sort(m.EventIDs)
	m.Articles = sortedSet(carve(buf.articles, a))
	m.Docs = sortedSet(carve(buf.docs, d))
	m.Sentences = carve(buf.sentences, s)
	slices.SortFunc(m.Sentences, func(a, b Mention) int {
		return cmp.Or(strings.Compare(a.Article, b.Article), cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Span.End, b.Span.End), strings.Compare(a.EventID, b.EventID))
	})
	m.Event = *g.core[0].e
	m.Event.Mentions = m.Mentions
}

// sortedSet sorts s and drops repeats; nil when s is empty.
func sortedSet(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Clip(slices.Compact(s))
}
