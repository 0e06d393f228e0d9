-- current
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE "user" (id INTEGER NOT NULL, username VARCHAR(80) NOT NULL, email VARCHAR(120), PRIMARY KEY (id), UNIQUE (username));
-- desired
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE "user" (id INTEGER NOT NULL, username VARCHAR(80) NOT NULL, email VARCHAR(120) NOT NULL, is_active BOOLEAN DEFAULT 1 NOT NULL, created_at DATETIME DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id), UNIQUE (username), CONSTRAINT uq_user_email UNIQUE (email));
CREATE TABLE post (id INTEGER NOT NULL, user_id INTEGER NOT NULL, title VARCHAR(200) NOT NULL, PRIMARY KEY (id), CONSTRAINT fk_post_user_id_user FOREIGN KEY(user_id) REFERENCES "user" (id));
CREATE INDEX ix_post_user_id ON post (user_id);
