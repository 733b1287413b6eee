-- 0003: the actor mentions of each article and the people learned from
-- it, stored by Put with the article. Spans are byte offsets into
-- articles.text; strings the domain types hold as "" are '' (NOT NULL).

CREATE TABLE mentions (
	article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,           -- order in the article (two mentions may share a span)
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	kind        TEXT NOT NULL CHECK (kind <> ''),
	code        TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	sector      TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	name        TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	org         TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	title       TEXT NOT NULL DEFAULT '',
	possessive  INTEGER NOT NULL DEFAULT 0,
	CHECK (0 <= span_start AND span_start <= span_end),
	PRIMARY KEY (article_key, pos)
) WITHOUT ROWID;
CREATE INDEX mentions_code ON mentions(code, sector);
CREATE INDEX mentions_name ON mentions(name) WHERE name <> '';
CREATE INDEX mentions_org ON mentions(org) WHERE org <> '';

-- People learned from an article's text (parley.Learned).
CREATE TABLE learned (
	id             INTEGER PRIMARY KEY,
	article_key    TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
	pos            INTEGER NOT NULL,
	doc            TEXT NOT NULL,
	name           TEXT NOT NULL COLLATE NOCASE CHECK (name <> ''),
	code           TEXT NOT NULL COLLATE NOCASE CHECK (code <> ''),
	sector         TEXT NOT NULL DEFAULT '',
	title          TEXT NOT NULL DEFAULT '',
	org            TEXT NOT NULL DEFAULT '',
	valid_from     TEXT,                     -- YYYY-MM-DD, the article's date; NULL when unknown
	valid_to       TEXT,
	evidence_start INTEGER NOT NULL,
	evidence_end   INTEGER NOT NULL,
	evidence       TEXT NOT NULL DEFAULT '', -- the sentence
	known          INTEGER NOT NULL DEFAULT 0, -- 1: the KB knew the person; the text attests the role
	CHECK (0 <= evidence_start AND evidence_start <= evidence_end),
	UNIQUE (article_key, pos)
);
CREATE INDEX learned_name ON learned(name);
CREATE INDEX learned_code ON learned(code);
CREATE INDEX learned_order ON learned(coalesce(valid_from, '~'), id);
