-- current
CREATE TABLE products (id bigint PRIMARY KEY, sku varchar(20) NOT NULL, price numeric(10,2) NOT NULL DEFAULT 0, cost numeric(10,2), weight_kg real DEFAULT 1.5, currency char(3) DEFAULT 'USD', stock integer, CONSTRAINT products_price_check CHECK (price > 0));
-- desired
CREATE TABLE products (id bigint PRIMARY KEY, sku varchar(64) NOT NULL, price numeric(14,4) NOT NULL DEFAULT 0.0000, cost numeric(14,4), weight_kg real, currency char(3) NOT NULL DEFAULT 'EUR', stock integer NOT NULL DEFAULT 0, CONSTRAINT products_price_check CHECK (price >= 0), CONSTRAINT products_cost_le_price CHECK (cost IS NULL OR cost <= price), CONSTRAINT products_stock_check CHECK (stock >= 0));
