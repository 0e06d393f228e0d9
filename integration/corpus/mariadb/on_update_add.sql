-- current
CREATE TABLE t (id int NOT NULL, updated_at datetime DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, updated_at datetime DEFAULT NULL ON UPDATE current_timestamp(), PRIMARY KEY (id));
