-- current
CREATE TABLE webhooks (id INTEGER PRIMARY KEY, url TEXT NOT NULL, headers TEXT, payload TEXT);
-- desired
CREATE TABLE webhooks (id INTEGER PRIMARY KEY, url TEXT NOT NULL, headers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(headers)), payload JSON, attempts INTEGER NOT NULL DEFAULT 0);
CREATE INDEX webhooks_event ON webhooks (json_extract(payload, '$.event'));
