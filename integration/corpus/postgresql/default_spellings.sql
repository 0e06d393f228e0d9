-- current
CREATE TABLE jobs (id bigint PRIMARY KEY, attempts bigint DEFAULT '0'::bigint, queued_at timestamptz DEFAULT now(), state varchar(20) DEFAULT 'new'::character varying);
-- desired
CREATE TABLE jobs (id bigint PRIMARY KEY, attempts bigint DEFAULT 0, queued_at timestamptz DEFAULT CURRENT_TIMESTAMP, state varchar(20) DEFAULT 'new');
