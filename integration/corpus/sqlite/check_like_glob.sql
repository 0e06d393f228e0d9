-- current
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, sku TEXT, country TEXT);
-- desired
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL CHECK (email LIKE '%_@_%'), sku TEXT CHECK (sku GLOB '[A-Z][A-Z]-[0-9]*'), country TEXT CHECK (length(country) = 2 AND country = upper(country)), phone TEXT, CONSTRAINT phone_digits CHECK (phone IS NULL OR phone NOT GLOB '*[^0-9+ ]*'));
