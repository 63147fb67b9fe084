-- CreateEnum
CREATE TYPE "AccessCodePurpose" AS ENUM ('PHONE_LOGIN', 'FAMILY_LINK');

-- CreateTable
CREATE TABLE "AccessCode" (
    "id" TEXT NOT NULL,
    "purpose" "AccessCodePurpose" NOT NULL,
    "codeHash" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuedById" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessCode_purpose_subject_createdAt_idx" ON "AccessCode"("purpose", "subject", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessCode_purpose_codeHash_key" ON "AccessCode"("purpose", "codeHash");
