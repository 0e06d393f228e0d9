-- current
CREATE TABLE sales (id int NOT NULL, region varchar(20) NOT NULL, amount decimal(10,2) NOT NULL, PRIMARY KEY (id));
CREATE VIEW sales_by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE VIEW top_regions AS SELECT region, total FROM sales_by_region WHERE total > 1000;
-- desired
CREATE TABLE sales (id int NOT NULL, region varchar(50) NOT NULL, amount decimal(12,2) NOT NULL, sold_on date DEFAULT NULL, PRIMARY KEY (id));
CREATE VIEW sales_by_region AS SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region;
CREATE VIEW top_regions AS SELECT region, total, n FROM sales_by_region WHERE total > 1000;
CREATE VIEW region_names AS SELECT DISTINCT region FROM top_regions;
