-- current
CREATE TABLE flags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
-- desired
CREATE TABLE flags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, enabled BOOLEAN NOT NULL DEFAULT true, archived boolean DEFAULT FALSE, created_at datetime DEFAULT current_timestamp, ratio REAL DEFAULT -1.5, code TEXT DEFAULT 'x''y');
