-- current
CREATE TABLE "migrations" ("id" integer primary key autoincrement not null, "migration" varchar not null, "batch" integer not null);
CREATE TABLE "users" ("id" integer primary key autoincrement not null, "name" varchar not null, "email" varchar not null, "password" varchar not null, "remember_token" varchar, "created_at" datetime, "updated_at" datetime);
CREATE UNIQUE INDEX "users_email_unique" on "users" ("email");
-- desired
CREATE TABLE "migrations" ("id" integer primary key autoincrement not null, "migration" varchar not null, "batch" integer not null);
CREATE TABLE "users" ("id" integer primary key autoincrement not null, "name" varchar not null, "email" varchar not null, "email_verified_at" datetime, "password" varchar not null, "remember_token" varchar, "created_at" datetime, "updated_at" datetime, "deleted_at" datetime);
CREATE UNIQUE INDEX "users_email_unique" on "users" ("email");
CREATE INDEX "users_deleted_at_index" on "users" ("deleted_at");
CREATE TABLE "posts" ("id" integer primary key autoincrement not null, "user_id" integer not null, "title" varchar not null, "status" varchar check ("status" in ('draft', 'published', 'archived')) not null default 'draft', "created_at" datetime, "updated_at" datetime, foreign key("user_id") references "users"("id") on delete cascade);
