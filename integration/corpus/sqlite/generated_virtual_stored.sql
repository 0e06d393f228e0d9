-- current
CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT NOT NULL, last TEXT NOT NULL, birth TEXT);
-- desired
CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT NOT NULL, last TEXT NOT NULL, birth TEXT, full_name TEXT GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL, birth_year INTEGER AS (CAST(substr(birth, 1, 4) AS INTEGER)) STORED);
CREATE INDEX people_full_name ON people (full_name);
