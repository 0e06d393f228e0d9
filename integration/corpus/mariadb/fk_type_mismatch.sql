-- expect: refused
-- current
CREATE TABLE p (id bigint NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE p (id bigint NOT NULL, PRIMARY KEY (id));
CREATE TABLE c (id int NOT NULL, p_id int DEFAULT NULL, PRIMARY KEY (id), CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
