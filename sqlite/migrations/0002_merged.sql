-- 0002: merged events and the tallies of analysis queries, kept up to date
-- by PutArticle (see merge.go). A file that had events before this
-- migration is filled by Open, which finds merge_state.filled = 0.

-- One row per merged event (a group of graph.Merge): its merge key, the
-- representative report, and the days its reports cover (lo, hi: day
-- numbers since 1970; 2147483647 for undated reports).
CREATE TABLE merged (
	id       INTEGER PRIMARY KEY,
	key      TEXT NOT NULL,
	rep      TEXT NOT NULL,            -- events.id of the representative
	lo       INTEGER NOT NULL,
	hi       INTEGER NOT NULL,
	ds       TEXT,                     -- the representative's dates
	de       TEXT,
	mentions INTEGER NOT NULL,
	reports  INTEGER NOT NULL
);
CREATE INDEX merged_key ON merged(key, lo);
CREATE INDEX merged_order ON merged(coalesce(ds, '~'), de, rep);
CREATE INDEX merged_ds ON merged(ds);
CREATE INDEX merged_de ON merged(de);

ALTER TABLE events ADD COLUMN merged INTEGER;
CREATE INDEX events_merged ON events(merged);

-- Sums over the representatives of merged events (graph.Tally).
CREATE TABLE tallies (
	kind   TEXT NOT NULL,
	k1     TEXT NOT NULL,
	k2     TEXT NOT NULL,
	bucket TEXT NOT NULL,
	type   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	act    INTEGER NOT NULL,
	rec    INTEGER NOT NULL,
	score  INTEGER NOT NULL,           -- millionths
	PRIMARY KEY (kind, k1, k2, bucket, type)
) WITHOUT ROWID;

-- Network edges and nodes of dated events by the months of their first
-- (ms) and last (me) day, for windows.
CREATE TABLE net_months (
	kind  TEXT NOT NULL,
	me    TEXT NOT NULL,
	ms    TEXT NOT NULL,
	k1    TEXT NOT NULL,
	k2    TEXT NOT NULL,
	type  TEXT NOT NULL,
	n     INTEGER NOT NULL,
	score INTEGER NOT NULL,
	PRIMARY KEY (kind, me, ms, k1, k2, type)
) WITHOUT ROWID;

-- The representatives on each edge of the cooperation graph.
CREATE TABLE coop_links (
	u        TEXT NOT NULL,
	v        TEXT NOT NULL,
	event_id TEXT NOT NULL,
	PRIMARY KEY (u, v, event_id)
) WITHOUT ROWID;

CREATE TABLE merge_state (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	filled     INTEGER NOT NULL,       -- 0 until Open merged the events stored before 0002
	max_months INTEGER NOT NULL        -- the most months a dated representative spans, minus one
);
INSERT INTO merge_state(id, filled, max_months) VALUES (1, 0, 0);
