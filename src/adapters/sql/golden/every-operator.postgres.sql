WITH base AS (
  SELECT 1 AS b_period,
    CAST("properties.plan" AS text) AS b_k,
    CAST(NULL AS bigint) AS b_kt,
    CAST(NULL AS text) AS b_s,
    CAST(NULL AS bigint) AS b_st,
    CAST("order_amount" AS double precision) AS b_v
  FROM "analytics"."conversation_report"
  WHERE "closedAt" >= $1::bigint
    AND "closedAt" < $2::bigint
    AND coalesce("status" = $3::text, FALSE)
    AND ("agent_id" IS NULL OR "agent_id" <> $4::text)
    AND coalesce("inboxId" IN ($5::text, $6::text), FALSE)
    AND ("chatflowId" IS NULL OR "chatflowId" NOT IN ($7::text))
    AND ("ticketId" IS NOT NULL)
    AND ("properties.plan" IS NULL)
    AND coalesce(("firstResponseAt" - "createdAt") > $8::bigint, FALSE)
    AND coalesce(("closedAt" - "createdAt") >= $9::double precision, FALSE)
    AND coalesce("order_amount" < $10::bigint, FALSE)
    AND coalesce("createdAt" <= $11::bigint, FALSE)
    AND coalesce(("firstResponseAt" - "createdAt") >= $12::bigint AND ("firstResponseAt" - "createdAt") <= $13::bigint, FALSE)
    AND coalesce((strpos(lower("subject"), $14::text) > 0), FALSE)
    AND coalesce(("ticketId" IS NOT NULL) = $15::boolean, FALSE)
)
SELECT 'cell' AS part, b_period AS period, b_k AS k, CAST(NULL AS text) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period, b_k, b_s
UNION ALL
SELECT 'total' AS part, b_period AS period, CAST(NULL AS text) AS k, CAST(NULL AS text) AS s, CAST(NULL AS bigint) AS kt, CAST(NULL AS bigint) AS st, CAST(count(*) AS bigint) AS n, CAST(count(b_v) AS bigint) AS nv, CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY b_v) AS double precision) AS val, CAST(NULL AS bigint) AS rn
FROM base
GROUP BY b_period
-- params: [1767225600000,1782864000000,"closed","agent-1","sales","support","welcome",60000,0.5,100,1773532800000,0,3600000,"refund",true]
