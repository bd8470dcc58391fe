WITH base AS (
  SELECT CASE WHEN `createdAt` >= {p1:Int64} THEN 1 ELSE 0 END AS b_period,
    toMonday(fromUnixTimestamp64Milli(toInt64(`createdAt`), {p2:String})) AS b_k,
    CAST(`createdAt` AS Nullable(Int64)) AS b_kt,
    CAST(NULL AS Nullable(String)) AS b_s,
    CAST(NULL AS Nullable(Int64)) AS b_st,
    CAST(NULL AS Nullable(Float64)) AS b_v
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p3:Int64}
    AND `createdAt` < {p4:Int64}
    AND coalesce(`channel` = {p5:String}, FALSE)
)
SELECT 'cell' AS part, b_period AS period, CAST(NULL AS Nullable(Int64)) AS k, CAST(NULL AS Nullable(String)) AS s, CAST(min(b_kt) AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(count(*) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS Nullable(Int64)) AS k, CAST(NULL AS Nullable(String)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(count(*) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period
-- params: [1772323200000,"Europe/Amsterdam",1769644800000,1775001600000,"email"]
