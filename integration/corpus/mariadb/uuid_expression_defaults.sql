-- current
CREATE TABLE api_keys (id int NOT NULL AUTO_INCREMENT, name varchar(50) NOT NULL, PRIMARY KEY (id));
-- desired
CREATE TABLE api_keys (id int NOT NULL AUTO_INCREMENT, public_id uuid NOT NULL DEFAULT uuid(), name varchar(50) NOT NULL, token char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '', scopes json NOT NULL DEFAULT (json_array()), valid_from date NOT NULL DEFAULT curdate(), created_at datetime(6) NOT NULL DEFAULT current_timestamp(6), updated_at datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6), PRIMARY KEY (id), UNIQUE KEY api_keys_public_id (public_id));
