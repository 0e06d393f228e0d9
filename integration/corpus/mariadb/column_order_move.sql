-- current
CREATE TABLE t (id int NOT NULL, b int DEFAULT NULL, a int DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, a int DEFAULT NULL, b int DEFAULT NULL, PRIMARY KEY (id));
