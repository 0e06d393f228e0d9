-- current
CREATE TABLE products (id integer CONSTRAINT products_pk PRIMARY KEY, sku text CONSTRAINT sku_unique UNIQUE, price numeric(10,2) CONSTRAINT price_positive CHECK (price > 0));
-- desired
CREATE TABLE products (id integer PRIMARY KEY, sku text UNIQUE, price numeric(10,2) CONSTRAINT products_price_check CHECK (price > 0));
