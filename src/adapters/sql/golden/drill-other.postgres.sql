WITH current_rows AS (
  SELECT CAST("agent_id" AS text) AS b_k, CAST(NULL AS double precision) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= $1::bigint
    AND "createdAt" < $2::bigint
),
dims AS (
  SELECT b_k AS dk, CAST(count(*) AS double precision) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN $5::text ELSE CASE dk WHEN $3::text THEN $4::text ELSE dk END END COLLATE "C" ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT "id" AS "id", "channel" AS "channel", "status" AS "status", "inboxId" AS "inboxId", "agent_id" AS "assigneeId", "createdAt" AS "createdAt", "firstResponseAt" AS "firstResponseAt", "closedAt" AS "closedAt", "chatflowId" AS "chatflowId", "pageUrl" AS "pageUrl", "ticketId" AS "ticketId", "subject" AS "subject", "contactName" AS "contactName", "contactEmail" AS "contactEmail", "properties.plan" AS "p0", "order_amount" AS "p1", "properties.vip" AS "p2"
FROM "analytics"."conversation_report"
WHERE "createdAt" >= $1::bigint
    AND "createdAt" < $2::bigint
  AND (CASE WHEN (SELECT count(*) FROM ranked) > $6::bigint THEN NOT (CASE WHEN CAST("agent_id" AS text) IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= $6::bigint AND rk IS NULL) > 0 ELSE CAST("agent_id" AS text) IN (SELECT rk FROM ranked WHERE rank_no <= $6::bigint AND rk IS NOT NULL) END) ELSE coalesce("agent_id" = $7::text, FALSE) END)
ORDER BY "createdAt" ASC, "id" ASC
LIMIT 10000
-- params: [1772323200000,1775001600000,"agent-1","Ana","Unassigned",3,"__other__"]
