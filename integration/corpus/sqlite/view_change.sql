-- current
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, archived INTEGER DEFAULT 0);
CREATE VIEW live AS SELECT id, v FROM t WHERE archived = 0;
-- desired
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, archived INTEGER DEFAULT 0);
CREATE VIEW live(ident, value) AS SELECT id, v FROM t WHERE archived = 0;
CREATE VIEW all_t AS SELECT * FROM t;
