WITH base AS (
  SELECT 1 AS b_period,
    CAST(`properties.plan` AS Nullable(String)) AS b_k,
    CAST(NULL AS Nullable(Int64)) AS b_kt,
    CAST(NULL AS Nullable(String)) AS b_s,
    CAST(NULL AS Nullable(Int64)) AS b_st,
    CAST(`order_amount` AS Nullable(Float64)) AS b_v
  FROM `analytics`.`conversation_report`
  WHERE `closedAt` >= {p1:Int64}
    AND `closedAt` < {p2:Int64}
    AND coalesce(`status` = {p3:String}, FALSE)
    AND (`agent_id` IS NULL OR `agent_id` <> {p4:String})
    AND coalesce(`inboxId` IN ({p5:String}, {p6:String}), FALSE)
    AND (`chatflowId` IS NULL OR `chatflowId` NOT IN ({p7:String}))
    AND (`ticketId` IS NOT NULL)
    AND (`properties.plan` IS NULL)
    AND coalesce((`firstResponseAt` - `createdAt`) > {p8:Int64}, FALSE)
    AND coalesce((`closedAt` - `createdAt`) >= {p9:Float64}, FALSE)
    AND coalesce(`order_amount` < {p10:Int64}, FALSE)
    AND coalesce(`createdAt` <= {p11:Int64}, FALSE)
    AND coalesce((`firstResponseAt` - `createdAt`) >= {p12:Int64} AND (`firstResponseAt` - `createdAt`) <= {p13:Int64}, FALSE)
    AND coalesce((positionUTF8(lowerUTF8(`subject`), {p14:String}) > 0), FALSE)
    AND coalesce((`ticketId` IS NOT NULL) = {p15:Bool}, FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS Nullable(String)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.9)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS Nullable(String)) AS k, CAST(NULL AS Nullable(String)) AS s, CAST(NULL AS Nullable(Int64)) AS kt, CAST(NULL AS Nullable(Int64)) AS st, CAST(count(*) AS Nullable(Int64)) AS n, CAST(count(b_v) AS Nullable(Int64)) AS nv, CAST(quantileExactInclusive(0.9)(b_v) AS Nullable(Float64)) AS val, CAST(NULL AS Nullable(Int64)) AS rn
FROM base
GROUP BY b_period
-- params: [1767225600000,1782864000000,"closed","agent-1","sales","support","welcome",60000,0.5,100,1773532800000,0,3600000,"refund",true]
