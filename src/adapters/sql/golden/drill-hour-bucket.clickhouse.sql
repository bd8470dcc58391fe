WITH matched AS (
  SELECT CAST(`id` AS Nullable(String)) AS `id`, CAST(`channel` AS Nullable(String)) AS `channel`, CAST(`status` AS Nullable(String)) AS `status`, CAST(`inboxId` AS Nullable(String)) AS `inboxId`, CAST(`agent_id` AS Nullable(String)) AS `assigneeId`, CAST(`createdAt` AS Nullable(Int64)) AS `createdAt`, CAST(`firstResponseAt` AS Nullable(Int64)) AS `firstResponseAt`, CAST(`closedAt` AS Nullable(Int64)) AS `closedAt`, CAST(`chatflowId` AS Nullable(String)) AS `chatflowId`, CAST(`pageUrl` AS Nullable(String)) AS `pageUrl`, CAST(`ticketId` AS Nullable(String)) AS `ticketId`, CAST(`subject` AS Nullable(String)) AS `subject`, CAST(`contactName` AS Nullable(String)) AS `contactName`, CAST(`contactEmail` AS Nullable(String)) AS `contactEmail`, CAST(`properties.plan` AS Nullable(String)) AS `p0`, CAST(`order_amount` AS Nullable(Float64)) AS `p1`, CAST(`properties.vip` AS Nullable(Bool)) AS `p2`, `createdAt` AS cr_sort
  FROM `analytics`.`conversation_report`
  WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
    AND (`createdAt` >= {p3:Int64} AND `createdAt` < {p4:Int64})
    AND coalesce(`channel` = {p5:String}, FALSE)
),
drill_page AS (
  SELECT * FROM matched
  ORDER BY cr_sort ASC NULLS LAST, `id` ASC
  LIMIT 50 OFFSET 0
)
SELECT 'total' AS cr_part, CAST(count(*) AS Nullable(Int64)) AS cr_n, CAST(NULL AS Nullable(String)) AS `id`, CAST(NULL AS Nullable(String)) AS `channel`, CAST(NULL AS Nullable(String)) AS `status`, CAST(NULL AS Nullable(String)) AS `inboxId`, CAST(NULL AS Nullable(String)) AS `assigneeId`, CAST(NULL AS Nullable(Int64)) AS `createdAt`, CAST(NULL AS Nullable(Int64)) AS `firstResponseAt`, CAST(NULL AS Nullable(Int64)) AS `closedAt`, CAST(NULL AS Nullable(String)) AS `chatflowId`, CAST(NULL AS Nullable(String)) AS `pageUrl`, CAST(NULL AS Nullable(String)) AS `ticketId`, CAST(NULL AS Nullable(String)) AS `subject`, CAST(NULL AS Nullable(String)) AS `contactName`, CAST(NULL AS Nullable(String)) AS `contactEmail`, CAST(NULL AS Nullable(String)) AS `p0`, CAST(NULL AS Nullable(Float64)) AS `p1`, CAST(NULL AS Nullable(Bool)) AS `p2` FROM matched
UNION ALL
SELECT 'row' AS cr_part, CAST(row_number() OVER (ORDER BY cr_sort ASC NULLS LAST, `id` ASC) AS Nullable(Int64)) AS cr_n, `id`, `channel`, `status`, `inboxId`, `assigneeId`, `createdAt`, `firstResponseAt`, `closedAt`, `chatflowId`, `pageUrl`, `ticketId`, `subject`, `contactName`, `contactEmail`, `p0`, `p1`, `p2` FROM drill_page
-- params: [1774728000000,1774764000000,1774746000000,1774749600000,"chat"]
