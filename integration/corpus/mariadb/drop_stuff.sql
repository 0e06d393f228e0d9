-- current
CREATE TABLE old (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE t (id int NOT NULL, legacy int DEFAULT NULL, keep int DEFAULT NULL, PRIMARY KEY (id), KEY t_legacy (legacy));
-- desired
CREATE TABLE t (id int NOT NULL, keep int DEFAULT NULL, PRIMARY KEY (id));
