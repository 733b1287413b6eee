package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-events/parley"
)

// validateActors checks a document's mentions and learned people before
// anything is written: spans inside the text, a kind for every mention and
// something it names (a code, person or body), a name and code for every
// learned person, the article's Key (or none) as its Article, and role
// dates in years 0-9999 that do not end before they start.
func validateActors(d *parley.Document) error {
	a := d.Article
	inText := func(s parley.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(a.Text) }
	for i, m := range d.Mentions {
		if !inText(m.Span) {
			return fmt.Errorf("mention %d: span [%d,%d) outside text of %d bytes", i, m.Span.Start, m.Span.End, len(a.Text))
		}
		if m.Kind == "" {
			return fmt.Errorf("mention %d %q: empty kind", i, m.Span.In(a.Text))
		}
		if m.Actor.Code == "" && m.Actor.Name == "" && m.Actor.Org == "" {
			return fmt.Errorf("mention %d %q: actor has no code, name or org", i, m.Span.In(a.Text))
		}
	}
	for i, l := range d.Learned {
		switch {
		case strings.TrimSpace(l.Name) == "":
			return fmt.Errorf("learned person %d: empty name", i)
		case l.Role.Code == "":
			return fmt.Errorf("learned person %d %q: empty code", i, l.Name)
		case !inText(l.Evidence):
			return fmt.Errorf("learned person %d %q: evidence span [%d,%d) outside text of %d bytes", i, l.Name, l.Evidence.Start, l.Evidence.End, len(a.Text))
		case l.Article != "" && l.Article != a.Key:
			return fmt.Errorf("learned person %d %q: article %q is not the article's key %q", i, l.Name, l.Article, a.Key)
		}
		for _, t := range []time.Time{l.Role.ValidFrom, l.Role.ValidTo} {
			if !t.IsZero() && (t.Year() < 0 || t.Year() > 9999) {
				return fmt.Errorf("learned person %d %q: role date %s outside years 0-9999", i, l.Name, t.Format(time.DateOnly))
			}
		}
		if !l.Role.ValidFrom.IsZero() && !l.Role.ValidTo.IsZero() && dayString(l.Role.ValidTo) < dayString(l.Role.ValidFrom) {
			return fmt.Errorf("learned person %d %q: role ends %s before it starts %s", i, l.Name, dayString(l.Role.ValidTo), dayString(l.Role.ValidFrom))
		}
	}
	return nil
}

func dayString(t time.Time) string { return t.UTC().Format(time.DateOnly) }

func nullDay(t time.Time) sql.Null[string] {
	if t.IsZero() {
		return sql.Null[string]{}
	}
	return sql.Null[string]{V: dayString(t), Valid: true}
}

// putMentions stores ms with ins, the insMention statement.
func putMentions(ctx context.Context, ins *sql.Stmt, a *parley.Article, ms []parley.Mention) error {
	for i, m := range ms {
		if _, err := ins.ExecContext(ctx, a.Key, i, m.Span.Start, m.Span.End, string(m.Kind),
			m.Actor.Code, m.Actor.Sector, m.Actor.Name, m.Actor.Org, m.Actor.Title, m.Possessive); err != nil {
			return fmt.Errorf("mention %d %q: %w", i, m.Span.In(a.Text), err)
		}
	}
	return nil
}

// putLearned stores ls with ins, the insLearned statement.
func putLearned(ctx context.Context, ins *sql.Stmt, a *parley.Article, ls []parley.Learned) error {
	for i, l := range ls {
		doc := l.Doc
		if doc == "" {
			doc = a.Doc
		}
		text := l.EvidenceText
		if text == "" {
			text = l.Evidence.In(a.Text)
		}
		if _, err := ins.ExecContext(ctx, a.Key, i, doc, l.Name, l.Role.Code, l.Role.Sector, l.Role.Title, l.Org,
			nullDay(l.Role.ValidFrom), nullDay(l.Role.ValidTo), l.Evidence.Start, l.Evidence.End, text, l.Known); err != nil {
			return fmt.Errorf("learned person %d %q: %w", i, l.Name, err)
		}
	}
	return nil
}

// Mentions returns the stored actor mentions of the article whose Key (or,
// failing that, Doc) is keyOrDoc, in the order they were stored. An error
// wraps parley.ErrNotFound when there is no such article.
func (db *DB) Mentions(ctx context.Context, keyOrDoc string) ([]parley.Mention, error) {
	var key string
	err := db.read.QueryRowContext(ctx, `SELECT key FROM articles WHERE key = ?1 OR doc = ?1
		ORDER BY key = ?1 DESC, rowid DESC LIMIT 1`, keyOrDoc).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: mentions of %q: %w", keyOrDoc, parley.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: mentions of %q: %w", keyOrDoc, err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT span_start, span_end, kind, code, sector, name, org, title, possessive
		FROM mentions WHERE article_key = ? ORDER BY pos`, key)
	if err != nil {
		return nil, fmt.Errorf("sqlite: mentions of %q: %w", keyOrDoc, err)
	}
	defer rows.Close()
	var out []parley.Mention
	for rows.Next() {
		var m parley.Mention
		var kind string
		if err := rows.Scan(&m.Span.Start, &m.Span.End, &kind, &m.Actor.Code, &m.Actor.Sector,
			&m.Actor.Name, &m.Actor.Org, &m.Actor.Title, &m.Possessive); err != nil {
			return nil, fmt.Errorf("sqlite: mentions of %q: %w", keyOrDoc, err)
		}
		m.Kind = parley.MentionKind(kind)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: mentions of %q: %w", keyOrDoc, err)
	}
	return out, nil
}

// actorQuery returns the SQL that summarizes the mentions passing where
// (over mentions m joined to articles a) by actor, one row per actor, most
// mentioned first. An actor's identity within its kind (person, org,
// code) is the person's name, the body, or the code and sector (the code
// alone when byCode), compared ignoring ASCII case. Its spelling, code,
// sector and title are those of its latest mention, by publication date,
// then as stored.
func actorQuery(where string, byCode bool) string {
	codeIdent := "trim(m.code || ' ' || m.sector)"
	if byCode {
		codeIdent = "m.code"
	}
	if where != "" {
		where = " WHERE " + where
	}
	return `WITH r AS (
		SELECT CASE WHEN m.name <> '' THEN 'person' WHEN m.org <> '' THEN 'org' ELSE 'code' END AS k,
			CASE WHEN m.name <> '' THEN m.name WHEN m.org <> '' THEN m.org ELSE ` + codeIdent + ` END AS ident,
			m.code, m.sector, m.name, m.org, m.title, m.article_key, m.pos, a.published, a.rowid AS arow
		FROM mentions m JOIN articles a ON a.key = m.article_key` + where + `
	), g AS (
		SELECT k, ident, count(*) AS n, count(DISTINCT article_key) AS na, min(published) AS first, max(published) AS last
		FROM r GROUP BY k, ident COLLATE NOCASE
	), latest AS (
		SELECT * FROM (SELECT k, ident, code, sector, name, org, title, row_number() OVER (
			PARTITION BY k, ident COLLATE NOCASE ORDER BY coalesce(published, '') DESC, arow DESC, pos DESC) AS rn FROM r)
		WHERE rn = 1
	)
	SELECT g.k, l.ident, l.code, l.sector, l.name, l.org, l.title, g.n, g.na, g.first, g.last,
		g.k = 'person' AND EXISTS (SELECT 1 FROM learned x WHERE x.name = g.ident AND x.known = 0)
	FROM g JOIN latest l ON l.k = g.k AND l.ident = g.ident COLLATE NOCASE
	ORDER BY g.n DESC, g.k, l.ident`
}

func scanActor(rows interface{ Scan(...any) error }, s *parley.ActorSummary) error {
	var k, ident string
	var first, last sql.Null[string]
	if err := rows.Scan(&k, &ident, &s.Code, &s.Sector, &s.Name, &s.Org, &s.Title,
		&s.Mentions, &s.Articles, &first, &last, &s.Learned); err != nil {
		return err
	}
	s.Key = k + ":" + ident
	var err error
	if first.Valid {
		if s.FirstSeen, err = parseTime(first.V); err != nil {
			return fmt.Errorf("%s: first seen: %w", s.Key, err)
		}
	}
	if last.Valid {
		if s.LastSeen, err = parseTime(last.V); err != nil {
			return fmt.Errorf("%s: last seen: %w", s.Key, err)
		}
	}
	if k != "person" {
		s.Name = ""
	}
	if k == "code" {
		s.Org = ""
	}
	return nil
}

// Actors lists the actors of the stored mentions that pass the filter (see
// parley.ActorSummary), most mentioned first, then by Key. Country and
// Sector match a mention's code and sector ignoring ASCII case; Learned
// keeps the people whose name (ignoring ASCII case) is a learned person's.
// A person is one actor whatever the codes of its mentions; its code,
// sector and title are those of its latest mention.
func (db *DB) Actors(ctx context.Context, f parley.ActorFilter) ([]parley.ActorSummary, error) {
	var where []string
	var args []any
	if f.Country != "" {
		where = append(where, "m.code = ?")
		args = append(args, f.Country)
	}
	if f.Sector != "" {
		where = append(where, "m.sector = ?")
		args = append(args, f.Sector)
	}
	if f.Learned {
		where = append(where, "m.name <> '' AND EXISTS (SELECT 1 FROM learned l WHERE l.name = m.name)")
	}
	q := actorQuery(strings.Join(where, " AND "), false)
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer rows.Close()
	var out []parley.ActorSummary
	for rows.Next() {
		var s parley.ActorSummary
		if err := scanActor(rows, &s); err != nil {
			return nil, fmt.Errorf("sqlite: actors: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	return out, nil
}

// Learned returns the people learned from the stored articles, ordered by
// the day they were learned (undated last), then as stored. Role dates
// come back as days at midnight UTC.
func (db *DB) Learned(ctx context.Context) ([]parley.Learned, error) {
	return db.learned(ctx, "", nil)
}

func (db *DB) learned(ctx context.Context, where string, args []any) ([]parley.Learned, error) {
	q := `SELECT article_key, doc, name, code, sector, title, org, valid_from, valid_to,
		evidence_start, evidence_end, evidence, known FROM learned`
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := db.read.QueryContext(ctx, q+` ORDER BY coalesce(valid_from, '~'), id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: learned: %w", err)
	}
	defer rows.Close()
	var out []parley.Learned
	for rows.Next() {
		var l parley.Learned
		var from, to sql.Null[string]
		if err := rows.Scan(&l.Article, &l.Doc, &l.Name, &l.Role.Code, &l.Role.Sector, &l.Role.Title, &l.Org,
			&from, &to, &l.Evidence.Start, &l.Evidence.End, &l.EvidenceText, &l.Known); err != nil {
			return nil, fmt.Errorf("sqlite: learned: %w", err)
		}
		for _, d := range []struct {
			s   sql.Null[string]
			dst *time.Time
		}{{from, &l.Role.ValidFrom}, {to, &l.Role.ValidTo}} {
			if !d.s.Valid {
				continue
			}
			t, err := time.Parse(time.DateOnly, d.s.V)
			if err != nil {
				return nil, fmt.Errorf("sqlite: learned %q: role date: %w", l.Name, err)
			}
			*d.dst = t
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: learned: %w", err)
	}
	return out, nil
}

// Alias is a way an actor was written in the stored articles.
type Alias struct {
	Text     string `json:"text"`
	Mentions int    `json:"mentions"`
}

// ActorDetail is what the store knows of one actor.
type ActorDetail struct {
	parley.ActorSummary
	// Aliases are the distinct texts of its mentions, most frequent first.
	Aliases []Alias `json:"aliases,omitempty"`
	// Learned lists each time the person was learned from an article.
	Learned []parley.Learned `json:"learned_from,omitempty"`
}

// ActorDetail describes the actor named name (ignoring ASCII case): a
// person by name, else a body, else a code (every sector together). Its
// summary counts every matching mention. An error wraps parley.ErrNotFound
// when no mention names it and no person of that name was learned.
func (db *DB) ActorDetail(ctx context.Context, name string) (*ActorDetail, error) {
	d, err := db.actorDetail(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actor %q: %w", name, err)
	}
	return d, nil
}

func (db *DB) actorDetail(ctx context.Context, name string) (*ActorDetail, error) {
	// The first kind of identity that any mention matches decides.
	var match string
	for _, cond := range []string{
		"m.name = ?1",
		"m.name = '' AND m.org = ?1",
		"m.name = '' AND m.org = '' AND m.code = ?1",
	} {
		var n int
		if err := db.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM mentions m WHERE `+cond+`)`, name).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			match = cond
			break
		}
	}
	d := &ActorDetail{}
	learned, err := db.learned(ctx, "name = ?", []any{name})
	if err != nil {
		return nil, err
	}
	d.Learned = learned
	if match == "" {
		if len(learned) == 0 {
			return nil, parley.ErrNotFound
		}
		l := learned[len(learned)-1]
		d.ActorSummary = parley.ActorSummary{Key: "person:" + l.Name, Code: l.Role.Code, Sector: l.Role.Sector,
			Name: l.Name, Org: l.Org, Title: l.Role.Title, Learned: true}
		return d, nil
	}
	// Every matching mention has the same identity (a code matches every
	// sector), so the query gives one row.
	q := actorQuery(match, strings.Contains(match, "m.code"))
	if err := scanActor(db.read.QueryRowContext(ctx, q, name), &d.ActorSummary); err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT CAST(substr(CAST(a.text AS BLOB), m.span_start + 1, m.span_end - m.span_start) AS TEXT) AS surface,
		count(*) FROM mentions m JOIN articles a ON a.key = m.article_key WHERE `+match+`
		GROUP BY surface ORDER BY count(*) DESC, surface`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var al Alias
		if err := rows.Scan(&al.Text, &al.Mentions); err != nil {
			return nil, err
		}
		d.Aliases = append(d.Aliases, al)
	}
	return d, rows.Err()
}
