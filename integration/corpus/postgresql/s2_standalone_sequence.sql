-- expect: refused
-- (standalone sequences are not modelled: desired SQL creating one the target lacks is refused by name)
-- current
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL DEFAULT 0);
-- desired
CREATE SEQUENCE invoice_number_seq START WITH 1000;
CREATE TABLE invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_number_seq'), total numeric(12,2) NOT NULL DEFAULT 0);
