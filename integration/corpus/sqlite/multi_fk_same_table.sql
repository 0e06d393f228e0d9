-- current
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE messages (id INTEGER PRIMARY KEY, sender_id INTEGER NOT NULL REFERENCES users(id), recipient_id INTEGER NOT NULL, body TEXT NOT NULL);
-- desired
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE);
CREATE TABLE messages (id INTEGER PRIMARY KEY, sender_id INTEGER NOT NULL DEFAULT 0 REFERENCES users(id) ON DELETE SET DEFAULT, recipient_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, reviewed_by_id INTEGER REFERENCES users(id) ON DELETE SET NULL ON UPDATE CASCADE, body TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX index_messages_on_sender_id ON messages(sender_id);
CREATE INDEX index_messages_on_recipient_id_and_created_at ON messages(recipient_id, created_at DESC);
