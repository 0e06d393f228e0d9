-- current
CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT NOT NULL DEFAULT '{}');
-- desired
CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)), kind TEXT GENERATED ALWAYS AS (json_extract(payload, '$.kind')) VIRTUAL, user_id INTEGER AS (json_extract(payload, '$.user.id')) STORED);
CREATE INDEX events_kind ON events (kind) WHERE kind IS NOT NULL;
