-- current
CREATE TABLE "order" ("id" INTEGER PRIMARY KEY, "key" TEXT NOT NULL, "group" TEXT);
CREATE INDEX "order_key" ON "order" ("key");
-- desired
CREATE TABLE "order" ("id" INTEGER PRIMARY KEY, "key" TEXT NOT NULL UNIQUE, "group" TEXT NOT NULL DEFAULT 'default', "select" INTEGER, "where" TEXT);
CREATE TABLE "index" ("order_id" INTEGER NOT NULL REFERENCES "order" ("id"), "values" TEXT, PRIMARY KEY ("order_id", "values"));
CREATE INDEX "order_group_select" ON "order" ("group", "select" DESC);
