-- current
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE users (id INTEGER NOT NULL, email VARCHAR(120) NOT NULL, is_active BOOLEAN, CONSTRAINT pk_users PRIMARY KEY (id), CONSTRAINT uq_users_email UNIQUE (email));
-- desired
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE users (id INTEGER NOT NULL, email VARCHAR(255) NOT NULL, is_active BOOLEAN DEFAULT 1 NOT NULL, role VARCHAR(9) DEFAULT 'member' NOT NULL, CONSTRAINT pk_users PRIMARY KEY (id), CONSTRAINT uq_users_email UNIQUE (email), CONSTRAINT ck_users_is_active CHECK (is_active IN (0, 1)), CONSTRAINT userrole CHECK (role IN ('member', 'admin', 'moderator')));
CREATE TABLE addresses (id INTEGER NOT NULL, user_id INTEGER NOT NULL, line1 VARCHAR(200), CONSTRAINT pk_addresses PRIMARY KEY (id), CONSTRAINT fk_addresses_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE);
CREATE INDEX ix_addresses_user_id ON addresses (user_id);
