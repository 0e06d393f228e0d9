-- current
CREATE TABLE main.t (id INTEGER PRIMARY KEY);
-- desired
CREATE TABLE main.t (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE main.u (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t(id));
CREATE INDEX main.u_t ON u(t_id);
