-- current
CREATE TABLE accounts (id bigserial PRIMARY KEY, tenant_id integer NOT NULL, slug varchar(64) NOT NULL, name varchar(200) NOT NULL, CONSTRAINT accounts_tenant_slug_key UNIQUE (tenant_id, slug));
-- desired
CREATE TABLE accounts (id bigserial PRIMARY KEY, tenant_id integer NOT NULL, slug varchar(64) NOT NULL, name varchar(200) NOT NULL, deleted_at timestamptz, deleted_by bigint REFERENCES accounts (id) ON DELETE SET NULL);
CREATE UNIQUE INDEX accounts_tenant_slug_key ON accounts (tenant_id, slug) WHERE deleted_at IS NULL;
CREATE INDEX accounts_deleted_at_idx ON accounts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE VIEW live_accounts AS SELECT id, tenant_id, slug, name FROM accounts WHERE deleted_at IS NULL;
