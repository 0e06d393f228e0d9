-- current
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, code varchar(10) NOT NULL, PRIMARY KEY (id));
INSERT INTO t (code) VALUES ('a'), ('b');
-- desired
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, code varchar(10) NOT NULL, PRIMARY KEY (id, code));
