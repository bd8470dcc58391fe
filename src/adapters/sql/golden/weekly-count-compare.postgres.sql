WITH base AS (
  SELECT CASE WHEN "createdAt" >= $1::bigint THEN 1 ELSE 0 END AS b_period,
    date_trunc('week', ((TIMESTAMPTZ 'epoch' + "createdAt" * INTERVAL '1 millisecond') AT TIME ZONE $2::text)) AS b_k,
    CAST("createdAt" AS bigint) AS b_kt,
    CAST(NULL AS text) AS b_s,
    CAST(NULL AS bigint) AS b_st,
    CAST(NULL AS double precision) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= $3::bigint
    AND "createdAt" < $4::bigint
    AND coalesce("channel" = $5::text, FALSE)
)
SELECT 'cell' AS part, b_period AS period, CAST(NULL AS bigint) AS k, CAST(NULL AS text) AS s, CAST(min(b_kt) AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(count(*) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS bigint) AS k, CAST(NULL AS text) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(count(*) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,"Europe/Amsterdam",1769644800000,1775001600000,"email"]
