-- CreateEnum
CREATE TYPE "SanctionKind" AS ENUM ('INTERVIEW', 'RECTIFICATION', 'SUSPENSION', 'REINSTATEMENT', 'TERMINATION');

-- CreateEnum
CREATE TYPE "SanctionStatus" AS ENUM ('RECORDED', 'OPEN', 'SUBMITTED', 'VERIFIED', 'FAILED');

-- AlterTable
ALTER TABLE "Caregiver" ADD COLUMN     "idNumberCipher" TEXT,
ADD COLUMN     "idNumberHash" TEXT,
ADD COLUMN     "leftAt" TIMESTAMP(3),
ADD COLUMN     "training" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "qualifications" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ProviderContract" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "quantity" TEXT NOT NULL,
    "quality" TEXT NOT NULL,
    "settlementMethod" TEXT NOT NULL,
    "liability" TEXT NOT NULL,
    "terminatedAt" TIMESTAMP(3),
    "terminationGround" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderPrice" (
    "providerId" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderPrice_pkey" PRIMARY KEY ("providerId","serviceItemId")
);

-- CreateTable
CREATE TABLE "CaregiverCertificate" (
    "id" TEXT NOT NULL,
    "caregiverId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT,
    "expiresOn" DATE NOT NULL,
    "expiryNoticeAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaregiverCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderSanction" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "kind" "SanctionKind" NOT NULL,
    "status" "SanctionStatus" NOT NULL DEFAULT 'RECORDED',
    "clause" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "report" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "detail" JSONB,

    CONSTRAINT "ProviderSanction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderContract_providerId_idx" ON "ProviderContract"("providerId");

-- CreateIndex
CREATE INDEX "CaregiverCertificate_caregiverId_idx" ON "CaregiverCertificate"("caregiverId");

-- CreateIndex
CREATE INDEX "CaregiverCertificate_expiresOn_idx" ON "CaregiverCertificate"("expiresOn");

-- CreateIndex
CREATE INDEX "ProviderSanction_providerId_createdAt_idx" ON "ProviderSanction"("providerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Caregiver_idNumberHash_key" ON "Caregiver"("idNumberHash");

-- AddForeignKey
ALTER TABLE "ProviderContract" ADD CONSTRAINT "ProviderContract_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderContract" ADD CONSTRAINT "ProviderContract_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderPrice" ADD CONSTRAINT "ProviderPrice_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderPrice" ADD CONSTRAINT "ProviderPrice_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaregiverCertificate" ADD CONSTRAINT "CaregiverCertificate_caregiverId_fkey" FOREIGN KEY ("caregiverId") REFERENCES "Caregiver"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderSanction" ADD CONSTRAINT "ProviderSanction_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
