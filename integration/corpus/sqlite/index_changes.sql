-- current
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT, at TEXT, payload TEXT);
CREATE INDEX events_kind ON events(kind);
-- desired
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT, at TEXT, payload TEXT);
CREATE INDEX events_kind_at ON events(kind, at DESC);
CREATE UNIQUE INDEX events_payload ON events(payload) WHERE payload IS NOT NULL;
CREATE INDEX events_lower_kind ON events(lower(kind));
