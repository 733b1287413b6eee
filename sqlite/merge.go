package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley"
	"github.com/parley-events/parley/graph"
)

// Merged events are kept at ingest: every stored event belongs to one
// merged event (a group of graph.Merge) in the merged table, and the
// tallies of the groups' representatives (graph.Tallies) are kept summed
// in tallies and net_months, with the cooperative links in coop_links.
//
// A new event can only change the groups of its merge key whose reports
// lie within a day of it, and through them those within a day of those:
// graph.Merge chains reports at most a day apart and attaches a report
// without a place country to a placed event within a day. Put
// therefore collects that closure of groups (by their days lo..hi), merges
// their reports again with the new one, and replaces them, applying the
// difference of their tallies. The groups then equal graph.Merge over all
// stored events, whatever the order of ingest.

// undatedDay is the day of undated reports in merged.lo and hi, as in graph.
const undatedDay = math.MaxInt32

func dayNumber(t time.Time) int64 {
	const secs = 24 * 60 * 60
	u := t.Unix()
	if u < 0 && u%secs != 0 {
		return u/secs - 1
	}
	return u / secs
}

func daysOf(e *parley.Event) (lo, hi int64) {
	if e.Date == nil {
		return undatedDay, undatedDay
	}
	return dayNumber(e.Date.Start), dayNumber(e.Date.End)
}

// tallyKey is a graph.Tally without its counts.
type tallyKey struct{ kind, k1, k2, bucket, typ string }

type tallyDelta struct {
	n, act, rec int
	score       int64
}

// merger accumulates the changes of one transaction.
type merger struct {
	tx        *sql.Tx
	tallies   map[tallyKey]*tallyDelta
	links     map[[3]string]int // (u, v, event ID) → +1 added, -1 removed
	maxMonths int
}

func newMerger(tx *sql.Tx) *merger {
	return &merger{tx: tx, tallies: map[tallyKey]*tallyDelta{}, links: map[[3]string]int{}}
}

func (m *merger) count(e *parley.Event, sign int) {
	for _, t := range graph.Tallies(e) {
		k := tallyKey{t.Kind, t.K1, t.K2, t.Bucket, t.Type}
		d := m.tallies[k]
		if d == nil {
			d = &tallyDelta{}
			m.tallies[k] = d
		}
		d.n += sign * t.N
		d.act += sign * t.Act
		d.rec += sign * t.Rec
		d.score += int64(sign) * t.Score
	}
	for _, l := range graph.CoopLinks(e) {
		m.links[[3]string{l[0], l[1], e.ID}] += sign
	}
	if sign > 0 && e.Date != nil {
		s, t := e.Date.Start, e.Date.End
		m.maxMonths = max(m.maxMonths, (t.Year()-s.Year())*12+int(t.Month())-int(s.Month()))
	}
}

// add merges a newly inserted event (its Article and Doc set as stored)
// into the groups of its key.
func (m *merger) add(ctx context.Context, e *parley.Event) error {
	key := graph.MergeKey(e)
	lo, hi := daysOf(e)
	seen := map[int64]bool{}
	var ids []int64
	for {
		rows, err := m.tx.QueryContext(ctx, `SELECT id, lo, hi FROM merged WHERE key = ? AND lo <= ? AND hi >= ?`, key, hi+1, lo-1)
		if err != nil {
			return err
		}
		grew := false
		for rows.Next() {
			var id, l, h int64
			if err := rows.Scan(&id, &l, &h); err != nil {
				rows.Close()
				return err
			}
			if seen[id] {
				continue
			}
			seen[id], grew = true, true
			ids = append(ids, id)
			lo, hi = min(lo, l), max(hi, h)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if !grew {
			break
		}
	}
	members := []parley.Event{*e}
	reps := map[string]bool{}
	if len(ids) > 0 {
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		in := `(?` + strings.Repeat(`, ?`, len(ids)-1) + `)`
		old, err := queryEvents(ctx, m.tx, `SELECT `+eventColumns+` FROM events e WHERE e.merged IN `+in, args...)
		if err != nil {
			return err
		}
		members = append(members, old...)
		rows, err := m.tx.QueryContext(ctx, `SELECT rep FROM merged WHERE id IN `+in, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var rep string
			if err := rows.Scan(&rep); err != nil {
				rows.Close()
				return err
			}
			reps[rep] = true
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if _, err := m.tx.ExecContext(ctx, `DELETE FROM merged WHERE id IN `+in, args...); err != nil {
			return err
		}
		for i := range members {
			if reps[members[i].ID] {
				m.count(&members[i], -1)
			}
		}
	}
	return m.insert(ctx, key, graph.Merge(members), members)
}

// insert stores merged events of one key and counts their representatives.
func (m *merger) insert(ctx context.Context, key string, ms []graph.Merged, members []parley.Event) error {
	byID := make(map[string]*parley.Event, len(members))
	for i := range members {
		byID[members[i].ID] = &members[i]
	}
	for i := range ms {
		g := &ms[i]
		lo, hi := int64(undatedDay), int64(math.MinInt64)
		for _, id := range g.EventIDs {
			l, h := daysOf(byID[id])
			lo, hi = min(lo, l), max(hi, h)
		}
		var ds, de sql.Null[string]
		if d := g.Event.Date; d != nil {
			ds = sql.Null[string]{V: d.Start.Format(time.DateOnly), Valid: true}
			de = sql.Null[string]{V: d.End.Format(time.DateOnly), Valid: true}
		}
		var id int64
		if err := m.tx.QueryRowContext(ctx, `INSERT INTO merged(key, rep, lo, hi, ds, de, mentions, reports)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, key, g.Event.ID, lo, hi, ds, de, g.Mentions, len(g.EventIDs)).Scan(&id); err != nil {
			return err
		}
		for _, eid := range g.EventIDs {
			if _, err := m.tx.ExecContext(ctx, `UPDATE events SET merged = ? WHERE id = ?`, id, eid); err != nil {
				return err
			}
		}
		m.count(byID[g.Event.ID], +1)
	}
	return nil
}

// flush writes the accumulated tallies and links.
func (m *merger) flush(ctx context.Context) error {
	keys := make([]tallyKey, 0, len(m.tallies))
	for k, d := range m.tallies {
		if *d != (tallyDelta{}) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b tallyKey) int {
		return cmp.Or(strings.Compare(a.kind, b.kind), strings.Compare(a.k1, b.k1), strings.Compare(a.k2, b.k2),
			strings.Compare(a.bucket, b.bucket), strings.Compare(a.typ, b.typ))
	})
	// Rows are upserted in batches: one statement per batch costs far less
	// than one per row.
	const batch = 64
	var tArgs, nArgs []any
	var tRows, nRows int
	var drops []tallyKey
	flushT := func() error {
		if tRows == 0 {
			return nil
		}
		_, err := m.tx.ExecContext(ctx, `INSERT INTO tallies(kind, k1, k2, bucket, type, n, act, rec, score) VALUES `+
			values(tRows, 9)+` ON CONFLICT DO UPDATE SET n = n + excluded.n,
			act = act + excluded.act, rec = rec + excluded.rec, score = score + excluded.score`, tArgs...)
		tArgs, tRows = tArgs[:0], 0
		return err
	}
	flushN := func() error {
		if nRows == 0 {
			return nil
		}
		_, err := m.tx.ExecContext(ctx, `INSERT INTO net_months(kind, me, ms, k1, k2, type, n, score) VALUES `+
			values(nRows, 8)+` ON CONFLICT DO UPDATE SET n = n + excluded.n, score = score + excluded.score`, nArgs...)
		nArgs, nRows = nArgs[:0], 0
		return err
	}
	for _, k := range keys {
		d := m.tallies[k]
		if d.n < 0 {
			drops = append(drops, k)
		}
		if ms, me, ok := strings.Cut(k.bucket, "/"); ok {
			nArgs = append(nArgs, k.kind, me, ms, k.k1, k.k2, k.typ, d.n, d.score)
			if nRows++; nRows == batch {
				if err := flushN(); err != nil {
					return err
				}
			}
			continue
		}
		tArgs = append(tArgs, k.kind, k.k1, k.k2, k.bucket, k.typ, d.n, d.act, d.rec, d.score)
		if tRows++; tRows == batch {
			if err := flushT(); err != nil {
				return err
			}
		}
	}
	if err := flushT(); err != nil {
		return err
	}
	if err := flushN(); err != nil {
		return err
	}
	for _, k := range drops {
		if ms, me, ok := strings.Cut(k.bucket, "/"); ok {
			if _, err := m.tx.ExecContext(ctx, `DELETE FROM net_months WHERE kind = ? AND me = ? AND ms = ? AND k1 = ? AND k2 = ? AND type = ? AND n <= 0`,
				k.kind, me, ms, k.k1, k.k2, k.typ); err != nil {
				return err
			}
			continue
		}
		if _, err := m.tx.ExecContext(ctx, `DELETE FROM tallies WHERE kind = ? AND k1 = ? AND k2 = ? AND bucket = ? AND type = ? AND n <= 0`,
			k.kind, k.k1, k.k2, k.bucket, k.typ); err != nil {
			return err
		}
	}
	for l, d := range m.links {
		switch {
		case d > 0:
			if _, err := m.tx.ExecContext(ctx, `INSERT INTO coop_links(u, v, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, l[0], l[1], l[2]); err != nil {
				return err
			}
		case d < 0:
			if _, err := m.tx.ExecContext(ctx, `DELETE FROM coop_links WHERE u = ? AND v = ? AND event_id = ?`, l[0], l[1], l[2]); err != nil {
				return err
			}
		}
	}
	if m.maxMonths > 0 {
		if _, err := m.tx.ExecContext(ctx, `UPDATE merge_state SET max_months = max(max_months, ?)`, m.maxMonths); err != nil {
			return err
		}
	}
	clear(m.tallies)
	clear(m.links)
	return nil
}

// fill merges the events stored before migration 0002, once.
func fill(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var filled int
	if err := tx.QueryRowContext(ctx, `SELECT filled FROM merge_state`).Scan(&filled); err != nil {
		return err
	}
	if filled != 0 {
		return nil
	}
	evs, err := queryEvents(ctx, tx, `SELECT `+eventColumns+` FROM events e`)
	if err != nil {
		return err
	}
	// Merge key by key, as Put does.
	byKey := map[string][]parley.Event{}
	for i := range evs {
		k := graph.MergeKey(&evs[i])
		byKey[k] = append(byKey[k], evs[i])
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := newMerger(tx)
	for _, k := range keys {
		if err := m.insert(ctx, k, graph.Merge(byKey[k]), byKey[k]); err != nil {
			return err
		}
	}
	if err := m.flush(ctx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE merge_state SET filled = 1`); err != nil {
		return err
	}
	return tx.Commit()
}

// values returns n rows of k placeholders: "(?, ?), (?, ?)".
func values(n, k int) string {
	row := "(?" + strings.Repeat(", ?", k-1) + ")"
	return row + strings.Repeat(", "+row, n-1)
}
