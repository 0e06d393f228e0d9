-- current
CREATE TABLE wp_links (link_id bigint unsigned NOT NULL AUTO_INCREMENT, link_url varchar(255) NOT NULL DEFAULT '' COMMENT 'the URL', link_name varchar(255) NOT NULL DEFAULT '', PRIMARY KEY (link_id), KEY link_name (link_name)) COMMENT='links';
-- desired
CREATE TABLE wp_links (link_id bigint unsigned NOT NULL AUTO_INCREMENT COMMENT 'it''s the "ID"', link_url varchar(255) NOT NULL DEFAULT '' COMMENT 'C:\\path\\to; not a \'quote\'', link_name varchar(255) NOT NULL DEFAULT 'Bob''s link' COMMENT 'tab\there', link_rel varchar(255) NOT NULL DEFAULT '' COMMENT '100% _literal_', PRIMARY KEY (link_id), KEY link_name (link_name)) COMMENT='WordPress "links" (legacy; don''t use)';
