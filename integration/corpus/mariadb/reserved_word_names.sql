-- current
CREATE TABLE `order` (`id` int NOT NULL, `key` varchar(64) NOT NULL, `group` varchar(20) DEFAULT NULL, PRIMARY KEY (`id`));
-- desired
CREATE TABLE `order` (`id` int NOT NULL, `key` varchar(128) NOT NULL, `group` varchar(20) NOT NULL DEFAULT 'default', `range` int DEFAULT NULL, `desc` text DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `key` (`key`), KEY `group` (`group`, `range`));
CREATE TABLE `select` (`from` int NOT NULL, `where` varchar(10) NOT NULL, PRIMARY KEY (`from`, `where`), CONSTRAINT `select_from` FOREIGN KEY (`from`) REFERENCES `order` (`id`));
