-- current
CREATE TABLE ledger_entries (id bigint NOT NULL AUTO_INCREMENT, amount decimal(12,2) NOT NULL, fee decimal(6,3) DEFAULT NULL, rate float DEFAULT NULL, flags bit(4) DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE ledger_entries (id bigint NOT NULL AUTO_INCREMENT, amount decimal(12,2) NOT NULL DEFAULT -1.00, fee decimal(6,3) NOT NULL DEFAULT 0.125, rate double(8,4) DEFAULT -0.5000, multiplier float NOT NULL DEFAULT 1e3, flags bit(4) NOT NULL DEFAULT b'1010', sign tinyint NOT NULL DEFAULT -1, balance_after decimal(20,0) DEFAULT 0, PRIMARY KEY (id));
