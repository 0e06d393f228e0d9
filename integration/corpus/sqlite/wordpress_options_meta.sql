-- current
CREATE TABLE wp_options (option_id INTEGER PRIMARY KEY AUTOINCREMENT, option_name VARCHAR(191) NOT NULL DEFAULT '', option_value TEXT NOT NULL, autoload VARCHAR(20) NOT NULL DEFAULT 'yes');
CREATE UNIQUE INDEX option_name ON wp_options(option_name);
CREATE TABLE wp_postmeta (meta_id INTEGER PRIMARY KEY AUTOINCREMENT, post_id UNSIGNED BIG INT NOT NULL DEFAULT 0, meta_key VARCHAR(255), meta_value TEXT);
CREATE INDEX post_id ON wp_postmeta(post_id);
-- desired
CREATE TABLE wp_options (option_id INTEGER PRIMARY KEY AUTOINCREMENT, option_name VARCHAR(191) NOT NULL DEFAULT '', option_value TEXT NOT NULL, autoload VARCHAR(20) NOT NULL DEFAULT 'auto');
CREATE UNIQUE INDEX option_name ON wp_options(option_name);
CREATE INDEX autoload ON wp_options(autoload);
CREATE TABLE wp_postmeta (meta_id INTEGER PRIMARY KEY AUTOINCREMENT, post_id UNSIGNED BIG INT NOT NULL DEFAULT 0, meta_key VARCHAR(255) COLLATE NOCASE, meta_value TEXT);
CREATE INDEX post_id ON wp_postmeta(post_id);
CREATE INDEX meta_key ON wp_postmeta(meta_key COLLATE NOCASE, post_id);
