-- current
CREATE TABLE settings (id INTEGER PRIMARY KEY, owner TEXT DEFAULT 'nobody', priority INTEGER DEFAULT 0, balance REAL, magic BLOB);
-- desired
CREATE TABLE settings (id INTEGER PRIMARY KEY, owner TEXT NOT NULL DEFAULT 'O''Reilly', priority INTEGER NOT NULL DEFAULT -1, balance REAL DEFAULT -0.5, magic BLOB DEFAULT X'00FF', bonus INTEGER DEFAULT +5, label TEXT DEFAULT 'say "hi"; ok', sep TEXT DEFAULT ',');
