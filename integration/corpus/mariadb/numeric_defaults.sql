-- current
CREATE TABLE products (id int NOT NULL AUTO_INCREMENT, sku varchar(20) NOT NULL, price decimal(10,2) NOT NULL DEFAULT 0.00, cost decimal(10,2) DEFAULT NULL, stock int DEFAULT NULL, weight float DEFAULT 1.5, currency char(3) DEFAULT 'USD', PRIMARY KEY (id));
-- desired
CREATE TABLE products (id int unsigned NOT NULL AUTO_INCREMENT, sku varchar(64) NOT NULL, price decimal(14,4) NOT NULL DEFAULT 0.0000, cost decimal(14,4) DEFAULT NULL, stock int unsigned NOT NULL DEFAULT 0, weight double DEFAULT NULL, currency char(3) NOT NULL DEFAULT 'EUR', vat_rate decimal(5,2) NOT NULL DEFAULT 19.00, PRIMARY KEY (id), CONSTRAINT price_not_negative CHECK (price >= 0));
