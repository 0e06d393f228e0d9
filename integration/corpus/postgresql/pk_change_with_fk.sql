-- current
CREATE TABLE teams (id integer PRIMARY KEY, slug text NOT NULL UNIQUE);
CREATE TABLE members (id integer PRIMARY KEY, team_id integer REFERENCES teams (id));
-- desired
CREATE TABLE teams (id integer NOT NULL, slug text NOT NULL, PRIMARY KEY (id, slug), UNIQUE (slug));
CREATE TABLE members (id integer PRIMARY KEY, team_id integer);
