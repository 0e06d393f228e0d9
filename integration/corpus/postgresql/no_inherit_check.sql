-- current
CREATE TABLE measurements (id integer PRIMARY KEY, reading numeric);
-- desired
CREATE TABLE measurements (id integer PRIMARY KEY, reading numeric CONSTRAINT reading_nonnegative CHECK (reading >= 0) NO INHERIT);
