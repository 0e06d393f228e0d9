-- current
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "Account" ("id" TEXT NOT NULL, "role" TEXT NOT NULL DEFAULT 'USER', CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
-- desired
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "Account" ("id" TEXT NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER', "roles" "Role"[] DEFAULT ARRAY['USER']::"Role"[], "tenantId" UUID NOT NULL DEFAULT gen_random_uuid(), CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
CREATE INDEX "Account_tenantId_role_idx" ON "Account"("tenantId", "role");
