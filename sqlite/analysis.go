package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-events/parley/graph"
)

// The analysis queries answer from the merged events and their tallies
// (see merge.go): the same answers as the functions of package graph over
// graph.Merge of every stored event, without reading the events.

// Dyad is graph.Dyad over the merged events.
func (db *DB) Dyad(ctx context.Context, a, b, by string) (*graph.DyadReport, error) {
	if by == "" {
		by = graph.ByMonth
	}
	dyad, pair := graph.TallyDyadMonth, graph.TallyPairMonth
	if by == graph.ByWeek {
		dyad, pair = graph.TallyDyadWeek, graph.TallyPairWeek
	}
	la, lb := strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	lo, hi := min(la, lb), max(la, lb)
	ts, err := db.tallies(ctx, `SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind = ?1 AND k1 = ?2 AND k2 = ?3
		UNION ALL SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind = ?1 AND k1 = ?3 AND k2 = ?2
		UNION ALL SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind IN (?4, ?5) AND k1 = ?6 AND k2 = ?7`,
		dyad, la, lb, pair, graph.TallyPairUndated, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("sqlite: dyad %s %s: %w", a, b, err)
	}
	return graph.DyadFromTallies(a, b, by, ts)
}

// Timeline is graph.Timeline over the merged events, listing only the
// first limit of them (0: all); total counts them all.
func (db *DB) Timeline(ctx context.Context, actor, by string, limit int) (rep *graph.TimelineReport, total int, err error) {
	if by == "" {
		by = graph.ByMonth
	}
	kind := graph.TallyLineMonth
	if by == graph.ByWeek {
		kind = graph.TallyLineWeek
	}
	q := strings.TrimSpace(actor)
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: timeline %s: %w", actor, err)
	}
	defer tx.Rollback()
	ts, err := scanTallies(ctx, tx, `SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind IN (?, ?) AND k1 = ?`,
		kind, graph.TallyLineUndated, strings.ToLower(q))
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: timeline %s: %w", actor, err)
	}
	if limit <= 0 {
		limit = -1
	}
	cols := strings.Replace(eventColumns, "e.mentions", "m.mentions", 1)
	evs, err := queryEvents(ctx, tx, `SELECT `+cols+` FROM merged m JOIN events e ON e.id = m.rep
		WHERE EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = m.rep AND a.role <> 'claimed_by'
			AND (a.code = ?1 OR a.name = ?1 OR a.org = ?1))
		ORDER BY coalesce(m.ds, '~'), m.de, m.rep LIMIT ?2`, q, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: timeline %s: %w", actor, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: timeline %s: %w", actor, err)
	}
	rep, err = graph.TimelineFromTallies(actor, by, ts, evs)
	if err != nil {
		return nil, 0, err
	}
	total = rep.Undated
	for _, p := range rep.Periods {
		total += p.Events
	}
	return rep, total, nil
}

// Network is graph.BuildNetwork over the merged events.
func (db *DB) Network(ctx context.Context, opt graph.NetworkOptions) (*graph.Network, error) {
	n, err := db.network(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	return n, nil
}

func (db *DB) network(ctx context.Context, opt graph.NetworkOptions) (*graph.Network, error) {
	kindE, kindN := graph.TallyEdge, graph.TallyNode
	if opt.BySector {
		kindE, kindN = graph.TallyEdgeSector, graph.TallyNodeSector
	}
	typeCond, typeArgs := "", []any(nil)
	if len(opt.Types) > 0 {
		typeCond = ` AND type COLLATE NOCASE IN (?` + strings.Repeat(`, ?`, len(opt.Types)-1) + `)`
		for _, t := range opt.Types {
			typeArgs = append(typeArgs, t)
		}
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if opt.Since.IsZero() && opt.Until.IsZero() {
		ts, err := scanTallies(ctx, tx, `SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies
			WHERE kind IN (?, ?)`+typeCond, append([]any{kindE, kindN}, typeArgs...)...)
		if err != nil {
			return nil, err
		}
		return graph.NetworkFromTallies(ts, opt.Types, opt.BySector), tx.Commit()
	}
	// A dated event passes when its last day is on or after Since and its
	// first day on or before Until. Whole cells of net_months pass when
	// their months do; the events of the partial months are subtracted.
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	mS, mU := "0000-00", "9999-99"
	var since, until string
	if !opt.Since.IsZero() {
		since, mS = day(opt.Since), opt.Since.Format("2006-01")
	}
	if !opt.Until.IsZero() {
		until, mU = day(opt.Until), opt.Until.Format("2006-01")
	}
	meMax := "9999-99"
	if until != "" {
		var months int
		if err := tx.QueryRowContext(ctx, `SELECT max_months FROM merge_state`).Scan(&months); err != nil {
			return nil, err
		}
		meMax = time.Date(opt.Until.Year(), opt.Until.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	ts, err := scanTallies(ctx, tx, `SELECT kind, k1, k2, ms || '/' || me, type, n, 0, 0, score FROM net_months
		WHERE kind IN (?, ?) AND me >= ? AND me <= ? AND ms <= ?`+typeCond,
		append([]any{kindE, kindN, mS, meMax, mU}, typeArgs...)...)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if since != "" && !strings.HasSuffix(since, "-01") {
		where = append(where, `(m.de >= ? AND m.de < ?)`)
		args = append(args, mS+"-01", since)
	}
	if until != "" && day(opt.Until.AddDate(0, 0, 1))[:7] == mU {
		where = append(where, `(m.ds > ? AND m.ds <= ?)`)
		args = append(args, until, mU+"-31")
	}
	if len(where) > 0 {
		cut, err := queryEvents(ctx, tx, `SELECT `+eventColumns+` FROM merged m JOIN events e ON e.id = m.rep
			WHERE `+strings.Join(where, ` OR `), args...)
		if err != nil {
			return nil, err
		}
		for i := range cut {
			e := &cut[i]
			if e.Date == nil {
				continue
			}
			b := graph.MonthSpan(*e.Date)
			ms, me, _ := strings.Cut(b, "/")
			if me < mS || me > meMax || ms > mU {
				continue // not in the cells read
			}
			for _, t := range graph.Tallies(e) {
				if t.Bucket == b && (t.Kind == kindE || t.Kind == kindN) {
					t.N, t.Score = -t.N, -t.Score
					ts = append(ts, t)
				}
			}
		}
	}
	return graph.NetworkFromTallies(ts, opt.Types, opt.BySector), tx.Commit()
}

// Brokers is graph.Brokers over the merged events.
func (db *DB) Brokers(ctx context.Context, a, b string) (*graph.BrokerReport, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: brokers %s %s: %w", a, b, err)
	}
	defer tx.Rollback()
	rep, err := brokers(ctx, tx, a, b)
	if err != nil {
		return nil, fmt.Errorf("sqlite: brokers %s %s: %w", a, b, err)
	}
	return rep, tx.Commit()
}

func brokers(ctx context.Context, tx *sql.Tx, a, b string) (*graph.BrokerReport, error) {
	ts, err := scanTallies(ctx, tx, `SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind IN (?, ?)
		UNION ALL SELECT kind, k1, k2, bucket, type, n, act, rec, score FROM tallies WHERE kind = ? AND k1 IN (?, ?)`,
		graph.TallyCoop, graph.TallyCoopNode, graph.TallyVote, strings.ToLower(a), strings.ToLower(b))
	if err != nil {
		return nil, err
	}
	cg := &graph.CoopGraph{Votes: map[string]map[string]int{}}
	for _, t := range ts {
		switch t.Kind {
		case graph.TallyCoop:
			cg.Edges = append(cg.Edges, [2]string{t.K1, t.K2})
		case graph.TallyCoopNode:
			cg.Nodes = append(cg.Nodes, t.K1)
		case graph.TallyVote:
			if cg.Votes[t.K1] == nil {
				cg.Votes[t.K1] = map[string]int{}
			}
			cg.Votes[t.K1][t.K2] += t.N
		}
	}
	return graph.BrokersFromGraph(cg, a, b, func(u, v string) ([]string, error) {
		rows, err := tx.QueryContext(ctx, `SELECT event_id FROM coop_links WHERE u = ? AND v = ? ORDER BY event_id`, u, v)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	})
}

func (db *DB) tallies(ctx context.Context, q string, args ...any) ([]graph.Tally, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ts, err := scanTallies(ctx, tx, q, args...)
	if err != nil {
		return nil, err
	}
	return ts, tx.Commit()
}

func scanTallies(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]graph.Tally, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []graph.Tally
	for rows.Next() {
		var t graph.Tally
		if err := rows.Scan(&t.Kind, &t.K1, &t.K2, &t.Bucket, &t.Type, &t.N, &t.Act, &t.Rec, &t.Score); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// MergedIDs returns the IDs of the reports of every merged event, each
// list sorted, the lists in the order of their first IDs.
func (db *DB) MergedIDs(ctx context.Context) ([][]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT merged, id FROM events ORDER BY merged, id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merged: %w", err)
	}
	defer rows.Close()
	var out [][]string
	last := int64(-1)
	for rows.Next() {
		var m sql.Null[int64]
		var id string
		if err := rows.Scan(&m, &id); err != nil {
			return nil, fmt.Errorf("sqlite: merged: %w", err)
		}
		if !m.Valid {
			return nil, fmt.Errorf("sqlite: merged: event %s belongs to no merged event", id)
		}
		if m.V != last {
			out = append(out, nil)
			last = m.V
		}
		out[len(out)-1] = append(out[len(out)-1], id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: merged: %w", err)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out, nil
}
