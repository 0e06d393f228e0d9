-- current
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX events_kind ON events (kind);
-- desired
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX events_kind ON events (kind) INCLUDE (created_at);
CREATE INDEX events_payload ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_kind_hash ON events USING hash (kind);
