SELECT "id" AS "id", "channel" AS "channel", "status" AS "status", "inboxId" AS "inboxId", "agent_id" AS "assigneeId", "createdAt" AS "createdAt", "firstResponseAt" AS "firstResponseAt", "closedAt" AS "closedAt", "chatflowId" AS "chatflowId", "pageUrl" AS "pageUrl", "ticketId" AS "ticketId", "subject" AS "subject", "contactName" AS "contactName", "contactEmail" AS "contactEmail", "properties.plan" AS "p0", "order_amount" AS "p1", "properties.vip" AS "p2"
FROM "analytics"."conversation_report"
WHERE "createdAt" >= $1::bigint
    AND "createdAt" < $2::bigint
  AND ("createdAt" >= $3::bigint AND "createdAt" < $4::bigint)
  AND coalesce("channel" = $5::text, FALSE)
ORDER BY "createdAt" ASC, "id" ASC
LIMIT 10000
-- params: [1774728000000,1774764000000,1774746000000,1774749600000,"chat"]
