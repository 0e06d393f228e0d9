-- current
CREATE TABLE articles (id int NOT NULL AUTO_INCREMENT, title varchar(255) NOT NULL, body mediumtext NOT NULL, author varchar(100) NOT NULL, published_at datetime DEFAULT NULL, PRIMARY KEY (id), UNIQUE KEY title (title), KEY author_published (author, published_at), FULLTEXT KEY ft_title (title)) ENGINE=InnoDB;
-- desired
CREATE TABLE articles (id int NOT NULL AUTO_INCREMENT, title varchar(255) NOT NULL, body mediumtext NOT NULL, author varchar(100) NOT NULL, published_at datetime DEFAULT NULL, PRIMARY KEY (id), UNIQUE KEY title (title(100), author), KEY author_published (published_at DESC, author), KEY body_prefix (body(64)), FULLTEXT KEY ft_title (title, body)) ENGINE=InnoDB;
