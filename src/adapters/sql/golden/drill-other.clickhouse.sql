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
),
matched AS (
  SELECT CAST(`id` AS Nullable(String)) AS `id`, CAST(`channel` AS Nullable(String)) AS `channel`, CAST(`status` AS Nullable(String)) AS `status`, CAST(`inboxId` AS Nullable(String)) AS `inboxId`, CAST(`agent_id` AS Nullable(String)) AS `assigneeId`, CAST(`createdAt` AS Nullable(Int64)) AS `createdAt`, CAST(`firstResponseAt` AS Nullable(Int64)) AS `firstResponseAt`, CAST(`closedAt` AS Nullable(Int64)) AS `closedAt`, CAST(`chatflowId` AS Nullable(String)) AS `chatflowId`, CAST(`pageUrl` AS Nullable(String)) AS `pageUrl`, CAST(`ticketId` AS Nullable(String)) AS `ticketId`, CAST(`subject` AS Nullable(String)) AS `subject`, CAST(`contactName` AS Nullable(String)) AS `contactName`, CAST(`contactEmail` AS Nullable(String)) AS `contactEmail`, CAST(`properties.plan` AS Nullable(String)) AS `p0`, CAST(`order_amount` AS Nullable(Float64)) AS `p1`, CAST(`properties.vip` AS Nullable(Bool)) AS `p2`, `createdAt` AS cr_sort
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
    AND (CASE WHEN (SELECT count(*) FROM ranked) > {p6:Int64} THEN NOT (CASE WHEN CAST(`agent_id` AS Nullable(String)) IS NULL THEN (SELECT count(*) FROM ranked WHERE rank_no <= {p6:Int64} AND rk IS NULL) > 0 ELSE CAST(`agent_id` AS Nullable(String)) IN (SELECT rk FROM ranked WHERE rank_no <= {p6:Int64} AND rk IS NOT NULL) END) ELSE coalesce(`agent_id` = {p7:String}, FALSE) END)
),
drill_page AS (
  SELECT * FROM matched
  ORDER BY cr_sort ASC NULLS LAST, `id` ASC
  LIMIT 50 OFFSET 0
)
SELECT 'total' AS cr_part, CAST(count(*) AS Nullable(Int64)) AS cr_n, CAST(NULL AS Nullable(String)) AS `id`, CAST(NULL AS Nullable(String)) AS `channel`, CAST(NULL AS Nullable(String)) AS `status`, CAST(NULL AS Nullable(String)) AS `inboxId`, CAST(NULL AS Nullable(String)) AS `assigneeId`, CAST(NULL AS Nullable(Int64)) AS `createdAt`, CAST(NULL AS Nullable(Int64)) AS `firstResponseAt`, CAST(NULL AS Nullable(Int64)) AS `closedAt`, CAST(NULL AS Nullable(String)) AS `chatflowId`, CAST(NULL AS Nullable(String)) AS `pageUrl`, CAST(NULL AS Nullable(String)) AS `ticketId`, CAST(NULL AS Nullable(String)) AS `subject`, CAST(NULL AS Nullable(String)) AS `contactName`, CAST(NULL AS Nullable(String)) AS `contactEmail`, CAST(NULL AS Nullable(String)) AS `p0`, CAST(NULL AS Nullable(Float64)) AS `p1`, CAST(NULL AS Nullable(Bool)) AS `p2` FROM matched
UNION ALL
SELECT 'row' AS cr_part, CAST(row_number() OVER (ORDER BY cr_sort ASC NULLS LAST, `id` ASC) AS Nullable(Int64)) AS cr_n, `id`, `channel`, `status`, `inboxId`, `assigneeId`, `createdAt`, `firstResponseAt`, `closedAt`, `chatflowId`, `pageUrl`, `ticketId`, `subject`, `contactName`, `contactEmail`, `p0`, `p1`, `p2` FROM drill_page
-- params: [1772323200000,1775001600000,"agent-1","Ana","Unassigned",3,"__other__"]
