-- current
CREATE TABLE places (id int NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE places (id int NOT NULL, loc point NOT NULL, PRIMARY KEY (id), SPATIAL KEY places_loc (loc));
