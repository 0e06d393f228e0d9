-- current
CREATE TABLE t (id int NOT NULL, code varchar(20) COLLATE utf8mb4_bin DEFAULT NULL, name varchar(20) DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, code varchar(20) DEFAULT NULL, name varchar(20) CHARACTER SET latin1 DEFAULT NULL, PRIMARY KEY (id));
