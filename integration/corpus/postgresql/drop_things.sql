-- current
CREATE TABLE keep (id integer PRIMARY KEY, legacy text, note text);
CREATE TABLE gone (id integer PRIMARY KEY);
CREATE INDEX keep_note ON keep (note);
CREATE VIEW keep_view AS SELECT id FROM keep;
-- desired
CREATE TABLE keep (id integer PRIMARY KEY, note text);
