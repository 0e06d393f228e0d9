-- current
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'open');
CREATE VIEW open_orders AS SELECT id, customer, amount FROM orders WHERE status = 'open';
CREATE VIEW big_open_orders AS SELECT * FROM open_orders WHERE amount > 100;
-- desired
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL COLLATE NOCASE, amount NUMERIC NOT NULL, status TEXT NOT NULL DEFAULT 'open', currency TEXT NOT NULL DEFAULT 'EUR');
CREATE VIEW open_orders AS SELECT id, customer, amount, currency FROM orders WHERE status = 'open';
CREATE VIEW big_open_orders AS SELECT * FROM open_orders WHERE amount > 100;
CREATE VIEW customer_totals AS SELECT customer, sum(amount) AS total FROM big_open_orders GROUP BY customer;
