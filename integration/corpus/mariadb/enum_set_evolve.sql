-- current
CREATE TABLE tickets (id int unsigned NOT NULL AUTO_INCREMENT, status enum('open','closed') NOT NULL DEFAULT 'open', priority enum('low','high') DEFAULT NULL, labels set('bug','feature') NOT NULL DEFAULT '', PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- desired
CREATE TABLE tickets (id int unsigned NOT NULL AUTO_INCREMENT, status enum('new','open','in_progress','closed') NOT NULL DEFAULT 'new', priority enum('low','medium','high','urgent') NOT NULL DEFAULT 'medium', labels set('bug','feature','docs','question') NOT NULL DEFAULT 'bug', PRIMARY KEY (id), KEY tickets_status_priority (status, priority)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
