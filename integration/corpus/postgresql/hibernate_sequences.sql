-- current
CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer (id bigint NOT NULL, email varchar(255), PRIMARY KEY (id));
-- desired
CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE customer (id bigint NOT NULL DEFAULT nextval('customer_seq'), email varchar(255) NOT NULL, created_at timestamp(6) without time zone, PRIMARY KEY (id), CONSTRAINT uk_customer_email UNIQUE (email));
