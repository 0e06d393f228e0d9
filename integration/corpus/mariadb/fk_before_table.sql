-- current
CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE orders (id int NOT NULL, customer_id int DEFAULT NULL, PRIMARY KEY (id), KEY customer_id (customer_id), CONSTRAINT orders_ibfk_1 FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE VIEW order_names AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE TABLE customers (id int NOT NULL, name varchar(40) DEFAULT NULL, PRIMARY KEY (id));
CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id));
