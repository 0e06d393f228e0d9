-- current
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE audit_logs (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), action TEXT, details TEXT, created_at TEXT);
CREATE INDEX audit_logs_created ON audit_logs(created_at);
-- desired
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE audit_logs (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, action TEXT NOT NULL DEFAULT 'unknown' CHECK (action IN ('create', 'update', 'delete', 'login')), auditable_type TEXT, auditable_id INTEGER, details TEXT CHECK (details IS NULL OR json_valid(details)), remote_ip TEXT, created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX audit_logs_created ON audit_logs(created_at DESC);
CREATE INDEX audit_logs_auditable ON audit_logs(auditable_type, auditable_id);
