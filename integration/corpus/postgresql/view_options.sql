-- current
CREATE TABLE docs (id integer PRIMARY KEY, owner text, body text);
CREATE VIEW my_docs AS SELECT id, body FROM docs WHERE owner = current_user;
-- desired
CREATE TABLE docs (id integer PRIMARY KEY, owner text, body text);
CREATE VIEW my_docs WITH (security_barrier = true) AS SELECT id, body FROM docs WHERE owner = current_user WITH CASCADED CHECK OPTION;
