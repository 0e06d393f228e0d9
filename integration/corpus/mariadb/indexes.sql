-- current
CREATE TABLE a (id int NOT NULL, x varchar(200) DEFAULT NULL, y int DEFAULT NULL, body text, PRIMARY KEY (id), KEY a_x (x));
-- desired
CREATE TABLE a (id int NOT NULL, x varchar(200) DEFAULT NULL, y int DEFAULT NULL, body text, PRIMARY KEY (id), KEY a_x (x(20)), KEY a_y_x (y DESC, x), UNIQUE KEY a_y (y), FULLTEXT KEY a_body (body));
