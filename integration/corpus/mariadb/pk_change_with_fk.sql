-- current
CREATE TABLE parent (id int NOT NULL, code varchar(10) NOT NULL, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL, parent_id int DEFAULT NULL, PRIMARY KEY (id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
-- desired
CREATE TABLE parent (id int NOT NULL, code varchar(10) NOT NULL, PRIMARY KEY (code), UNIQUE KEY parent_id (id));
CREATE TABLE child (id int NOT NULL, parent_id int DEFAULT NULL, PRIMARY KEY (id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
