-- placeOrder's and rescheduleOrder's turn-taking on an idempotency key, in one round trip (issue 22):
-- wait for the transaction-scoped advisory lock on the key, then look for the order the key already
-- made. The function is VOLATILE so that its SELECT takes a fresh snapshot after the wait, under READ
-- COMMITTED, and sees an order that the request holding the lock committed meanwhile; the same
-- SELECT in the statement that waits would use the snapshot from before the wait and miss it.
CREATE FUNCTION order_key_turn(key text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(key));
  RETURN (SELECT id FROM "Order" WHERE "idempotencyKey" = key);
END
$$;
