-- current
CREATE TABLE orders (id integer PRIMARY KEY, status varchar(16) NOT NULL DEFAULT 'new');
-- desired
CREATE TABLE orders (id integer PRIMARY KEY, status varchar(16) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')));
