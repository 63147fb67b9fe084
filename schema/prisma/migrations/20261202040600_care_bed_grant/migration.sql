-- AlterEnum
ALTER TYPE "TransactionKind" ADD VALUE 'CARE_BED_GRANT';
