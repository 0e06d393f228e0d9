-- current
CREATE TABLE active_storage_blobs (id bigserial PRIMARY KEY, key varchar NOT NULL, filename varchar NOT NULL, byte_size bigint NOT NULL, checksum varchar NOT NULL, created_at timestamp NOT NULL);
CREATE UNIQUE INDEX index_active_storage_blobs_on_key ON active_storage_blobs (key);
-- desired
CREATE TABLE active_storage_blobs (id bigserial PRIMARY KEY, key varchar NOT NULL, filename varchar NOT NULL, content_type varchar, metadata text, service_name varchar NOT NULL DEFAULT 'local', byte_size bigint NOT NULL, checksum varchar, created_at timestamp(6) NOT NULL);
CREATE UNIQUE INDEX index_active_storage_blobs_on_key ON active_storage_blobs (key);
CREATE TABLE active_storage_attachments (id bigserial PRIMARY KEY, name varchar NOT NULL, record_type varchar NOT NULL, record_id bigint NOT NULL, blob_id bigint NOT NULL, created_at timestamp(6) NOT NULL, CONSTRAINT fk_rails_c3b3935057 FOREIGN KEY (blob_id) REFERENCES active_storage_blobs (id));
CREATE INDEX index_active_storage_attachments_on_blob_id ON active_storage_attachments (blob_id);
CREATE UNIQUE INDEX index_active_storage_attachments_uniqueness ON active_storage_attachments (record_type, record_id, name, blob_id);
CREATE TABLE active_storage_variant_records (id bigserial PRIMARY KEY, blob_id bigint NOT NULL, variation_digest varchar NOT NULL, CONSTRAINT fk_rails_993965df05 FOREIGN KEY (blob_id) REFERENCES active_storage_blobs (id));
CREATE UNIQUE INDEX index_active_storage_variant_records_uniqueness ON active_storage_variant_records (blob_id, variation_digest);
