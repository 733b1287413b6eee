package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parley-events/parley"
)

// Put stores a document (an article with its events, actor mentions and
// learned people) in one transaction. When an article with the same Key is
// already stored nothing changes and the result has Created false and zero
// counts. The input is checked before anything is written (see validate);
// any failure rolls the transaction back, so an error leaves the store as it
// was. An event's or a learned person's Article is the article's Key and its
// Doc, when empty, the article's Doc; a learned person's EvidenceText, when
// empty, is the text of its Evidence span.
func (db *DB) Put(ctx context.Context, d *parley.Document) (parley.PutResult, error) {
	if d == nil || d.Article == nil {
		return parley.PutResult{}, errors.New("sqlite: put: no article")
	}
	a := d.Article
	if err := validate(d); err != nil {
		return parley.PutResult{}, fmt.Errorf("sqlite: put article %s: %w", a.Doc, err)
	}
	res, err := db.put(ctx, d)
	if err != nil {
		return parley.PutResult{}, fmt.Errorf("sqlite: put article %s: %w", a.Doc, err)
	}
	return res, nil
}

func (db *DB) put(ctx context.Context, d *parley.Document) (parley.PutResult, error) {
	a, events := d.Article, d.Events
	var meta, published sql.Null[string]
	if len(a.Meta) > 0 {
		b, err := json.Marshal(a.Meta)
		if err != nil {
			return parley.PutResult{}, fmt.Errorf("meta: %w", err)
		}
		meta = sql.Null[string]{V: string(b), Valid: true}
	}
	if !a.Published.IsZero() {
		published = sql.Null[string]{V: a.Published.UTC().Format(time.RFC3339Nano), Valid: true}
	}

	tx, err := db.write.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see Open)
	if err != nil {
		return parley.PutResult{}, err
	}
	defer tx.Rollback()
	b := bind(tx)
	r, err := b.stmt(ctx, db.stmts.insArticle).ExecContext(ctx,
		a.Key, a.Doc, a.URL, a.Title, a.Source, published, a.Text, meta, a.Origin)
	if err != nil {
		return parley.PutResult{}, err
	}
	n, err := r.RowsAffected()
	if err != nil {
		return parley.PutResult{}, err
	}
	if n == 0 {
		return parley.PutResult{Created: false}, tx.Commit()
	}

	insEvent := b.stmt(ctx, db.stmts.insEvent)
	insActor := b.stmt(ctx, db.stmts.insActor)
	m := newMerger(db.stmts, b)
	for i := range events {
		e := &events[i]
		doc := e.Doc
		if doc == "" {
			doc = a.Doc
		}
		var context sql.Null[string]
		if len(e.Context) > 0 {
			b, err := json.Marshal(e.Context)
			if err != nil {
				return parley.PutResult{}, fmt.Errorf("event %s: context: %w", e.ID, err)
			}
			context = sql.Null[string]{V: string(b), Valid: true}
		}
		var start, end sql.Null[string]
		if e.Date != nil {
			start = sql.Null[string]{V: e.Date.Start.Format(time.DateOnly), Valid: true}
			end = sql.Null[string]{V: e.Date.End.Format(time.DateOnly), Valid: true}
		}
		var pname, pcountry sql.Null[string]
		var plat, plon sql.Null[float64]
		if p := e.Place; p != nil {
			pname = sql.Null[string]{V: p.Name, Valid: true}
			pcountry = sql.Null[string]{V: p.Country, Valid: true}
			plat = sql.Null[float64]{V: p.Lat, Valid: true}
			plon = sql.Null[float64]{V: p.Lon, Valid: true}
		}
		// Merging first gives the event its merged event as it is
		// inserted, which saves updating the row.
		stored := *e
		stored.Article, stored.Doc = a.Key, doc
		merged, err := m.add(ctx, &stored)
		if err != nil {
			return parley.PutResult{}, fmt.Errorf("event %s: merge: %w", e.ID, err)
		}
		if _, err := insEvent.ExecContext(ctx, e.ID, a.Key, doc, e.Type, e.Mode, e.Aux, context,
			start, end, e.DateSource, pname, pcountry, plat, plon,
			e.CAMEO, e.Goldstein, e.PLOVERScore, e.Sentence.Start, e.Sentence.End,
			e.Trigger.Start, e.Trigger.End, e.SentenceText, e.Mentions, merged); err != nil {
			return parley.PutResult{}, fmt.Errorf("event %s: %w", e.ID, err)
		}
		for _, group := range []struct {
			role   string
			actors []parley.Actor
		}{{roleActor, e.Actors}, {roleRecipient, e.Recipients}, {roleClaimedBy, e.ClaimedBy}} {
			for pos, ac := range group.actors {
				if _, err := insActor.ExecContext(ctx, e.ID, group.role, pos,
					ac.Code, ac.Sector, ac.Name, ac.Org, ac.Title); err != nil {
					return parley.PutResult{}, fmt.Errorf("event %s: %s %d: %w", e.ID, group.role, pos, err)
				}
			}
		}
	}
	if err := m.flush(ctx); err != nil {
		return parley.PutResult{}, fmt.Errorf("merge: %w", err)
	}
	if err := putMentions(ctx, b.stmt(ctx, db.stmts.insMention), a, d.Mentions); err != nil {
		return parley.PutResult{}, err
	}
	if err := putLearned(ctx, b.stmt(ctx, db.stmts.insLearned), a, d.Learned); err != nil {
		return parley.PutResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return parley.PutResult{}, err
	}
	return parley.PutResult{Created: true, Events: len(events), Mentions: len(d.Mentions), Learned: len(d.Learned)}, nil
}

// Roles of an event_actors row.
const (
	roleActor     = "actor"
	roleRecipient = "recipient"
	roleClaimedBy = "claimed_by"
)

// validate checks what the schema cannot, or cannot name well, before
// anything is written: the article has a Key; every event has an ID unique
// in the batch, a Type, the article's Key (or none) as its Article, spans
// that lie inside the text, a date range in years 0-9999 that does not end
// before it starts; every actor has a Code. Mentions and learned people are
// checked by validateActors.
func validate(d *parley.Document) error {
	a, events := d.Article, d.Events
	if a.Key == "" {
		return errors.New("empty key")
	}
	if err := validateActors(d); err != nil {
		return err
	}
	seen := make(map[string]bool, len(events))
	for i := range events {
		e := &events[i]
		if e.ID == "" {
			return fmt.Errorf("event %d (%s): empty ID", i, e.Type)
		}
		if seen[e.ID] {
			return fmt.Errorf("event %s: ID given twice", e.ID)
		}
		seen[e.ID] = true
		if e.Type == "" {
			return fmt.Errorf("event %s: empty type", e.ID)
		}
		if e.Article != "" && e.Article != a.Key {
			return fmt.Errorf("event %s: article %q is not the article's key %q", e.ID, e.Article, a.Key)
		}
		for _, s := range []struct {
			name string
			span parley.Span
		}{{"sentence", e.Sentence}, {"trigger", e.Trigger}} {
			if s.span.Start < 0 || s.span.Start > s.span.End || s.span.End > len(a.Text) {
				return fmt.Errorf("event %s: %s span [%d,%d) outside text of %d bytes", e.ID, s.name, s.span.Start, s.span.End, len(a.Text))
			}
		}
		if d := e.Date; d != nil {
			if d.Start.Year() < 0 || d.End.Year() > 9999 {
				return fmt.Errorf("event %s: date %s outside years 0-9999", e.ID, d)
			}
			if d.End.Format(time.DateOnly) < d.Start.Format(time.DateOnly) {
				return fmt.Errorf("event %s: date %s ends before it starts", e.ID, d)
			}
		}
		for _, g := range [][]parley.Actor{e.Actors, e.Recipients, e.ClaimedBy} {
			for _, ac := range g {
				if ac.Code == "" {
					return fmt.Errorf("event %s: actor %q has no code", e.ID, actorLabel(ac))
				}
			}
		}
	}
	return nil
}

func actorLabel(a parley.Actor) string {
	switch {
	case a.Name != "":
		return a.Name
	case a.Org != "":
		return a.Org
	}
	return a.Sector
}

// Article returns the article whose Key is keyOrDoc or, failing that, the
// one stored last whose Doc is keyOrDoc. An error wraps parley.ErrNotFound
// when there is none.
func (db *DB) Article(ctx context.Context, keyOrDoc string) (*parley.Article, error) {
	var (
		a         parley.Article
		published sql.Null[string]
		meta      sql.Null[string]
	)
	err := db.read.QueryRowContext(ctx, `SELECT key, doc, url, title, source, published, text, meta, origin
		FROM articles WHERE key = ?1 OR doc = ?1 ORDER BY key = ?1 DESC, rowid DESC LIMIT 1`, keyOrDoc).
		Scan(&a.Key, &a.Doc, &a.URL, &a.Title, &a.Source, &published, &a.Text, &meta, &a.Origin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article %q: %w", keyOrDoc, parley.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %q: %w", keyOrDoc, err)
	}
	if published.Valid {
		if a.Published, err = parseTime(published.V); err != nil {
			return nil, fmt.Errorf("sqlite: article %q: published: %w", keyOrDoc, err)
		}
	}
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.V), &a.Meta); err != nil {
			return nil, fmt.Errorf("sqlite: article %q: meta: %w", keyOrDoc, err)
		}
	}
	return &a, nil
}

// parseTime reads a published column: RFC 3339 or YYYY-MM-DD.
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// ArticleSummary describes a stored article without its text.
type ArticleSummary struct {
	Key       string    `json:"key"`
	Doc       string    `json:"doc"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Events    int       `json:"events"` // events stored with it
}

// Articles lists stored articles in the order they were stored, at most
// limit of them (0 means all).
func (db *DB) Articles(ctx context.Context, limit int) ([]ArticleSummary, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := db.read.QueryContext(ctx, `SELECT a.key, a.doc, a.title, a.source, a.published,
		(SELECT count(*) FROM events e WHERE e.article_key = a.key)
		FROM articles a ORDER BY a.rowid LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	var out []ArticleSummary
	for rows.Next() {
		var s ArticleSummary
		var published sql.Null[string]
		if err := rows.Scan(&s.Key, &s.Doc, &s.Title, &s.Source, &published, &s.Events); err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		if published.Valid {
			if s.Published, err = parseTime(published.V); err != nil {
				return nil, fmt.Errorf("sqlite: articles: %s: published: %w", s.Key, err)
			}
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	return out, nil
}

// Stats counts the stored articles and events.
func (db *DB) Stats(ctx context.Context) (parley.Stats, error) {
	var s parley.Stats
	err := db.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)`).
		Scan(&s.Articles, &s.Events)
	if err != nil {
		return parley.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}
