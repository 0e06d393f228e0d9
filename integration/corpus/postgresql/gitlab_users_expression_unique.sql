-- current
CREATE TABLE users (id integer PRIMARY KEY, email varchar(255) NOT NULL DEFAULT '', username varchar(255), name varchar(255), preferences jsonb NOT NULL DEFAULT '{}');
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE INDEX index_users_on_preferences ON users USING gin (preferences);
-- desired
CREATE TABLE users (id integer PRIMARY KEY, email varchar(255) NOT NULL DEFAULT '', username varchar(255), name varchar(255), preferences jsonb NOT NULL DEFAULT '{}', state varchar DEFAULT 'active');
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE UNIQUE INDEX index_users_on_lower_email ON users (lower((email)::text));
CREATE UNIQUE INDEX index_users_on_username_lower ON users (lower((username)::text)) WHERE username IS NOT NULL;
CREATE INDEX index_users_on_preferences ON users USING gin (preferences jsonb_path_ops);
CREATE INDEX index_users_on_name_trgm_free ON users (name varchar_pattern_ops);
CREATE INDEX index_users_on_state_and_id ON users (state, id DESC NULLS LAST);
