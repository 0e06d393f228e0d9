-- current
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created INTEGER);
CREATE UNIQUE INDEX tags_name ON tags (name);
-- desired
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, slug TEXT GENERATED ALWAYS AS (lower(replace(name, ' ', '-'))) STORED, created INTEGER NOT NULL DEFAULT (strftime('%s', 'now')), color TEXT DEFAULT ('#' || 'ffffff'));
CREATE UNIQUE INDEX tags_name ON tags (name);
CREATE INDEX tags_created_desc ON tags (created DESC, id);
