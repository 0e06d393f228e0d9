-- current
CREATE TABLE t (id int NOT NULL, qty int DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, qty int DEFAULT NULL CHECK (qty >= 0), price int DEFAULT NULL, PRIMARY KEY (id), CONSTRAINT price_pos CHECK (price > 0));
