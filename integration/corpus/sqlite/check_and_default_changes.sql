-- current
CREATE TABLE subscriptions (id INTEGER PRIMARY KEY, plan TEXT NOT NULL DEFAULT 'free', seats INTEGER NOT NULL DEFAULT 1, starts_at TEXT DEFAULT '2020-01-01', CONSTRAINT seats_positive CHECK (seats > 0), CHECK (plan IN ('free', 'pro')));
-- desired
CREATE TABLE subscriptions (id INTEGER PRIMARY KEY, plan TEXT NOT NULL DEFAULT 'trial', seats INTEGER NOT NULL DEFAULT 5, starts_at TEXT DEFAULT (datetime('now')), ends_at TEXT, CONSTRAINT seats_positive CHECK (seats >= 1 AND seats <= 500), CHECK (plan IN ('trial', 'free', 'pro', 'enterprise')), CONSTRAINT ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at));
