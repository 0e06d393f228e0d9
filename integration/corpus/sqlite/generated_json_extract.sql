-- current
CREATE TABLE posts (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, title TEXT, mobiledoc TEXT, status TEXT NOT NULL DEFAULT 'draft');
CREATE UNIQUE INDEX posts_uuid_unique ON posts(uuid);
-- desired
CREATE TABLE posts (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, title TEXT, mobiledoc TEXT, status TEXT NOT NULL DEFAULT 'draft', meta TEXT NOT NULL DEFAULT '{}', meta_title TEXT GENERATED ALWAYS AS (json_extract(meta, '$.title')) VIRTUAL, og_image TEXT AS (json_extract(meta, '$.og.image')) STORED, word_count INTEGER GENERATED ALWAYS AS (coalesce(json_extract(mobiledoc, '$.wordCount'), 0)));
CREATE UNIQUE INDEX posts_uuid_unique ON posts(uuid);
CREATE INDEX posts_meta_title ON posts(meta_title) WHERE meta_title IS NOT NULL;
