-- current
CREATE TABLE t (id int NOT NULL, name varchar(50) DEFAULT NULL, price float DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id bigint NOT NULL, name varchar(100) NOT NULL DEFAULT '', price decimal(10,2) DEFAULT NULL COMMENT 'net price', PRIMARY KEY (id));
