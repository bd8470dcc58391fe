WITH base AS (
  SELECT CASE WHEN `createdAt` >= {p1:Int64} THEN 1 ELSE 0 END AS b_period,
    CAST(`pageUrlNormalized` AS Nullable(String)) AS b_k,
    CAST(NULL AS Nullable(Int64)) AS b_kt,
    CAST(`properties.vip` AS Nullable(Bool)) AS b_s,
    CAST(NULL AS Nullable(Int64)) AS b_st,
    CAST((`closedAt` - `createdAt`) AS Nullable(Float64)) AS b_v
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p2:Int64}
    AND `createdAt` < {p3:Int64}
),
current_rows AS (SELECT b_k, b_v FROM base WHERE b_period = 1),
dims AS (
  SELECT b_k AS dk, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN {p4:String} ELSE dk END ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, b_s AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'dim' AS part, 1 AS period, b_k AS k, CAST(NULL AS Nullable(Bool)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base WHERE b_period = 1
GROUP BY b_k
UNION ALL
SELECT 'series' AS part, 1 AS period, CAST(NULL AS Nullable(String)) AS k, b_s AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base WHERE b_period = 1
GROUP BY b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS Nullable(String)) AS k, CAST(NULL AS Nullable(Bool)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period
UNION ALL
SELECT 'rank' AS part, 1 AS period, rk AS k, CAST(NULL AS Nullable(Bool)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(NULL AS Nullable(Int64)) AS n, CAST(NULL AS Nullable(Int64)) AS nv, CAST(NULL AS Nullable(Float64)) AS val, CAST(rank_no AS Nullable(Int64)) AS rn
FROM ranked
UNION ALL
SELECT 'other' AS part, b_period AS period, CAST(NULL AS Nullable(String)) AS k, b_s AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.5)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base WHERE NOT (CASE WHEN b_k IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= {p5:Int64} AND rk IS NULL) > 0 ELSE b_k IN (SELECT rk FROM ranked WHERE rank_no <= {p5:Int64} AND rk IS NOT NULL) END)
GROUP BY b_period, b_s
-- params: [1772323200000,1769644800000,1775001600000,"Unknown page",5]
