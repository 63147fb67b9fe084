-- Rules Prisma's schema language cannot state, kept as plain SQL that runs on PostgreSQL 15 and
-- PGlite alike. DESIGN.md "Invariants": integer money, no account below zero, immutable balanced ledger.

-- Money and balances ------------------------------------------------------------------------
ALTER TABLE "LedgerAccount"
  ADD CONSTRAINT "LedgerAccount_balance_nonnegative" CHECK ("allowNegative" OR "balance" >= 0),
  ADD CONSTRAINT "LedgerAccount_held_nonnegative" CHECK ("held" >= 0),
  ADD CONSTRAINT "LedgerAccount_held_within_balance" CHECK ("allowNegative" OR "held" <= "balance");
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_nonzero" CHECK ("amount" <> 0);
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Order"
  ADD CONSTRAINT "Order_quantity_positive" CHECK ("quantity" > 0),
  ADD CONSTRAINT "Order_amounts_nonnegative" CHECK ("amountFen" >= 0 AND "subsidyFen" >= 0 AND "subsidyMinutes" >= 0 AND "selfPaidFen" >= 0),
  ADD CONSTRAINT "Order_split_within_amount" CHECK ("subsidyFen" + "selfPaidFen" <= "amountFen");
ALTER TABLE "ServiceItem" ADD CONSTRAINT "ServiceItem_price_nonnegative" CHECK ("priceFen" IS NULL OR "priceFen" >= 0);
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_amounts_nonnegative"
  CHECK ("orders" >= 0 AND "subsidyFen" >= 0 AND "subsidyMinutes" >= 0 AND "selfPaidFen" >= 0 AND "onlineServiceFen" >= 0 AND "penaltyFen" >= 0);
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_stars_range" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "QualityEvaluation" ADD CONSTRAINT "QualityEvaluation_score_range" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_duration_nonnegative" CHECK ("durationMinutes" IS NULL OR "durationMinutes" >= 0);

-- Months are Asia/Shanghai calendar months written YYYY-MM -----------------------------------
ALTER TABLE "LedgerTransaction" ADD CONSTRAINT "LedgerTransaction_month_format" CHECK ("month" IS NULL OR "month" ~ '^\d{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "AllowanceRun" ADD CONSTRAINT "AllowanceRun_month_format" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "QualityEvaluation" ADD CONSTRAINT "QualityEvaluation_month_format" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_month_format" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$');

-- One of a kind while open ------------------------------------------------------------------
CREATE UNIQUE INDEX "Enrolment_one_active_per_policy" ON "Enrolment" ("elderId", "policyId") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "Application_one_pending_per_policy" ON "Application" ("elderId", "policyId") WHERE "status" = 'PENDING';
CREATE UNIQUE INDEX "Alert_one_open_per_kind" ON "Alert" ("elderId", "kind") WHERE "status" <> 'RESOLVED';

-- The ledger is append-only: corrections are reversals, never edits ---------------------------
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are immutable (% on %); post a reversal instead', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER "LedgerEntry_immutable" BEFORE UPDATE OR DELETE ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER "LedgerTransaction_immutable" BEFORE UPDATE OR DELETE ON "LedgerTransaction" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();

-- Every transaction balances per unit, checked at commit so entries can be inserted one by one.
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced text;
BEGIN
  SELECT a."unit"::text INTO unbalanced
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId"
   WHERE e."transactionId" = NEW."transactionId"
   GROUP BY a."unit"
  HAVING sum(e."amount") <> 0
   LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in %', NEW."transactionId", unbalanced
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "LedgerEntry_balanced" AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();
