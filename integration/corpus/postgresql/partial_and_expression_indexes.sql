-- current
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
-- desired
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE UNIQUE INDEX users_email_live ON users (lower(email)) WHERE deleted_at IS NULL;
