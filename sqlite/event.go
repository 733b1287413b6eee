package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// eventColumns are the columns scanEvent reads, in its order.
const eventColumns = `e.id, e.article_key, e.doc, e.type, e.mode, e.aux, e.context,
	e.date_start, e.date_end, e.date_source, e.place_name, e.place_country, e.place_lat, e.place_lon,
	e.cameo, e.goldstein, e.plover_score, e.sentence_start, e.sentence_end,
	e.trigger_start, e.trigger_end, e.sentence, e.mentions`

// sortKey is the expression events are ordered by, with e.id: the start
// date, undated events last ('~' sorts after every digit). The events_order
// index is on the same expression.
const sortKey = `coalesce(e.date_start, '~')`

// rareActor is how many actor rows make an actor frequent enough to page
// through its events by walking them in order (see events).
const rareActor = 5000

// Events returns the events that pass f, fully populated, ordered by start
// date (undated events last), then by ID in byte order.
//
//   - Actor matches an actor or recipient (not a claimant) whose Code, Name
//     or Org equals it, ignoring ASCII case.
//   - Type matches the category ignoring ASCII case.
//   - Doc matches the Doc or the Key of the event's article.
//   - Since and Until keep the events whose date range overlaps the days
//     from Since to Until (each taken as the calendar date in its own
//     location); an undated event is left out when either is set.
//   - After pages by keyset: only events that come after the event with that
//     ID in the order above are returned. An After that names no stored
//     event is an error wrapping parley.ErrNotFound.
//   - Limit caps the number of events; 0 means no cap.
//
// Empty Context, Actors, Recipients and ClaimedBy come back nil.
func (db *DB) Events(ctx context.Context, f parley.EventFilter) ([]parley.Event, error) {
	evs, err := db.events(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return evs, nil
}

func (db *DB) events(ctx context.Context, f parley.EventFilter) ([]parley.Event, error) {
	var (
		where []string
		args  []any
	)
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // one snapshot for events and actors
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	// A page for an actor walks the events in order and probes each one's
	// actors, which is fast for a frequent actor and slow for a rare one
	// (the walk finds few matches); a rare actor's events are collected
	// from the actor indexes instead.
	probe := false
	if f.Actor != "" && f.Limit > 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM event_actors
			WHERE code = ? OR name = ? OR org = ? LIMIT ?)`, f.Actor, f.Actor, f.Actor, rareActor).Scan(&n); err != nil {
			return nil, err
		}
		probe = n >= rareActor
	}
	switch {
	case probe:
		// A page: walk events in order and stop at the limit, probing
		// each event's actors by primary key.
		where = append(where, `EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id
			AND a.role <> 'claimed_by' AND (a.code = ? OR a.name = ? OR a.org = ?))`)
		args = append(args, f.Actor, f.Actor, f.Actor)
	case f.Actor != "":
		// Everything: collect the events from the actor indexes first.
		where = append(where, `e.id IN (
			SELECT event_id FROM event_actors WHERE code = ? AND role <> 'claimed_by'
			UNION SELECT event_id FROM event_actors WHERE name = ? AND role <> 'claimed_by'
			UNION SELECT event_id FROM event_actors WHERE org = ? AND role <> 'claimed_by')`)
		args = append(args, f.Actor, f.Actor, f.Actor)
	}
	if f.Type != "" {
		where = append(where, `e.type = ?`)
		args = append(args, f.Type)
	}
	if f.Doc != "" {
		where = append(where, `e.article_key IN (SELECT key FROM articles WHERE key = ? UNION SELECT key FROM articles WHERE doc = ?)`)
		args = append(args, f.Doc, f.Doc)
	}
	if !f.Since.IsZero() {
		since := f.Since.Format(time.DateOnly)
		// The second condition follows from the first (no event is longer
		// than span_max) and lets the order index skip earlier events.
		where = append(where, `e.date_end >= ?`, sortKey+` >= date(?, '-' || (SELECT days FROM span_max) || ' days')`)
		args = append(args, since, since)
	}
	if !f.Until.IsZero() {
		where = append(where, `e.date_start <= ?`)
		args = append(args, f.Until.Format(time.DateOnly))
	}

	if f.After != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE id = ?`, f.After).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, fmt.Errorf("after %q: %w", f.After, parley.ErrNotFound)
		}
		where = append(where, `(`+sortKey+`, e.id) > (SELECT `+sortKey+`, e.id FROM events e WHERE e.id = ?)`)
		args = append(args, f.After)
	}
	q := `SELECT ` + eventColumns + ` FROM events e`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY ` + sortKey + `, e.id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	evs, err := queryEvents(ctx, tx, q, args...)
	if err != nil {
		return nil, err
	}
	return evs, tx.Commit()
}

// Event returns the event with this ID, or an error wrapping
// parley.ErrNotFound.
func (db *DB) Event(ctx context.Context, id string) (*parley.Event, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %q: %w", id, err)
	}
	defer tx.Rollback()
	evs, err := queryEvents(ctx, tx, `SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %q: %w", id, err)
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("sqlite: event %q: %w", id, parley.ErrNotFound)
	}
	return &evs[0], tx.Commit()
}

// Search returns the events whose sentence matches query, an SQLite FTS5
// query ("Lavrov AND talks", "\"peace talks\"", "negotiat*"), best match
// first, at most limit of them (0 means all). Matching ignores case and
// diacritics. A query with bad FTS5 syntax is an error; one that matches
// nothing returns no events and no error.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]parley.Event, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer tx.Rollback()
	evs, err := queryEvents(ctx, tx, `SELECT `+eventColumns+` FROM events_fts
		JOIN events e ON e.seq = events_fts.rowid
		WHERE events_fts MATCH ? ORDER BY bm25(events_fts), `+sortKey+`, e.id LIMIT ?`, query, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return evs, tx.Commit()
}

// queryEvents runs q, which selects eventColumns, and fills in the actors
// of the events it returns.
func queryEvents(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]parley.Event, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var evs []parley.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := addActors(ctx, tx, evs); err != nil {
		return nil, err
	}
	return evs, nil
}

func scanEvent(rows *sql.Rows) (parley.Event, error) {
	var (
		e                 parley.Event
		context           sql.Null[string]
		start, end        sql.Null[string]
		pname, pcountry   sql.Null[string]
		plat, plon        sql.Null[float64]
		sentence, trigger parley.Span
	)
	if err := rows.Scan(&e.ID, &e.Article, &e.Doc, &e.Type, &e.Mode, &e.Aux, &context,
		&start, &end, &e.DateSource, &pname, &pcountry, &plat, &plon,
		&e.CAMEO, &e.Goldstein, &e.PLOVERScore, &sentence.Start, &sentence.End,
		&trigger.Start, &trigger.End, &e.SentenceText, &e.Mentions); err != nil {
		return e, err
	}
	e.Sentence, e.Trigger = sentence, trigger
	if context.Valid {
		if err := json.Unmarshal([]byte(context.V), &e.Context); err != nil {
			return e, fmt.Errorf("event %s: context: %w", e.ID, err)
		}
		if len(e.Context) == 0 {
			e.Context = nil
		}
	}
	if start.Valid && end.Valid {
		s, err := time.Parse(time.DateOnly, start.V)
		if err != nil {
			return e, fmt.Errorf("event %s: date: %w", e.ID, err)
		}
		t, err := time.Parse(time.DateOnly, end.V)
		if err != nil {
			return e, fmt.Errorf("event %s: date: %w", e.ID, err)
		}
		e.Date = &parley.DateRange{Start: s, End: t}
	}
	if pname.Valid {
		e.Place = &parley.Place{Name: pname.V, Country: pcountry.V, Lat: plat.V, Lon: plon.V}
	}
	return e, nil
}

// actorBatch is how many event IDs one actor query asks for; SQLite allows
// 32766 parameters.
const actorBatch = 500

// addActors reads the actors, recipients and claimants of evs, in their
// stored order.
func addActors(ctx context.Context, tx *sql.Tx, evs []parley.Event) error {
	index := make(map[string]int, len(evs))
	for i := range evs {
		index[evs[i].ID] = i
	}
	args := make([]any, 0, actorBatch)
	for lo := 0; lo < len(evs); lo += actorBatch {
		hi := min(lo+actorBatch, len(evs))
		args = args[:0]
		for i := lo; i < hi; i++ {
			args = append(args, evs[i].ID)
		}
		q := `SELECT event_id, role, code, sector, name, org, title FROM event_actors
			WHERE event_id IN (?` + strings.Repeat(`, ?`, hi-lo-1) + `) ORDER BY event_id, role, pos`
		if err := scanActors(ctx, tx, q, args, evs, index); err != nil {
			return err
		}
	}
	return nil
}

func scanActors(ctx context.Context, tx *sql.Tx, q string, args []any, evs []parley.Event, index map[string]int) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	return scanActorRows(rows, evs, index)
}

// scanActorRows reads rows of event_id, role, code, sector, name, org,
// title into the events of evs that index numbers by ID, and closes rows.
func scanActorRows(rows *sql.Rows, evs []parley.Event, index map[string]int) error {
	defer rows.Close()
	for rows.Next() {
		var id, role string
		var a parley.Actor
		if err := rows.Scan(&id, &role, &a.Code, &a.Sector, &a.Name, &a.Org, &a.Title); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			return errors.New("actor of unknown event " + id)
		}
		e := &evs[i]
		switch role {
		case roleActor:
			e.Actors = append(e.Actors, a)
		case roleRecipient:
			e.Recipients = append(e.Recipients, a)
		case roleClaimedBy:
			e.ClaimedBy = append(e.ClaimedBy, a)
		}
	}
	return rows.Err()
}
