-- current
CREATE TABLE teams (id int NOT NULL AUTO_INCREMENT, name varchar(255) NOT NULL, personal_team tinyint NOT NULL, PRIMARY KEY (id));
CREATE TABLE team_user (id int NOT NULL AUTO_INCREMENT, team_id int NOT NULL, user_id int NOT NULL, role varchar(255) DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE teams (id bigint unsigned NOT NULL AUTO_INCREMENT, name varchar(255) NOT NULL, personal_team tinyint(1) NOT NULL DEFAULT 0, is_active tinyint(1) NOT NULL DEFAULT 1, seats smallint unsigned NOT NULL DEFAULT 5, storage_bytes bigint unsigned zerofill DEFAULT NULL, PRIMARY KEY (id));
CREATE TABLE team_user (id bigint unsigned NOT NULL AUTO_INCREMENT, team_id bigint unsigned NOT NULL, user_id bigint unsigned NOT NULL, role varchar(255) DEFAULT NULL, PRIMARY KEY (id), UNIQUE KEY team_user_team_id_user_id_unique (team_id, user_id), CONSTRAINT team_user_team_id_foreign FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE);
