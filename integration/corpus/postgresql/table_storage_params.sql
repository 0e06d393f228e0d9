-- current
CREATE TABLE hot (id integer PRIMARY KEY, counter integer NOT NULL DEFAULT 0);
-- desired
CREATE TABLE hot (id integer PRIMARY KEY, counter integer NOT NULL DEFAULT 0) WITH (fillfactor = 70);
