-- current
CREATE TABLE sessions (id varchar(40) NOT NULL, user_id bigint unsigned DEFAULT NULL, created_at datetime DEFAULT NULL, updated_at timestamp NULL DEFAULT NULL, last_activity int NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE sessions (id varchar(40) NOT NULL, user_id bigint unsigned DEFAULT NULL, created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), expires_at timestamp(3) NULL DEFAULT NULL, touched_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), last_activity int NOT NULL, PRIMARY KEY (id), KEY sessions_user_id_index (user_id), KEY sessions_last_activity_index (last_activity));
