-- current
CREATE TABLE warehouses (region char(2) NOT NULL, code varchar(10) NOT NULL, name text, PRIMARY KEY (region, code));
CREATE TABLE stock_items (id bigint PRIMARY KEY, region char(2) NOT NULL, warehouse_code varchar(10) NOT NULL, sku text NOT NULL, qty integer NOT NULL DEFAULT 0, CONSTRAINT stock_items_warehouse_fkey FOREIGN KEY (region, warehouse_code) REFERENCES warehouses (region, code));
-- desired
CREATE TABLE warehouses (region char(2) NOT NULL, code varchar(10) NOT NULL, name text, PRIMARY KEY (region, code));
CREATE TABLE stock_items (id bigint PRIMARY KEY, region char(2) NOT NULL, warehouse_code varchar(10) NOT NULL, sku text NOT NULL, qty integer NOT NULL DEFAULT 0, return_region char(2), return_code varchar(10), CONSTRAINT stock_items_warehouse_fkey FOREIGN KEY (region, warehouse_code) REFERENCES warehouses (region, code) ON UPDATE CASCADE ON DELETE RESTRICT, CONSTRAINT stock_items_return_fkey FOREIGN KEY (return_region, return_code) REFERENCES warehouses (region, code) MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL, CONSTRAINT stock_items_region_sku_key UNIQUE (region, warehouse_code, sku));
CREATE INDEX stock_items_return_idx ON stock_items (return_region, return_code);
