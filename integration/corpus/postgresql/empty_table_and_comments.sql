-- current
CREATE TABLE audit (id integer PRIMARY KEY);
-- desired
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE marker ();
COMMENT ON TABLE audit IS 'who did what';
COMMENT ON COLUMN audit.id IS 'surrogate key';
