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
),
matched AS (
  SELECT CAST("id" AS text) AS "id", CAST("channel" AS text) AS "channel", CAST("status" AS text) AS "status", CAST("inboxId" AS text) AS "inboxId", CAST("agent_id" AS text) AS "assigneeId", CAST("createdAt" AS bigint) AS "createdAt", CAST("firstResponseAt" AS bigint) AS "firstResponseAt", CAST("closedAt" AS bigint) AS "closedAt", CAST("chatflowId" AS text) AS "chatflowId", CAST("pageUrl" AS text) AS "pageUrl", CAST("ticketId" AS text) AS "ticketId", CAST("subject" AS text) AS "subject", CAST("contactName" AS text) AS "contactName", CAST("contactEmail" AS text) AS "contactEmail", CAST("properties.plan" AS text) AS "p0", CAST("order_amount" AS double precision) AS "p1", CAST("properties.vip" AS boolean) AS "p2", "createdAt" AS cr_sort
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= $1::bigint
    AND "createdAt" < $2::bigint
    AND (CASE WHEN (SELECT count(*) FROM ranked) > $6::bigint THEN NOT (CASE WHEN CAST("agent_id" AS text) IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= $6::bigint AND rk IS NULL) > 0 ELSE CAST("agent_id" AS text) IN (SELECT rk FROM ranked WHERE rank_no <= $6::bigint AND rk IS NOT NULL) END) ELSE coalesce("agent_id" = $7::text, FALSE) END)
),
drill_page AS (
  SELECT * FROM matched
  ORDER BY cr_sort ASC NULLS LAST, "id" COLLATE "C" ASC
  LIMIT 50 OFFSET 0
)
SELECT 'total' AS cr_part, CAST(count(*) AS bigint) AS cr_n, CAST(NULL AS text) AS "id", CAST(NULL AS text) AS "channel", CAST(NULL AS text) AS "status", CAST(NULL AS text) AS "inboxId", CAST(NULL AS text) AS "assigneeId", CAST(NULL AS bigint) AS "createdAt", CAST(NULL AS bigint) AS "firstResponseAt", CAST(NULL AS bigint) AS "closedAt", CAST(NULL AS text) AS "chatflowId", CAST(NULL AS text) AS "pageUrl", CAST(NULL AS text) AS "ticketId", CAST(NULL AS text) AS "subject", CAST(NULL AS text) AS "contactName", CAST(NULL AS text) AS "contactEmail", CAST(NULL AS text) AS "p0", CAST(NULL AS double precision) AS "p1", CAST(NULL AS boolean) AS "p2" FROM matched
UNION ALL
SELECT 'row' AS cr_part, CAST(row_number() OVER (ORDER BY cr_sort ASC NULLS LAST, "id" COLLATE "C" ASC) AS bigint) AS cr_n, "id", "channel", "status", "inboxId", "assigneeId", "createdAt", "firstResponseAt", "closedAt", "chatflowId", "pageUrl", "ticketId", "subject", "contactName", "contactEmail", "p0", "p1", "p2" FROM drill_page
-- params: [1772323200000,1775001600000,"agent-1","Ana","Unassigned",3,"__other__"]
