-- 0001: articles, events, their actors and a full-text index over event
-- sentences. Strings that the domain types hold as "" are stored as '' (NOT
-- NULL); values the types hold as absent (published, meta, context, date,
-- place) are NULL.

CREATE TABLE articles (
	key         TEXT PRIMARY KEY CHECK (key <> ''),
	doc         TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	published   TEXT,                       -- RFC 3339, UTC; NULL when unknown
	text        TEXT NOT NULL,
	meta        TEXT CHECK (meta IS NULL OR json_valid(meta)),  -- JSON object
	origin      TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_doc ON articles(doc);

CREATE TABLE events (
	seq            INTEGER PRIMARY KEY,     -- stable rowid for events_fts
	id             TEXT NOT NULL UNIQUE CHECK (id <> ''),
	article_key    TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
	doc            TEXT NOT NULL,
	type           TEXT NOT NULL COLLATE NOCASE CHECK (type <> ''),
	mode           TEXT NOT NULL DEFAULT '',
	aux            TEXT NOT NULL DEFAULT '',
	context        TEXT CHECK (context IS NULL OR json_valid(context)),  -- JSON array
	date_start     TEXT,                    -- YYYY-MM-DD
	date_end       TEXT,                    -- YYYY-MM-DD
	date_source    TEXT NOT NULL DEFAULT '',
	place_name     TEXT,                    -- the four place columns are all NULL or all set
	place_country  TEXT,
	place_lat      REAL,
	place_lon      REAL,
	cameo          TEXT NOT NULL DEFAULT '',
	goldstein      REAL NOT NULL DEFAULT 0,
	plover_score   REAL NOT NULL DEFAULT 0,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	sentence       TEXT NOT NULL DEFAULT '',
	mentions       INTEGER NOT NULL DEFAULT 0,
	CHECK ((date_start IS NULL) = (date_end IS NULL)),
	CHECK (date_end >= date_start)
);
CREATE INDEX events_article ON events(article_key);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_start);
-- The order Events returns: undated events last, then by ID. Keyset paging
-- compares against this pair.
CREATE INDEX events_order ON events(coalesce(date_start, '~'), id);

CREATE TABLE event_actors (
	event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	role     TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'claimed_by')),
	pos      INTEGER NOT NULL,
	code     TEXT NOT NULL COLLATE NOCASE CHECK (code <> ''),
	sector   TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	org      TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
	title    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (event_id, role, pos)
) WITHOUT ROWID;
CREATE INDEX event_actors_code ON event_actors(code);
CREATE INDEX event_actors_name ON event_actors(name);
CREATE INDEX event_actors_org ON event_actors(org);

-- Full-text index over event sentences, kept in step with events by triggers.
CREATE VIRTUAL TABLE events_fts USING fts5(
	sentence,
	content = 'events',
	content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
	INSERT INTO events_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
	INSERT INTO events_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
