package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// stmts are the statements Put and the merger run, prepared once on the
// write connection when the database opens. A transaction binds them with
// Tx.StmtContext, which reuses the connection's prepared statement instead
// of parsing the SQL again (database/sql prepares it anew should the
// connection ever be replaced).
type stmts struct {
	insArticle, insEvent, insActor            *sql.Stmt
	insMention, insLearned                    *sql.Stmt
	findMerged, mergedRep, delMerged          *sql.Stmt
	insMerged, setMerged, membersOf, actorsOf *sql.Stmt
	delTally, delNet, insLink, delLink        *sql.Stmt
	maxMonths                                 *sql.Stmt
	tallies, nets                             [upsertSizes]*sql.Stmt // tallies[i] upserts 1<<i rows
	all                                       []*sql.Stmt
}

// upsertSizes is how many multi-row upserts are prepared per table: of
// 1, 2, 4, ... 1<<(upsertSizes-1) rows.
const upsertSizes = 7

const (
	tallyUpsert = ` ON CONFLICT DO UPDATE SET n = n + excluded.n,
			act = act + excluded.act, rec = rec + excluded.rec, score = score + excluded.score`
	netUpsert = ` ON CONFLICT DO UPDATE SET n = n + excluded.n, score = score + excluded.score`
)

func prepare(ctx context.Context, db *sql.DB) (*stmts, error) {
	s := &stmts{}
	var errs []error
	p := func(q string) *sql.Stmt {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			errs = append(errs, fmt.Errorf("prepare %.60q: %w", q, err))
			return nil
		}
		s.all = append(s.all, st)
		return st
	}
	s.insArticle = p(`INSERT INTO articles(key, doc, url, title, source, published, text, meta, origin)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`)
	s.insEvent = p(`INSERT INTO events(id, article_key, doc, type, mode, aux, context,
		date_start, date_end, date_source, place_name, place_country, place_lat, place_lon,
		cameo, goldstein, plover_score, sentence_start, sentence_end, trigger_start, trigger_end, sentence, mentions, merged)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	s.insActor = p(`INSERT INTO event_actors(event_id, role, pos, code, sector, name, org, title)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	s.insMention = p(`INSERT INTO mentions(article_key, pos, span_start, span_end, kind,
		code, sector, name, org, title, possessive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	s.insLearned = p(`INSERT INTO learned(article_key, pos, doc, name, code, sector, title, org,
		valid_from, valid_to, evidence_start, evidence_end, evidence, known) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	s.findMerged = p(`SELECT id, lo, hi FROM merged WHERE key = ? AND lo <= ? AND hi >= ?`)
	s.mergedRep = p(`SELECT rep FROM merged WHERE id = ?`)
	s.delMerged = p(`DELETE FROM merged WHERE id = ?`)
	s.membersOf = p(`SELECT ` + eventColumns + ` FROM events e WHERE e.merged = ?`)
	s.actorsOf = p(`SELECT a.event_id, a.role, a.code, a.sector, a.name, a.org, a.title
		FROM events e JOIN event_actors a ON a.event_id = e.id WHERE e.merged = ?
		ORDER BY a.event_id, a.role, a.pos`)
	s.insMerged = p(`INSERT INTO merged(key, rep, lo, hi, ds, de, mentions, reports)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	s.setMerged = p(`UPDATE events SET merged = ? WHERE id = ?`)
	s.delTally = p(`DELETE FROM tallies WHERE kind = ? AND k1 = ? AND k2 = ? AND bucket = ? AND type = ? AND n <= 0`)
	s.delNet = p(`DELETE FROM net_months WHERE kind = ? AND me = ? AND ms = ? AND k1 = ? AND k2 = ? AND type = ? AND n <= 0`)
	s.insLink = p(`INSERT INTO coop_links(u, v, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`)
	s.delLink = p(`DELETE FROM coop_links WHERE u = ? AND v = ? AND event_id = ?`)
	s.maxMonths = p(`UPDATE merge_state SET max_months = max(max_months, ?)`)
	for i := range upsertSizes {
		s.tallies[i] = p(`INSERT INTO tallies(kind, k1, k2, bucket, type, n, act, rec, score) VALUES ` +
			values(1<<i, 9) + tallyUpsert)
		s.nets[i] = p(`INSERT INTO net_months(kind, me, ms, k1, k2, type, n, score) VALUES ` +
			values(1<<i, 8) + netUpsert)
	}
	if len(errs) > 0 {
		s.close()
		return nil, errors.Join(errs...)
	}
	return s, nil
}

func (s *stmts) close() error {
	var errs []error
	for _, st := range s.all {
		errs = append(errs, st.Close())
	}
	return errors.Join(errs...)
}

// txStmts binds prepared statements to one transaction, each once.
type txStmts struct {
	tx    *sql.Tx
	bound map[*sql.Stmt]*sql.Stmt
}

func bind(tx *sql.Tx) *txStmts {
	return &txStmts{tx: tx, bound: make(map[*sql.Stmt]*sql.Stmt, 16)}
}

func (t *txStmts) stmt(ctx context.Context, s *sql.Stmt) *sql.Stmt {
	b := t.bound[s]
	if b == nil {
		b = t.tx.StmtContext(ctx, s)
		t.bound[s] = b
	}
	return b
}
