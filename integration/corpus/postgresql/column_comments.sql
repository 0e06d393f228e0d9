-- current
CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, sku text, price_cents integer);
COMMENT ON TABLE products IS 'catalog';
COMMENT ON COLUMN products.sku IS 'stock keeping unit';
COMMENT ON COLUMN products.price_cents IS 'old price';
-- desired
CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, sku text, price_cents integer NOT NULL DEFAULT 0, vendor_ref text);
COMMENT ON TABLE products IS 'Product catalog (Prisma''s "Product" model)';
COMMENT ON COLUMN products.name IS 'display name; shown in the shop';
COMMENT ON COLUMN products.price_cents IS 'price in cents, VAT included';
COMMENT ON COLUMN products.vendor_ref IS E'vendor\'s reference\nline two';
CREATE INDEX products_sku_idx ON products (sku);
