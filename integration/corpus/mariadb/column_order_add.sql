-- current
CREATE TABLE users (id int NOT NULL, email varchar(100) NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE users (id int NOT NULL, name varchar(50) DEFAULT NULL, email varchar(100) NOT NULL, PRIMARY KEY (id));
