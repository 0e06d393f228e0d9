-- current
CREATE TABLE accounts (id bigint PRIMARY KEY, username varchar DEFAULT ''::character varying NOT NULL, domain varchar, created_at timestamp(6) without time zone NOT NULL);
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL, text text DEFAULT ''::text NOT NULL, created_at timestamp NOT NULL);
-- desired
CREATE TABLE accounts (id bigint PRIMARY KEY, username varchar DEFAULT ''::character varying NOT NULL, domain varchar, note text DEFAULT '' NOT NULL, fields jsonb, discoverable boolean, created_at timestamp(6) without time zone NOT NULL, updated_at timestamp(6) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower ON accounts USING btree (lower((username)::text), COALESCE(lower((domain)::text), ''::text));
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL, text text DEFAULT ''::text NOT NULL, visibility integer DEFAULT 0 NOT NULL, sensitive boolean DEFAULT false NOT NULL, reply boolean DEFAULT false NOT NULL, ordered_media_attachment_ids bigint[], created_at timestamp NOT NULL, deleted_at timestamp);
ALTER TABLE statuses ADD CONSTRAINT fk_9bda1543f7 FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE;
CREATE INDEX index_statuses_20190820 ON statuses USING btree (account_id, id DESC, visibility) WHERE (deleted_at IS NULL);
