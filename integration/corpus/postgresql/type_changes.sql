-- current
CREATE TABLE metrics (id integer PRIMARY KEY, name varchar(50), value real, at timestamp);
-- desired
CREATE TABLE metrics (id bigint PRIMARY KEY, name text, value double precision, at timestamp(3) with time zone);
