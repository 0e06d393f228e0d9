-- current
CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE mydb.t (id int NOT NULL, name varchar(10) DEFAULT NULL, PRIMARY KEY (id));
CREATE TABLE mydb.u (id int NOT NULL, PRIMARY KEY (id));
