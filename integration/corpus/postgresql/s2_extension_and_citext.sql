-- current
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
-- desired
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, api_key uuid NOT NULL DEFAULT uuid_generate_v4(), salt text DEFAULT encode(gen_random_bytes(8), 'hex'));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
