WITH base AS (
  SELECT 1 AS b_period,
    CAST("agent_id" AS VARCHAR) AS b_k,
    CAST(NULL AS BIGINT) AS b_kt,
    CAST(NULL AS VARCHAR) AS b_s,
    CAST(NULL AS BIGINT) AS b_st,
    CAST(("firstResponseAt" - "createdAt") AS DOUBLE) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= CAST($1 AS BIGINT)
    AND "createdAt" < CAST($2 AS BIGINT)
    AND coalesce("channel" = CAST($3 AS VARCHAR), FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS VARCHAR) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(avg(b_v) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS VARCHAR) AS k, CAST(NULL AS VARCHAR) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(avg(b_v) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,1775001600000,"chat"]
