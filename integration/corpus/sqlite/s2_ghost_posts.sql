-- current
CREATE TABLE posts (id varchar(24) NOT NULL PRIMARY KEY, uuid varchar(36) NOT NULL, title varchar(2000) NOT NULL, slug varchar(191) NOT NULL, status varchar(50) NOT NULL DEFAULT 'draft', featured boolean NOT NULL DEFAULT '0', created_at datetime NOT NULL);
CREATE UNIQUE INDEX posts_slug_unique ON posts (slug);
CREATE TABLE tags (id varchar(24) NOT NULL PRIMARY KEY, name varchar(191) NOT NULL);
-- desired
CREATE TABLE posts (id varchar(24) NOT NULL PRIMARY KEY, uuid varchar(36) NOT NULL, title varchar(2000) NOT NULL, slug varchar(191) NOT NULL, status varchar(50) NOT NULL DEFAULT 'draft', featured boolean NOT NULL DEFAULT '0', visibility varchar(50) NOT NULL DEFAULT 'public', published_at datetime NULL, created_at datetime NOT NULL, updated_at datetime NULL, CHECK (status IN ('draft', 'published', 'scheduled')));
CREATE UNIQUE INDEX posts_slug_unique ON posts (slug);
CREATE INDEX posts_status_published_at ON posts (status, published_at DESC);
CREATE TABLE tags (id varchar(24) NOT NULL PRIMARY KEY, name varchar(191) NOT NULL, slug varchar(191) NOT NULL UNIQUE);
CREATE TABLE posts_tags (id varchar(24) NOT NULL PRIMARY KEY, post_id varchar(24) NOT NULL REFERENCES posts (id) ON DELETE CASCADE, tag_id varchar(24) NOT NULL REFERENCES tags (id), sort_order integer NOT NULL DEFAULT 0);
CREATE INDEX posts_tags_post_id ON posts_tags (post_id, sort_order);
