-- current
CREATE TABLE measurements (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL, raw BLOB, taken_at TEXT);
CREATE INDEX measurements_sensor ON measurements (sensor, taken_at DESC);
-- desired
CREATE TABLE measurements (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL NOT NULL DEFAULT 0.0, raw BLOB, taken_at TEXT, extra ANY) STRICT, WITHOUT ROWID;
CREATE INDEX measurements_sensor ON measurements (sensor, taken_at DESC);
