-- current
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- desired
CREATE TABLE sessions (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id integer NOT NULL, ip inet, user_agent text, scopes text[] NOT NULL DEFAULT '{}', ttl interval NOT NULL DEFAULT '30 days'::interval, token bytea, price numeric(8,2) DEFAULT 1.50, created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT sessions_scopes_check CHECK (cardinality(scopes) <= 10), CONSTRAINT sessions_ip_check CHECK (family(ip) = ANY (ARRAY[4, 6])));
CREATE INDEX sessions_scopes_gin ON sessions USING gin (scopes);
CREATE INDEX sessions_user_created ON sessions (user_id, created_at DESC NULLS LAST);
COMMENT ON COLUMN sessions.ttl IS 'how long the session lives';
