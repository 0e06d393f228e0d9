-- current
CREATE TABLE "sessions" ("id" varchar not null, "user_id" integer, "payload" text not null, primary key ("id"));
-- desired
CREATE TABLE "sessions" ("id" varchar not null, "user_id" integer DEFAULT NULL, "ip_address" varchar(45) DEFAULT NULL, "payload" text not null, primary key ("id"));
