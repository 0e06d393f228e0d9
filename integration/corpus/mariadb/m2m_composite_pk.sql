-- current
CREATE TABLE roles (id int unsigned NOT NULL AUTO_INCREMENT, name varchar(50) NOT NULL, PRIMARY KEY (id));
CREATE TABLE users (id int unsigned NOT NULL AUTO_INCREMENT, email varchar(191) NOT NULL, PRIMARY KEY (id));
CREATE TABLE role_user (user_id int unsigned NOT NULL, role_id int unsigned NOT NULL, PRIMARY KEY (user_id, role_id), CONSTRAINT role_user_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id));
-- desired
CREATE TABLE roles (id int unsigned NOT NULL AUTO_INCREMENT, name varchar(50) NOT NULL, PRIMARY KEY (id), UNIQUE KEY roles_name_unique (name));
CREATE TABLE users (id int unsigned NOT NULL AUTO_INCREMENT, email varchar(191) NOT NULL, PRIMARY KEY (id));
CREATE TABLE role_user (user_id int unsigned NOT NULL, role_id int unsigned NOT NULL, granted_at datetime NOT NULL DEFAULT current_timestamp(), PRIMARY KEY (role_id, user_id), KEY role_user_user_id_foreign (user_id), CONSTRAINT role_user_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE, CONSTRAINT role_user_role_id_foreign FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE);
