-- current
CREATE TABLE customers (id int NOT NULL AUTO_INCREMENT, last_name varchar(50) DEFAULT NULL, first_name varchar(50) DEFAULT NULL, notes text DEFAULT NULL, email varchar(100) NOT NULL, created_at datetime DEFAULT NULL, PRIMARY KEY (id), KEY email (email));
-- desired
CREATE TABLE customers (id int NOT NULL AUTO_INCREMENT, email varchar(191) NOT NULL, first_name varchar(80) DEFAULT NULL, last_name varchar(80) DEFAULT NULL, phone varchar(32) DEFAULT NULL, created_at datetime DEFAULT NULL, notes mediumtext DEFAULT NULL, PRIMARY KEY (id), UNIQUE KEY email (email), KEY name (last_name, first_name));
