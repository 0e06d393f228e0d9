-- current
CREATE TABLE t (id int NOT NULL, a int DEFAULT NULL, b int DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (b int DEFAULT NULL, id int NOT NULL, a bigint DEFAULT NULL, c int DEFAULT NULL, PRIMARY KEY (id));
