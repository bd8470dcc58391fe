WITH current_rows AS (
  SELECT CAST(`agent_id` AS Nullable(String)) AS b_k, CAST(NULL AS Nullable(Float64)) AS b_v
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
),
dims AS (
  SELECT b_k AS dk, CAST(count(*) AS Nullable(Float64)) AS dval
  FROM current_rows
  GROUP BY b_k
),
ranked AS (
  SELECT dk AS rk, row_number() OVER (ORDER BY dval DESC NULLS LAST, CASE WHEN dk IS NULL THEN {p5:String} ELSE CASE dk WHEN {p3:String} THEN {p4:String} ELSE dk END END ASC, dk ASC NULLS LAST) AS rank_no
  FROM dims
)
SELECT `id` AS `id`, `channel` AS `channel`, `status` AS `status`, `inboxId` AS `inboxId`, `agent_id` AS `assigneeId`, `createdAt` AS `createdAt`, `firstResponseAt` AS `firstResponseAt`, `closedAt` AS `closedAt`, `chatflowId` AS `chatflowId`, `pageUrl` AS `pageUrl`, `ticketId` AS `ticketId`, `subject` AS `subject`, `contactName` AS `contactName`, `contactEmail` AS `contactEmail`, `properties.plan` AS `p0`, `order_amount` AS `p1`, `properties.vip` AS `p2`
FROM `analytics`.`conversation_report`
WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
  AND (CASE WHEN (SELECT count(*) FROM ranked) > {p6:Int64} THEN NOT (CASE WHEN CAST(`agent_id` AS Nullable(String)) IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= {p6:Int64} AND rk IS NULL) > 0 ELSE CAST(`agent_id` AS Nullable(String)) IN (SELECT rk FROM ranked WHERE rank_no <= {p6:Int64} AND rk IS NOT NULL) END) ELSE coalesce(`agent_id` = {p7:String}, FALSE) END)
ORDER BY `createdAt` ASC, `id` ASC
LIMIT 10000
-- params: [1772323200000,1775001600000,"agent-1","Ana","Unassigned",3,"__other__"]
