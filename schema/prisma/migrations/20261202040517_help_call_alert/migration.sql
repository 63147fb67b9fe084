-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'HELP_CALL';
