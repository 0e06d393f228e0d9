-- current
CREATE TABLE x (id INTEGER PRIMARY KEY);
-- desired
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id));
CREATE VIEW order_view AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE x (id INTEGER PRIMARY KEY);
