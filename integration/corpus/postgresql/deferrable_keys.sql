-- current
CREATE TABLE nodes (id integer PRIMARY KEY, parent_id integer REFERENCES nodes (id));
-- desired
CREATE TABLE nodes (id integer PRIMARY KEY, parent_id integer REFERENCES nodes (id) DEFERRABLE INITIALLY DEFERRED, code text UNIQUE DEFERRABLE);
