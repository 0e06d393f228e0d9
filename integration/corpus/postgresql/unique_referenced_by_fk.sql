-- current
CREATE TABLE countries (id integer PRIMARY KEY, iso_code char(2) NOT NULL, CONSTRAINT countries_iso_code_key UNIQUE (iso_code));
CREATE TABLE cities (id integer PRIMARY KEY, country_code char(2) NOT NULL REFERENCES countries (iso_code), name text NOT NULL);
-- desired
CREATE TABLE countries (id integer PRIMARY KEY, iso_code char(2) NOT NULL, iso3_code char(3));
CREATE UNIQUE INDEX countries_iso_code_uidx ON countries (iso_code);
CREATE TABLE cities (id integer PRIMARY KEY, country_code char(2) NOT NULL REFERENCES countries (iso_code) ON UPDATE CASCADE, name text NOT NULL);
