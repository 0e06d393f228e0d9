-- current
CREATE TABLE settings (scope TEXT NOT NULL, name TEXT NOT NULL, value TEXT, PRIMARY KEY (scope, name));
CREATE TABLE cache (key TEXT PRIMARY KEY, value BLOB, expires_at INTEGER) WITHOUT ROWID;
-- desired
CREATE TABLE settings (scope TEXT NOT NULL, name TEXT NOT NULL, value TEXT, updated_at INTEGER NOT NULL DEFAULT (unixepoch()), PRIMARY KEY (scope, name)) WITHOUT ROWID;
CREATE TABLE cache (key TEXT PRIMARY KEY, value BLOB, expires_at INTEGER);
CREATE INDEX cache_expires ON cache (expires_at) WHERE expires_at IS NOT NULL;
