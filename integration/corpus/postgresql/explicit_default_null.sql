-- current
CREATE TABLE invoices (id bigint PRIMARY KEY, note varchar(255), paid_at timestamp, amount numeric(10,2));
-- desired
CREATE TABLE invoices (id bigint PRIMARY KEY, note varchar(255) DEFAULT NULL, paid_at timestamp DEFAULT NULL, amount numeric(10,2) DEFAULT NULL, ref varchar(40) DEFAULT NULL);
