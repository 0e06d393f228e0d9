-- current
CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);
-- desired
CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL);
CREATE TABLE sessions (id bigserial PRIMARY KEY, account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, token text NOT NULL UNIQUE);
