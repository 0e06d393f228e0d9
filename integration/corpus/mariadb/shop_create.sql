-- current
CREATE TABLE customers (id int unsigned NOT NULL AUTO_INCREMENT, email varchar(191) NOT NULL, PRIMARY KEY (id), UNIQUE KEY customers_email (email)) ENGINE=InnoDB;
-- desired
CREATE TABLE customers (id int unsigned NOT NULL AUTO_INCREMENT, email varchar(191) NOT NULL, PRIMARY KEY (id), UNIQUE KEY customers_email (email)) ENGINE=InnoDB;
CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT, customer_id int unsigned NOT NULL, status enum('new','paid','shipped') NOT NULL DEFAULT 'new', total decimal(12,2) NOT NULL DEFAULT 0.00, created_at timestamp NOT NULL DEFAULT current_timestamp(), updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), PRIMARY KEY (id), KEY orders_customer (customer_id), CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE) ENGINE=InnoDB;
