-- current
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE documents (id SERIAL NOT NULL, title VARCHAR(200) NOT NULL, body TEXT, is_public BOOLEAN, CONSTRAINT pk_documents PRIMARY KEY (id));
-- desired
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE documents (id SERIAL NOT NULL, title VARCHAR(200) NOT NULL, body TEXT, is_public BOOLEAN DEFAULT false NOT NULL, title_len INTEGER GENERATED ALWAYS AS (char_length(title)) STORED, search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))) STORED, CONSTRAINT pk_documents PRIMARY KEY (id), CONSTRAINT uq_documents_title UNIQUE (title), CONSTRAINT ck_documents_title_not_blank CHECK (btrim(title) <> ''));
CREATE INDEX ix_documents_search ON documents USING gin (search);
