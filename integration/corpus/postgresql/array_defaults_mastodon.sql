-- current
CREATE TABLE accounts (id bigint PRIMARY KEY, username varchar NOT NULL, domain varchar, fields jsonb, also_known_as varchar[]);
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), text text NOT NULL DEFAULT '', ordered_media_attachment_ids bigint[]);
-- desired
CREATE TABLE accounts (id bigint PRIMARY KEY, username varchar NOT NULL DEFAULT '', domain varchar, fields jsonb, also_known_as text[] NOT NULL DEFAULT '{}', featured_tag_ids integer[] DEFAULT '{1,2,3}'::integer[], attribution_domains character varying(255)[] DEFAULT ARRAY[]::character varying[]);
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, text text NOT NULL DEFAULT '', ordered_media_attachment_ids bigint[] NOT NULL DEFAULT '{}', language varchar(8), poll_options text[][]);
CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower ON accounts (lower(username::text), COALESCE(lower(domain::text), ''::text));
CREATE INDEX index_accounts_on_also_known_as ON accounts USING gin (also_known_as);
