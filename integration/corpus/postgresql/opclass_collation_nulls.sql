-- current
CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE INDEX people_name ON people (name);
-- desired
CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text COLLATE "C");
CREATE INDEX people_name ON people (name text_pattern_ops);
CREATE INDEX people_city ON people (city DESC NULLS LAST);
CREATE UNIQUE INDEX people_name_city ON people (name, city) NULLS NOT DISTINCT;
