-- current
CREATE TABLE logs (id int NOT NULL, msg text, PRIMARY KEY (id)) ENGINE=InnoDB;
-- desired
CREATE TABLE logs (id int NOT NULL, msg text, PRIMARY KEY (id)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='app logs';
