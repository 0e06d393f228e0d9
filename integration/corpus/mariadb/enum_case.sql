-- current
CREATE TABLE t (id int NOT NULL, s enum('a','b') NOT NULL DEFAULT 'a', PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, s enum('A','b','c') NOT NULL DEFAULT 'A', tags set('x','Y') DEFAULT NULL, PRIMARY KEY (id));
