package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/bits"
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
	st        *stmts
	tx        *txStmts
	tallies   map[tallyKey]*tallyDelta
	links     map[[3]string]int // (u, v, event ID) → +1 added, -1 removed
	maxMonths int

	// pending is the ID of the event add merges, which is not stored yet;
	// insert sets pendingMerged to its merged event instead of updating it.
	pending       string
	pendingMerged int64
}

func newMerger(st *stmts, tx *txStmts) *merger {
	return &merger{st: st, tx: tx, tallies: map[tallyKey]*tallyDelta{}, links: map[[3]string]int{}}
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

// add merges a new event (its Article and Doc set as stored) into the
// groups of its key, before it is stored, and returns the id of its merged
// event, which its row must be inserted with.
func (m *merger) add(ctx context.Context, e *parley.Event) (int64, error) {
	merged, err := m.merge(ctx, e)
	if err != nil {
		return 0, err
	}
	if m.pending != "" {
		return 0, fmt.Errorf("no merged event grouped event %s", e.ID)
	}
	return merged, nil
}

func (m *merger) merge(ctx context.Context, e *parley.Event) (int64, error) {
	m.pending, m.pendingMerged = e.ID, 0
	key := graph.MergeKey(e)
	lo, hi := daysOf(e)
	seen := map[int64]bool{}
	var ids []int64
	find := m.tx.stmt(ctx, m.st.findMerged)
	for {
		rows, err := find.QueryContext(ctx, key, hi+1, lo-1)
		if err != nil {
			return 0, err
		}
		grew := false
		for rows.Next() {
			var id, l, h int64
			if err := rows.Scan(&id, &l, &h); err != nil {
				rows.Close()
				return 0, err
			}
			if seen[id] {
				continue
			}
			seen[id], grew = true, true
			ids = append(ids, id)
			lo, hi = min(lo, l), max(hi, h)
		}
		if err := rows.Close(); err != nil {
			return 0, err
		}
		if !grew {
			break
		}
	}
	members := []parley.Event{*e}
	if len(ids) > 0 {
		// In merged id order, then by event, as one query over all the ids
		// would list them.
		slices.Sort(ids)
		reps := make(map[string]bool, len(ids))
		var err error
		if members, err = m.groups(ctx, ids, members, reps); err != nil {
			return 0, err
		}
		for i := range members {
			if reps[members[i].ID] {
				m.count(&members[i], -1)
			}
		}
	}
	if err := m.insert(ctx, key, graph.Merge(members), members); err != nil {
		return 0, err
	}
	return m.pendingMerged, nil
}

// groups removes the merged events ids, appending their reports to
// members and noting their representatives in reps.
func (m *merger) groups(ctx context.Context, ids []int64, members []parley.Event, reps map[string]bool) ([]parley.Event, error) {
	membersOf := m.tx.stmt(ctx, m.st.membersOf)
	actorsOf := m.tx.stmt(ctx, m.st.actorsOf)
	repOf := m.tx.stmt(ctx, m.st.mergedRep)
	del := m.tx.stmt(ctx, m.st.delMerged)
	for _, id := range ids {
		rows, err := membersOf.QueryContext(ctx, id)
		if err != nil {
			return nil, err
		}
		first := len(members)
		for rows.Next() {
			e, err := scanEvent(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			members = append(members, e)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		group := members[first:]
		index := make(map[string]int, len(group))
		for i := range group {
			index[group[i].ID] = i
		}
		rows, err = actorsOf.QueryContext(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := scanActorRows(rows, group, index); err != nil {
			return nil, err
		}
		var rep string
		if err := repOf.QueryRowContext(ctx, id).Scan(&rep); err != nil {
			return nil, err
		}
		reps[rep] = true
		if _, err := del.ExecContext(ctx, id); err != nil {
			return nil, err
		}
	}
	return members, nil
}

// insert stores merged events of one key and counts their representatives.
func (m *merger) insert(ctx context.Context, key string, ms []graph.Merged, members []parley.Event) error {
	ins := m.tx.stmt(ctx, m.st.insMerged)
	set := m.tx.stmt(ctx, m.st.setMerged)
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
		if err := ins.QueryRowContext(ctx, key, g.Event.ID, lo, hi, ds, de, g.Mentions, len(g.EventIDs)).Scan(&id); err != nil {
			return err
		}
		for _, eid := range g.EventIDs {
			if eid == m.pending && m.pending != "" {
				m.pending, m.pendingMerged = "", id
				continue
			}
			if _, err := set.ExecContext(ctx, id, eid); err != nil {
				return err
			}
		}
		m.count(byID[g.Event.ID], +1)
	}
	return nil
}

// flush writes the accumulated tallies and links: each changed tally once,
// in upserts of many rows.
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
	tArgs := make([]any, 0, 9*len(keys))
	nArgs := make([]any, 0, 8*len(keys))
	var tRows, nRows int
	var drops []tallyKey
	for _, k := range keys {
		d := m.tallies[k]
		if d.n < 0 {
			drops = append(drops, k)
		}
		if ms, me, ok := strings.Cut(k.bucket, "/"); ok {
			nArgs = append(nArgs, k.kind, me, ms, k.k1, k.k2, k.typ, d.n, d.score)
			nRows++
			continue
		}
		tArgs = append(tArgs, k.kind, k.k1, k.k2, k.bucket, k.typ, d.n, d.act, d.rec, d.score)
		tRows++
	}
	if err := m.upsert(ctx, &m.st.tallies, tArgs, tRows); err != nil {
		return err
	}
	if err := m.upsert(ctx, &m.st.nets, nArgs, nRows); err != nil {
		return err
	}
	if len(drops) > 0 {
		delT, delN := m.tx.stmt(ctx, m.st.delTally), m.tx.stmt(ctx, m.st.delNet)
		for _, k := range drops {
			if ms, me, ok := strings.Cut(k.bucket, "/"); ok {
				if _, err := delN.ExecContext(ctx, k.kind, me, ms, k.k1, k.k2, k.typ); err != nil {
					return err
				}
				continue
			}
			if _, err := delT.ExecContext(ctx, k.kind, k.k1, k.k2, k.bucket, k.typ); err != nil {
				return err
			}
		}
	}
	if len(m.links) > 0 {
		ins, del := m.tx.stmt(ctx, m.st.insLink), m.tx.stmt(ctx, m.st.delLink)
		for l, d := range m.links {
			switch {
			case d > 0:
				if _, err := ins.ExecContext(ctx, l[0], l[1], l[2]); err != nil {
					return err
				}
			case d < 0:
				if _, err := del.ExecContext(ctx, l[0], l[1], l[2]); err != nil {
					return err
				}
			}
		}
	}
	if m.maxMonths > 0 {
		if _, err := m.tx.stmt(ctx, m.st.maxMonths).ExecContext(ctx, m.maxMonths); err != nil {
			return err
		}
	}
	clear(m.tallies)
	clear(m.links)
	return nil
}

// upsert runs the statements of sizes (sizes[i] upserts 1<<i rows) over
// the rows of args: the largest that fits first, so that n rows take at
// most n>>6 + 6 statements. One statement of many rows costs far less than
// one a row.
func (m *merger) upsert(ctx context.Context, sizes *[upsertSizes]*sql.Stmt, args []any, n int) error {
	if n == 0 {
		return nil
	}
	width := len(args) / n
	for n > 0 {
		i := min(bits.Len(uint(n)), upsertSizes) - 1
		rows := 1 << i
		if _, err := m.tx.stmt(ctx, sizes[i]).ExecContext(ctx, args[:rows*width]...); err != nil {
			return err
		}
		args, n = args[rows*width:], n-rows
	}
	return nil
}

// fill merges the events stored before migration 0002, once.
func fill(ctx context.Context, db *sql.DB, st *stmts) error {
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
	m := newMerger(st, bind(tx))
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
