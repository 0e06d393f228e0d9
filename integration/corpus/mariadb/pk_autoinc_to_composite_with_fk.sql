-- current
CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, tenant int NOT NULL DEFAULT 0, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL AUTO_INCREMENT, parent_id int NOT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
INSERT INTO parent (tenant) VALUES (1);
INSERT INTO child (parent_id) VALUES (1);
-- desired
CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, tenant int NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id), UNIQUE KEY parent_id (id));
CREATE TABLE child (id int NOT NULL AUTO_INCREMENT, parent_id int NOT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
