-- DropIndex
DROP INDEX "Enrolment_policyId_status_idx";

-- CreateIndex
CREATE INDEX "Enrolment_policyId_status_id_idx" ON "Enrolment"("policyId", "status", "id");
