WITH base AS (
  SELECT CASE WHEN "createdAt" >= CAST($1 AS BIGINT) THEN 1 ELSE 0 END AS b_period,
    date_trunc('week', timezone(CAST($2 AS VARCHAR), timezone('UTC', epoch_ms(CAST("createdAt" AS BIGINT))))) AS b_k,
    CAST("createdAt" AS BIGINT) AS b_kt,
    CAST(NULL AS VARCHAR) AS b_s,
    CAST(NULL AS BIGINT) AS b_st,
    CAST(NULL AS DOUBLE) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= CAST($3 AS BIGINT)
    AND "createdAt" < CAST($4 AS BIGINT)
    AND coalesce("channel" = CAST($5 AS VARCHAR), FALSE)
)
SELECT 'cell' AS part, b_period AS period, CAST(NULL AS BIGINT) AS k, CAST(NULL AS VARCHAR) AS s, CAST(min(b_kt) AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(count(*) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS BIGINT) AS k, CAST(NULL AS VARCHAR) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(count(*) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,"Europe/Amsterdam",1769644800000,1775001600000,"email"]
