-- current
CREATE TABLE placeholder (id integer PRIMARY KEY);
-- desired
CREATE VIEW recent_posts AS SELECT p.id, p.title, a.name FROM posts p JOIN authors a ON a.id = p.author_id;
CREATE TABLE posts (id integer PRIMARY KEY, author_id integer NOT NULL REFERENCES authors (id), title text NOT NULL);
CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE placeholder (id integer PRIMARY KEY);
