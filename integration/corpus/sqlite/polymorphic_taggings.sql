-- current
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE taggings (id INTEGER PRIMARY KEY, tag_id INTEGER REFERENCES tags(id), taggable_type TEXT, taggable_id INTEGER, created_at TEXT);
CREATE INDEX index_taggings_on_tag_id ON taggings(tag_id);
-- desired
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, taggings_count INTEGER DEFAULT 0);
CREATE UNIQUE INDEX index_tags_on_name ON tags(name);
CREATE TABLE taggings (id INTEGER PRIMARY KEY, tag_id INTEGER REFERENCES tags(id) ON DELETE CASCADE, taggable_type TEXT, taggable_id INTEGER, tagger_type TEXT, tagger_id INTEGER, context VARCHAR(128), tenant VARCHAR(128), created_at TEXT);
CREATE UNIQUE INDEX taggings_idx ON taggings(tag_id, taggable_id, taggable_type, context, tagger_id, tagger_type);
CREATE INDEX taggings_taggable_context_idx ON taggings(taggable_id, taggable_type, context);
CREATE INDEX index_taggings_on_tenant ON taggings(tenant);
