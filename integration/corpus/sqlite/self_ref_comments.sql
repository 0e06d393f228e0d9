-- current
CREATE TABLE comments (id INTEGER PRIMARY KEY AUTOINCREMENT, post_id INTEGER NOT NULL, parent_id INTEGER, body TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX comments_post ON comments (post_id);
-- desired
CREATE TABLE comments (id INTEGER PRIMARY KEY AUTOINCREMENT, post_id INTEGER NOT NULL, parent_id INTEGER REFERENCES comments (id) ON DELETE CASCADE, body TEXT NOT NULL CHECK (length(body) > 0), created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, edited_at TEXT);
CREATE INDEX comments_post ON comments (post_id, created_at);
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
