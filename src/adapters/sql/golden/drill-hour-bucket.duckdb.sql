WITH matched AS (
  SELECT CAST("id" AS VARCHAR) AS "id", CAST("channel" AS VARCHAR) AS "channel", CAST("status" AS VARCHAR) AS "status", CAST("inboxId" AS VARCHAR) AS "inboxId", CAST("agent_id" AS VARCHAR) AS "assigneeId", CAST("createdAt" AS BIGINT) AS "createdAt", CAST("firstResponseAt" AS BIGINT) AS "firstResponseAt", CAST("closedAt" AS BIGINT) AS "closedAt", CAST("chatflowId" AS VARCHAR) AS "chatflowId", CAST("pageUrl" AS VARCHAR) AS "pageUrl", CAST("ticketId" AS VARCHAR) AS "ticketId", CAST("subject" AS VARCHAR) AS "subject", CAST("contactName" AS VARCHAR) AS "contactName", CAST("contactEmail" AS VARCHAR) AS "contactEmail", CAST("properties.plan" AS VARCHAR) AS "p0", CAST("order_amount" AS DOUBLE) AS "p1", CAST("properties.vip" AS BOOLEAN) AS "p2", "createdAt" AS cr_sort
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= CAST($1 AS BIGINT)
    AND "createdAt" < CAST($2 AS BIGINT)
    AND ("createdAt" >= CAST($3 AS BIGINT) AND "createdAt" < CAST($4 AS BIGINT))
    AND coalesce("channel" = CAST($5 AS VARCHAR), FALSE)
),
drill_page AS (
  SELECT * FROM matched
  ORDER BY cr_sort ASC NULLS LAST, "id" ASC
  LIMIT 50 OFFSET 0
)
SELECT 'total' AS cr_part, CAST(count(*) AS BIGINT) AS cr_n, CAST(NULL AS VARCHAR) AS "id", CAST(NULL AS VARCHAR) AS "channel", CAST(NULL AS VARCHAR) AS "status", CAST(NULL AS VARCHAR) AS "inboxId", CAST(NULL AS VARCHAR) AS "assigneeId", CAST(NULL AS BIGINT) AS "createdAt", CAST(NULL AS BIGINT) AS "firstResponseAt", CAST(NULL AS BIGINT) AS "closedAt", CAST(NULL AS VARCHAR) AS "chatflowId", CAST(NULL AS VARCHAR) AS "pageUrl", CAST(NULL AS VARCHAR) AS "ticketId", CAST(NULL AS VARCHAR) AS "subject", CAST(NULL AS VARCHAR) AS "contactName", CAST(NULL AS VARCHAR) AS "contactEmail", CAST(NULL AS VARCHAR) AS "p0", CAST(NULL AS DOUBLE) AS "p1", CAST(NULL AS BOOLEAN) AS "p2" FROM matched
UNION ALL
SELECT 'row' AS cr_part, CAST(row_number() OVER (ORDER BY cr_sort ASC NULLS LAST, "id" ASC) AS BIGINT) AS cr_n, "id", "channel", "status", "inboxId", "assigneeId", "createdAt", "firstResponseAt", "closedAt", "chatflowId", "pageUrl", "ticketId", "subject", "contactName", "contactEmail", "p0", "p1", "p2" FROM drill_page
-- params: [1774728000000,1774764000000,1774746000000,1774749600000,"chat"]
