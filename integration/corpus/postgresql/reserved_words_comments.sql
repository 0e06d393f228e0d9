-- current
CREATE TABLE "user" (id integer PRIMARY KEY, "order" integer NOT NULL DEFAULT 0, "key" text);
COMMENT ON TABLE "user" IS 'application users';
COMMENT ON COLUMN "user"."key" IS 'api key';
-- desired
CREATE TABLE "user" (id integer PRIMARY KEY, "order" integer NOT NULL DEFAULT 0, "key" text NOT NULL UNIQUE, "group" varchar(30), "desc" text);
CREATE TABLE "select" ("from" integer REFERENCES "user" (id), "where" text, "limit" integer CHECK ("limit" > 0));
CREATE INDEX "user_order_group" ON "user" ("order", "group");
COMMENT ON TABLE "user" IS 'application''s users';
COMMENT ON COLUMN "user"."order" IS 'display order';
COMMENT ON COLUMN "select"."from" IS 'who';
