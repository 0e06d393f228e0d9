-- current
CREATE TABLE accounts (id int NOT NULL COMMENT 'pk', name varchar(100) NOT NULL, balance decimal(12,2) NOT NULL DEFAULT 0.00, PRIMARY KEY (id)) COMMENT='customer accounts';
-- desired
CREATE TABLE accounts (id int NOT NULL COMMENT 'primary key', name varchar(100) NOT NULL COMMENT 'owner''s name', balance decimal(12,2) NOT NULL DEFAULT 0.00 COMMENT 'in EUR; "cleared" only', iban varchar(34) DEFAULT NULL COMMENT 'ISO 13616\\nformat', PRIMARY KEY (id)) COMMENT='customer''s accounts (v2)';
