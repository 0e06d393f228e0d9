-- current
CREATE TABLE "customer" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, "phone" character varying(20), "createdDate" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_fdb2f3ad8115da4c7718109a6eb" UNIQUE ("email"), CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"));
CREATE TABLE "order" ("id" SERIAL NOT NULL, "customerId" integer, "total" numeric NOT NULL, CONSTRAINT "PK_1031171c13130102495201e3e20" PRIMARY KEY ("id"));
-- desired
CREATE TABLE "customer" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, "phone" character varying(32), "createdDate" TIMESTAMP NOT NULL DEFAULT now(), "updatedDate" TIMESTAMP NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT 1, CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "IDX_fdb2f3ad8115da4c7718109a6e" ON "customer" (lower("email"));
CREATE TABLE "order" ("id" SERIAL NOT NULL, "customerId" integer, "total" numeric(12,2) NOT NULL, "status" character varying NOT NULL DEFAULT 'new', CONSTRAINT "CHK_order_total" CHECK ("total" >= 0), CONSTRAINT "PK_1031171c13130102495201e3e20" PRIMARY KEY ("id"));
CREATE INDEX "IDX_order_customer_status" ON "order" ("customerId", "status");
ALTER TABLE "order" ADD CONSTRAINT "FK_124456e637cca7a415897dce659" FOREIGN KEY ("customerId") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
