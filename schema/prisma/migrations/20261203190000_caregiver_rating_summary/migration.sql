-- A caregiver's rating summary (count and total stars), so the family's order cards read the average
-- with the caregiver instead of aggregating every rating of theirs per request (issue 22). A rating is
-- written once per order, after the visit, when the order's caregiver can no longer change, so the
-- summary is the aggregate of the ratings of the orders they served.
ALTER TABLE "Caregiver" ADD COLUMN "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "ratingStars" INTEGER NOT NULL DEFAULT 0;

UPDATE "Caregiver" c
   SET "ratingCount" = r.n, "ratingStars" = r.stars
  FROM (SELECT o."caregiverId" AS id, count(*)::int AS n, sum(rt.stars)::int AS stars
          FROM "Rating" rt JOIN "Order" o ON o.id = rt."orderId"
         WHERE o."caregiverId" IS NOT NULL
         GROUP BY o."caregiverId") r
 WHERE r.id = c.id;
