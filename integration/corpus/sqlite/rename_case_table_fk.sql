-- current
CREATE TABLE Accounts (id INTEGER PRIMARY KEY, Email TEXT NOT NULL);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES Accounts(id) ON DELETE CASCADE, token TEXT NOT NULL);
CREATE UNIQUE INDEX Accounts_Email ON Accounts(Email);
-- desired
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, token TEXT NOT NULL, expires_at TEXT);
CREATE UNIQUE INDEX accounts_email ON accounts(email);
CREATE UNIQUE INDEX sessions_token ON sessions(token);
