WITH current_rows AS (
  SELECT CAST("agent_id" AS VARCHAR) AS b_k, CAST(NULL AS DOUBLE) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= CAST($1 AS BIGINT)
    AND "createdAt" < CAST($2 AS BIGINT)
),
dims AS (
  SELECT b_k AS dk, CAST(count(*) AS DOUBLE) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN CAST($5 AS VARCHAR) ELSE CASE dk WHEN CAST($3 AS VARCHAR) THEN CAST($4 AS VARCHAR) ELSE dk END END ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT "id" AS "id", "channel" AS "channel", "status" AS "status", "inboxId" AS "inboxId", "agent_id" AS "assigneeId", "createdAt" AS "createdAt", "firstResponseAt" AS "firstResponseAt", "closedAt" AS "closedAt", "chatflowId" AS "chatflowId", "pageUrl" AS "pageUrl", "ticketId" AS "ticketId", "subject" AS "subject", "contactName" AS "contactName", "contactEmail" AS "contactEmail", "properties.plan" AS "p0", "order_amount" AS "p1", "properties.vip" AS "p2"
FROM "analytics"."conversation_report"
WHERE "createdAt" >= CAST($1 AS BIGINT)
    AND "createdAt" < CAST($2 AS BIGINT)
  AND (CASE WHEN (SELECT count(*) FROM ranked) > CAST($6 AS BIGINT) THEN NOT (CASE WHEN CAST("agent_id" AS VARCHAR) IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= CAST($6 AS BIGINT) AND rk IS NULL) > 0 ELSE CAST("agent_id" AS VARCHAR) IN (SELECT rk FROM ranked WHERE rank_no <= CAST($6 AS BIGINT) AND rk IS NOT NULL) END) ELSE coalesce("agent_id" = CAST($7 AS VARCHAR), FALSE) END)
ORDER BY "createdAt" ASC, "id" ASC
LIMIT 10000
-- params: [1772323200000,1775001600000,"agent-1","Ana","Unassigned",3,"__other__"]
