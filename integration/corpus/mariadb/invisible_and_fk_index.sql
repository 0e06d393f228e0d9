-- current
CREATE TABLE owners (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE pets (id int NOT NULL, owner_id int NOT NULL, name varchar(40) NOT NULL, PRIMARY KEY (id), KEY pets_owner_name (owner_id, name), CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id));
-- desired
CREATE TABLE owners (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE pets (id int NOT NULL, owner_id int NOT NULL, name varchar(40) NOT NULL, row_hash char(32) INVISIBLE DEFAULT NULL, PRIMARY KEY (id), KEY pets_name (name), CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id));
