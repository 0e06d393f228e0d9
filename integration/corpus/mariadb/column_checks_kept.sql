-- current
CREATE TABLE t (id int NOT NULL, qty int DEFAULT NULL CHECK (qty >= 0), price int DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE t (id int NOT NULL, qty bigint DEFAULT NULL CHECK (qty >= 0), price int DEFAULT NULL CHECK (price > 0), PRIMARY KEY (id), CONSTRAINT t_sane CHECK (qty < price));
