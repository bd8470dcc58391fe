WITH base AS (
  SELECT CASE WHEN "createdAt" >= CAST($1 AS BIGINT) THEN 1 ELSE 0 END AS b_period,
    CAST("pageUrlNormalized" AS VARCHAR) AS b_k,
    CAST(NULL AS BIGINT) AS b_kt,
    CAST("properties.vip" AS BOOLEAN) AS b_s,
    CAST(NULL AS BIGINT) AS b_st,
    CAST(("closedAt" - "createdAt") AS DOUBLE) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "createdAt" >= CAST($2 AS BIGINT)
    AND "createdAt" < CAST($3 AS BIGINT)
),
current_rows AS (SELECT b_k, b_v FROM base WHERE b_period = 1),
dims AS (
  SELECT b_k AS dk, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN CAST($4 AS VARCHAR) ELSE dk END ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, b_s AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'dim' AS part, 1 AS period, b_k AS k, CAST(NULL AS BOOLEAN) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base WHERE b_period = 1
GROUP BY b_k
UNION ALL
SELECT 'series' AS part, 1 AS period, CAST(NULL AS VARCHAR) AS k, b_s AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base WHERE b_period = 1
GROUP BY b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS VARCHAR) AS k, CAST(NULL AS BOOLEAN) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base
GROUP BY b_period
UNION ALL
SELECT 'rank' AS part, 1 AS period, rk AS k, CAST(NULL AS BOOLEAN) AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(NULL AS BIGINT) AS n, CAST(NULL AS BIGINT) AS nv, CAST(NULL AS DOUBLE) AS val, CAST(rank_no AS BIGINT) AS rn
FROM ranked
UNION ALL
SELECT 'other' AS part, b_period AS period, CAST(NULL AS VARCHAR) AS k, b_s AS s, CAST(NULL AS BIGINT) AS kt, CAST(NULL AS BIGINT) AS st, CAST(count(*) AS BIGINT) AS n, CAST(count(b_v) AS BIGINT) AS nv, CAST(quantile_cont(b_v, 0.5) AS DOUBLE) AS val, CAST(NULL AS BIGINT) AS rn
FROM base WHERE NOT (CASE WHEN b_k IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= CAST($5 AS BIGINT) AND rk IS NULL) > 0 ELSE b_k IN (SELECT rk FROM ranked WHERE rank_no <= CAST($5 AS BIGINT) AND rk IS NOT NULL) END)
GROUP BY b_period, b_s
-- params: [1772323200000,1769644800000,1775001600000,"Unknown page",5]
