-- current
CREATE TABLE `auth_user` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `password` varchar(128) NOT NULL, `last_login` datetime(6) NOT NULL, `username` varchar(30) NOT NULL UNIQUE, `email` varchar(75) NOT NULL, `is_staff` bool NOT NULL);
CREATE TABLE `blog_entry` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `headline` varchar(255) NOT NULL, `author_id` integer NOT NULL);
-- desired
CREATE TABLE `auth_user` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `password` varchar(128) NOT NULL, `last_login` datetime(6) NULL, `username` varchar(150) NOT NULL UNIQUE, `email` varchar(254) NOT NULL, `is_staff` bool NOT NULL, `date_joined` datetime(6) NOT NULL);
CREATE TABLE `blog_entry` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, `headline` varchar(255) NOT NULL, `body_text` longtext NOT NULL, `pub_date` date NULL, `rating` integer UNSIGNED NOT NULL CHECK (`rating` >= 0), `author_id` integer NOT NULL);
ALTER TABLE `blog_entry` ADD CONSTRAINT `blog_entry_author_id_6f8e1a0d_fk_auth_user_id` FOREIGN KEY (`author_id`) REFERENCES `auth_user` (`id`);
CREATE INDEX `blog_entry_pub_date_3c7d0e2f` ON `blog_entry` (`pub_date`);
