-- current
CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, doc json DEFAULT NULL, u uuid DEFAULT NULL, b bit(1) NOT NULL DEFAULT b'0', d decimal(8,3) unsigned DEFAULT NULL, ts timestamp(3) NULL DEFAULT NULL, PRIMARY KEY (id));
