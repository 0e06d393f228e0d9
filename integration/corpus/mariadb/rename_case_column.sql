-- current
CREATE TABLE t (id int NOT NULL, Email varchar(50) DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, email varchar(50) DEFAULT NULL, PRIMARY KEY (id));
