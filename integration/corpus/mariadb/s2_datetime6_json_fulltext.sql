-- current
CREATE TABLE articles (id bigint unsigned NOT NULL AUTO_INCREMENT, title varchar(255) NOT NULL, body text, PRIMARY KEY (id));
-- desired
CREATE TABLE articles (id bigint unsigned NOT NULL AUTO_INCREMENT, title varchar(255) NOT NULL, slug varchar(191) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, body longtext, meta longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(meta)), status enum('draft','live','gone') NOT NULL DEFAULT 'draft', score double NOT NULL DEFAULT 0, created_at datetime(6) NOT NULL DEFAULT current_timestamp(6), updated_at datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6), PRIMARY KEY (id), UNIQUE KEY articles_slug (slug), KEY articles_title_prefix (title(20)), FULLTEXT KEY articles_ft (title, body));
