-- current
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL, reblog_of_id bigint, in_reply_to_id bigint, created_at timestamp NOT NULL, deleted_at timestamp, visibility integer NOT NULL DEFAULT 0);
CREATE INDEX index_statuses_on_account_id ON statuses (account_id);
-- desired
CREATE TABLE statuses (id bigint PRIMARY KEY, account_id bigint NOT NULL, reblog_of_id bigint REFERENCES statuses (id) ON DELETE CASCADE, in_reply_to_id bigint REFERENCES statuses (id) ON DELETE SET NULL, created_at timestamp NOT NULL, deleted_at timestamp, visibility integer NOT NULL DEFAULT 0, sensitive boolean NOT NULL DEFAULT false);
CREATE INDEX index_statuses_20190820 ON statuses (account_id, id DESC, visibility, created_at) WHERE deleted_at IS NULL;
CREATE INDEX index_statuses_on_reblog_of_id_and_account_id ON statuses (reblog_of_id, account_id);
CREATE INDEX index_statuses_public ON statuses (id DESC) WHERE deleted_at IS NULL AND visibility = 0 AND reblog_of_id IS NULL AND (NOT sensitive OR in_reply_to_id IS NULL);
