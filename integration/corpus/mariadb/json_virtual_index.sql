-- current
CREATE TABLE events (id bigint NOT NULL AUTO_INCREMENT, payload longtext DEFAULT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE events (id bigint NOT NULL AUTO_INCREMENT, payload longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(payload)), kind varchar(40) GENERATED ALWAYS AS (json_unquote(json_extract(payload, '$.kind'))) VIRTUAL, user_id bigint GENERATED ALWAYS AS (json_value(payload, '$.user.id')) STORED, PRIMARY KEY (id), KEY events_kind (kind), KEY events_user (user_id));
