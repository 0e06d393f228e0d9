-- current
CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL, quantity integer NOT NULL, unit_price numeric(10,2) NOT NULL, tax_rate numeric(4,3) NOT NULL DEFAULT 0.190);
CREATE VIEW order_totals AS SELECT order_id, sum(quantity * unit_price) AS net FROM order_lines GROUP BY order_id;
-- desired
CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL, quantity integer NOT NULL CHECK (quantity > 0), unit_price numeric(12,2) NOT NULL, tax_rate numeric(4,3) NOT NULL DEFAULT 0.190, line_net numeric(14,2) GENERATED ALWAYS AS (quantity * unit_price) STORED, line_gross numeric(14,2) GENERATED ALWAYS AS (round(quantity * unit_price * (1 + tax_rate), 2)) STORED);
CREATE VIEW order_totals AS SELECT order_id, sum(line_net) AS net, sum(line_gross) AS gross, count(*) AS lines FROM order_lines GROUP BY order_id;
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id) INCLUDE (line_gross);
