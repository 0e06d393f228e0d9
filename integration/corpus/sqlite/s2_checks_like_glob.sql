-- current
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, phone TEXT);
-- desired
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL CHECK (email LIKE '%_@_%'), phone TEXT CHECK (phone GLOB '[0-9]*'), role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')), CONSTRAINT users_len CHECK (length(email) <= 320));
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
