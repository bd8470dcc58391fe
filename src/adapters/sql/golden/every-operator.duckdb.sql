WITH base AS (
  SELECT 1 AS b_period,
    CAST("properties.plan" AS VARCHAR) AS b_k,
    CAST(NULL AS BIGINT) AS b_kt,
    CAST(NULL AS VARCHAR) AS b_s,
    CAST(NULL AS BIGINT) AS b_st,
    CAST("order_amount" AS DOUBLE) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "closedAt" >= CAST($1 AS BIGINT)
    AND "closedAt" < CAST($2 AS BIGINT)
    AND coalesce("status" = CAST($3 AS VARCHAR), FALSE)
    AND ("agent_id" IS NULL OR "agent_id" <> CAST($4 AS VARCHAR))
    AND coalesce("inboxId" IN (CAST($5 AS VARCHAR), CAST($6 AS VARCHAR)), FALSE)
    AND ("chatflowId" IS NULL OR "chatflowId" NOT IN (CAST($7 AS VARCHAR)))
    AND ("ticketId" IS NOT NULL)
    AND ("properties.plan" IS NULL)
    AND coalesce(("firstResponseAt" - "createdAt") > CAST($8 AS BIGINT), FALSE)
    AND coalesce(("closedAt" - "createdAt") >= CAST($9 AS DOUBLE), FALSE)
    AND coalesce("order_amount" < CAST($10 AS BIGINT), FALSE)
    AND coalesce("createdAt" <= CAST($11 AS BIGINT), FALSE)
    AND coalesce(("firstResponseAt" - "createdAt") >= CAST($12 AS BIGINT) AND ("firstResponseAt" - "createdAt") <= CAST($13 AS BIGINT), FALSE)
    AND coalesce((strpos(lower("subject"), CAST($14 AS VARCHAR)) > 0), FALSE)
    AND coalesce(("ticketId" IS NOT NULL) = CAST($15 AS BOOLEAN), FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS VARCHAR) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.9) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS VARCHAR) AS k, CAST(NULL AS VARCHAR) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.9) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period
-- params: [1767225600000,1782864000000,"closed","agent-1","sales","support","welcome",60000,0.5,100,1773532800000,0,3600000,"refund",true]
