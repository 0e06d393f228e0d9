-- current
CREATE TABLE invoices (id int NOT NULL, number varchar(20) NOT NULL, PRIMARY KEY (id));
CREATE TABLE invoice_lines (invoice_id int NOT NULL, line_no smallint NOT NULL, amount decimal(10,2) NOT NULL, PRIMARY KEY (invoice_id, line_no));
INSERT INTO invoices VALUES (5, 'A-5'), (9, 'A-9');
-- desired
CREATE TABLE invoices (id int NOT NULL AUTO_INCREMENT, number varchar(20) NOT NULL, PRIMARY KEY (id), UNIQUE KEY invoices_number (number));
CREATE TABLE invoice_lines (id bigint unsigned NOT NULL AUTO_INCREMENT, invoice_id int NOT NULL, line_no smallint NOT NULL, amount decimal(10,2) NOT NULL, PRIMARY KEY (id), UNIQUE KEY invoice_lines_invoice_line (invoice_id, line_no), CONSTRAINT invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE);
