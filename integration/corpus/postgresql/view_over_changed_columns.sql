-- current
CREATE TABLE employees (id integer PRIMARY KEY, first_name varchar(40) NOT NULL, last_name varchar(40) NOT NULL, salary integer, legacy_code text, manager_id integer REFERENCES employees (id));
CREATE VIEW employee_directory AS SELECT e.id, e.first_name || ' ' || e.last_name AS full_name, m.last_name AS manager, e.legacy_code FROM employees e LEFT JOIN employees m ON m.id = e.manager_id;
CREATE INDEX employees_name_idx ON employees (lower(last_name), lower(first_name));
-- desired
CREATE TABLE employees (id integer PRIMARY KEY, first_name varchar(80) NOT NULL, last_name varchar(80) NOT NULL, salary numeric(12,2), manager_id integer REFERENCES employees (id) ON DELETE SET NULL, CONSTRAINT employees_salary_positive CHECK (salary > 0));
CREATE VIEW employee_directory AS SELECT e.id, e.first_name || ' ' || e.last_name AS full_name, m.last_name AS manager, e.salary FROM employees e LEFT JOIN employees m ON m.id = e.manager_id;
CREATE INDEX employees_name_idx ON employees (lower(last_name), lower(first_name));
COMMENT ON VIEW employee_directory IS 'for the intranet';
