-- current
CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar NOT NULL, "username" varchar NOT NULL);
CREATE UNIQUE INDEX "index_users_on_email" ON "users" ("email");
-- desired
CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar NOT NULL, "username" varchar NOT NULL);
CREATE UNIQUE INDEX "index_users_on_email" ON "users" ("email" COLLATE NOCASE);
CREATE INDEX "index_users_on_username" ON "users" ("username" COLLATE NOCASE DESC);
