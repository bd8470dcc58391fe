WITH base AS (
  SELECT CASE WHEN "createdAt" >= $1::bigint THEN 1 ELSE 0 END AS b_period,
    CAST("pageUrlNormalized" AS text) AS b_k,
    CAST(NULL AS bigint) AS b_kt,
    CAST("properties.vip" AS boolean) AS b_s,
    CAST(NULL AS bigint) AS b_st,
    CAST(("closedAt" - "createdAt") AS double precision) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= $2::bigint
    AND "createdAt" < $3::bigint
),
current_rows AS (SELECT b_k, b_v FROM base WHERE b_period = 1),
dims AS (
  SELECT b_k AS dk, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN $4::text ELSE dk END COLLATE "C" ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, b_s AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'dim' AS part, 1 AS period, b_k AS k, CAST(NULL AS boolean) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base WHERE b_period = 1
GROUP BY b_k
UNION ALL
SELECT 'series' AS part, 1 AS period, CAST(NULL AS text) AS k, b_s AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base WHERE b_period = 1
GROUP BY b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS text) AS k, CAST(NULL AS boolean) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period
UNION ALL
SELECT 'rank' AS part, 1 AS period, rk AS k, CAST(NULL AS boolean) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(NULL AS bigint) AS n, CAST(NULL AS bigint) AS nv, CAST(NULL AS double precision) AS val, CAST(rank_no AS bigint) AS rn
FROM ranked
UNION ALL
SELECT 'other' AS part, b_period AS period, CAST(NULL AS text) AS k, b_s AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base WHERE NOT (CASE WHEN b_k IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= $5::bigint AND rk IS NULL) > 0 ELSE b_k IN (SELECT rk FROM ranked WHERE rank_no <= $5::bigint AND rk IS NOT NULL) END)
GROUP BY b_period, b_s
-- params: [1772323200000,1769644800000,1775001600000,"Unknown page",5]
