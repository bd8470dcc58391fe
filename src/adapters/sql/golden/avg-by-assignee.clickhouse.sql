WITH base AS (
  SELECT 1 AS b_period,
    CAST(`agent_id` AS Nullable(String)) AS b_k,
    CAST(NULL AS Nullable(Int64)) AS b_kt,
    CAST(NULL AS Nullable(String)) AS b_s,
    CAST(NULL AS Nullable(Int64)) AS b_st,
    CAST((`firstResponseAt` - `createdAt`) AS Nullable(Float64)) AS b_v
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
    AND coalesce(`channel` = {p3:String}, FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS Nullable(String)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(avg(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS Nullable(String)) AS k, CAST(NULL AS Nullable(String)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(avg(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,1775001600000,"chat"]
