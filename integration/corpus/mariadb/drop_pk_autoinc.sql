-- current
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, code varchar(10) NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, code varchar(10) NOT NULL, PRIMARY KEY (code));
