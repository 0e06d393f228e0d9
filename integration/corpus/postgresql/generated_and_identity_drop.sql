-- current
CREATE TABLE line_items (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL, total numeric(12,2) GENERATED ALWAYS AS (qty * unit_price) STORED, tags varchar(20)[]);
-- desired
CREATE TABLE line_items (id integer PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL, discount numeric(4,3) NOT NULL DEFAULT 0, total numeric(12,2) GENERATED ALWAYS AS (qty * unit_price * (1 - discount)) STORED, tags varchar(50)[] NOT NULL DEFAULT '{}');
CREATE INDEX line_items_tags ON line_items USING gin (tags);
