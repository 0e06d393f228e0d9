-- current
CREATE TABLE events (id uuid PRIMARY KEY, kind varchar(40) NOT NULL, payload json, created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);
-- desired
CREATE TABLE events (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind varchar(40) NOT NULL, payload jsonb NOT NULL DEFAULT '{}'::jsonb, labels text[] NOT NULL DEFAULT ARRAY[]::text[], created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX events_payload_gin ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_labels_gin ON events USING gin (labels);
CREATE INDEX events_payload_user ON events ((payload ->> 'user_id'));
