-- current
CREATE TABLE old (id INTEGER PRIMARY KEY);
CREATE TABLE t (id INTEGER PRIMARY KEY, legacy TEXT, keep TEXT);
CREATE INDEX t_legacy ON t(legacy);
-- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, keep TEXT);
