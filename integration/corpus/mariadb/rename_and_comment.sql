-- current
CREATE TABLE t (id int NOT NULL, title varchar(50) DEFAULT NULL COMMENT 'old', PRIMARY KEY (id)) COMMENT='tbl';
-- desired
CREATE TABLE t (id int NOT NULL, title varchar(50) DEFAULT NULL, PRIMARY KEY (id));
