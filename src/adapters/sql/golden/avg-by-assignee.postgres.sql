WITH base AS (
  SELECT 1 AS b_period,
    CAST("agent_id" AS text) AS b_k,
    CAST(NULL AS bigint) AS b_kt,
    CAST(NULL AS text) AS b_s,
    CAST(NULL AS bigint) AS b_st,
    CAST(("firstResponseAt" - "createdAt") AS double precision) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= $1::bigint
    AND "createdAt" < $2::bigint
    AND coalesce("channel" = $3::text, FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS text) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(avg(b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS text) AS k, CAST(NULL AS text) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(avg(b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,1775001600000,"chat"]
