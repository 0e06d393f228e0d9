-- current
CREATE TABLE orders (id int unsigned NOT NULL AUTO_INCREMENT, status enum('pending','paid','shipped') NOT NULL DEFAULT 'pending', channel enum('web','app') DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE orders (id int unsigned NOT NULL AUTO_INCREMENT, status enum('pending','processing','paid','shipped','cancelled') NOT NULL DEFAULT 'processing', channel enum('web','app','pos') NOT NULL DEFAULT 'web', fulfillment enum('','pickup','delivery') NOT NULL DEFAULT '', tags set('gift','express','fragile') NOT NULL DEFAULT 'express,fragile', PRIMARY KEY (id), KEY orders_status_index (status));
