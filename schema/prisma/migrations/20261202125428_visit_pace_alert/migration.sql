-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'VISIT_PACE';
