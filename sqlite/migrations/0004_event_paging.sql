-- 0004: faster pages of events at scale.
--
-- A page filtered by category walks this index in the listing's order
-- (date, then ID) instead of the whole table.
CREATE INDEX events_type_order ON events(type, coalesce(date_start, '~'), id);

-- The longest date interval of any stored event, in days. A page filtered
-- by --since (date_end >= SINCE) can then also bound the start it walks
-- the order index from: date_start >= SINCE - span_max.days.
CREATE TABLE span_max (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	days INTEGER NOT NULL
);
INSERT INTO span_max(one, days)
	SELECT 1, coalesce(max(CAST(julianday(date_end) - julianday(date_start) AS INTEGER)), 0) FROM events;
CREATE TRIGGER events_span_max AFTER INSERT ON events
	WHEN NEW.date_start IS NOT NULL AND NEW.date_end IS NOT NULL
BEGIN
	UPDATE span_max SET days = max(days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER));
END;
