-- current
CREATE TABLE employees (id int NOT NULL AUTO_INCREMENT, name varchar(100) NOT NULL, manager_id int DEFAULT NULL, PRIMARY KEY (id), KEY manager_id (manager_id));
-- desired
CREATE TABLE employees (id int NOT NULL AUTO_INCREMENT, name varchar(100) NOT NULL, manager_id int DEFAULT NULL, mentor_id int DEFAULT NULL, PRIMARY KEY (id), KEY manager_id (manager_id), CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE SET NULL, CONSTRAINT employees_mentor_fk FOREIGN KEY (mentor_id) REFERENCES employees (id) ON DELETE SET NULL ON UPDATE CASCADE, CONSTRAINT employees_name_not_blank CHECK (name <> ''));
