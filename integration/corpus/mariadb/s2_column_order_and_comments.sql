-- current
CREATE TABLE wp_options (option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, option_name varchar(191) NOT NULL DEFAULT '', option_value longtext NOT NULL, autoload varchar(20) NOT NULL DEFAULT 'yes', PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name));
-- desired
CREATE TABLE wp_options (option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, option_name varchar(191) NOT NULL DEFAULT '' COMMENT 'the option''s "name"', autoload varchar(20) NOT NULL DEFAULT 'yes', option_value longtext NOT NULL, updated tinyint(1) NOT NULL DEFAULT 1, PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name), KEY autoload (autoload));
