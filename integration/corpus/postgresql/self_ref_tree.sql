-- current
CREATE TABLE categories (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id integer, name varchar(100) NOT NULL);
CREATE INDEX categories_parent_id_idx ON categories (parent_id);
-- desired
CREATE TABLE categories (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id integer REFERENCES categories (id) ON DELETE CASCADE, name varchar(100) NOT NULL, path integer[] NOT NULL DEFAULT '{}', depth smallint NOT NULL DEFAULT 0, CONSTRAINT categories_not_own_parent CHECK (parent_id IS DISTINCT FROM id), CONSTRAINT categories_depth_range CHECK (depth BETWEEN 0 AND 16));
CREATE INDEX categories_parent_id_idx ON categories (parent_id, name);
CREATE UNIQUE INDEX categories_root_name ON categories (name) WHERE parent_id IS NULL;
