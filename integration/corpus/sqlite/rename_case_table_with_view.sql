-- current
CREATE TABLE Items (id INTEGER PRIMARY KEY, Name TEXT);
CREATE VIEW item_names AS SELECT Name FROM Items;
-- desired
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
CREATE VIEW item_names AS SELECT name FROM items;
