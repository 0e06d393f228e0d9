-- current
CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL, parent_id int DEFAULT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);
-- desired
CREATE TABLE parent (id bigint unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY (id));
CREATE TABLE child (id int NOT NULL, parent_id bigint unsigned DEFAULT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE);
