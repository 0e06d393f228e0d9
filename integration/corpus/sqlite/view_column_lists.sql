-- current
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total_cents INTEGER NOT NULL, status TEXT NOT NULL);
CREATE VIEW order_totals(customer, total) AS SELECT customer_id, sum(total_cents) FROM orders GROUP BY customer_id;
CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'open';
-- desired
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total_cents INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'open', placed_at TEXT);
CREATE VIEW order_totals(customer_id, total_cents, order_count) AS SELECT customer_id, sum(total_cents), count(*) FROM orders GROUP BY customer_id;
CREATE VIEW open_orders(order_id, customer) AS SELECT id, customer_id FROM orders WHERE status = 'open';
CREATE VIEW big_open_orders AS SELECT o.order_id FROM open_orders o JOIN orders x ON x.id = o.order_id WHERE x.total_cents > 10000;
