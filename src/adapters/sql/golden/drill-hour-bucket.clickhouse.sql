SELECT `id` AS `id`, `channel` AS `channel`, `status` AS `status`, `inboxId` AS `inboxId`, `agent_id` AS `assigneeId`, `createdAt` AS `createdAt`, `firstResponseAt` AS `firstResponseAt`, `closedAt` AS `closedAt`, `chatflowId` AS `chatflowId`, `pageUrl` AS `pageUrl`, `ticketId` AS `ticketId`, `subject` AS `subject`, `contactName` AS `contactName`, `contactEmail` AS `contactEmail`, `properties.plan` AS `p0`, `order_amount` AS `p1`, `properties.vip` AS `p2`
FROM `analytics`.`conversation_report`
WHERE `createdAt` >= {p1:Int64}
    AND `createdAt` < {p2:Int64}
  AND (`createdAt` >= {p3:Int64} AND `createdAt` < {p4:Int64})
  AND coalesce(`channel` = {p5:String}, FALSE)
ORDER BY `createdAt` ASC, `id` ASC
LIMIT 10000
-- params: [1774728000000,1774764000000,1774746000000,1774749600000,"chat"]
