-- current
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE messages (id INTEGER PRIMARY KEY, sender_id INTEGER REFERENCES users (id), body TEXT);
-- desired
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE messages (id INTEGER PRIMARY KEY, sender_id INTEGER NOT NULL DEFAULT 0 REFERENCES users (id) ON DELETE SET DEFAULT, recipient_id INTEGER REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE, body TEXT, FOREIGN KEY (recipient_id, sender_id) REFERENCES pairs (a, b) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE pairs (a INTEGER, b INTEGER, PRIMARY KEY (a, b));
CREATE VIEW inbox (message, sender, recipient) AS SELECT m.id, s.name, r.name FROM messages m JOIN users s ON s.id = m.sender_id LEFT JOIN users r ON r.id = m.recipient_id;
