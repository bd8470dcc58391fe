import * as z from 'zod/mini';
import { nullableTimestampSchema, timestampSchema } from './timestamp.ts';

const nullableString = z._default(z.nullable(z.string()), null);

export const propertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PropertyValue = z.output<typeof propertyValueSchema>;

/**
 * Custom properties. Checked key by key (not with z.record, which drops a `__proto__` key) and
 * copied into a prototype-less object, so keys such as `__proto__` or `constructor` from hostile
 * data stay plain keys and never reach Object.prototype.
 */
const propertiesSchema = z.pipe(
  z._default(
    z.custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      { error: 'must be an object of custom properties' },
    ),
    {},
  ),
  z.transform((bag: Record<string, unknown>, ctx) => {
    const safe: Record<string, PropertyValue> = Object.create(null);
    for (const key of Object.keys(bag)) {
      const value = bag[key];
      if (propertyValueSchema.safeParse(value).success) safe[key] = value as PropertyValue;
      else
        ctx.issues.push({
          code: 'custom',
          message: 'must be text, a number, true/false or null',
          path: [key],
          input: value,
        });
    }
    return safe;
  }),
);

export const conversationSchema = z.object({
  id: z.string().check(z.minLength(1, { error: 'must be a non-empty string' })),
  channel: z.string().check(z.minLength(1, { error: 'must be a non-empty string such as "chat" or "email"' })),
  status: z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' }),
  inboxId: z.string(),
  assigneeId: nullableString,
  createdAt: timestampSchema,
  firstResponseAt: nullableTimestampSchema,
  closedAt: nullableTimestampSchema,
  chatflowId: nullableString,
  pageUrl: nullableString,
  ticketId: nullableString,
  subject: nullableString,
  contactName: nullableString,
  contactEmail: nullableString,
  properties: propertiesSchema,
});

export type Conversation = z.output<typeof conversationSchema>;
/** What an adapter may hand over: ISO strings allowed, optional fields may be missing. */
export type ConversationInput = z.input<typeof conversationSchema>;

export const lookupsSchema = z.object({
  assignees: z._default(z.array(z.object({ id: z.string(), name: z.string(), teamId: z.optional(z.string()) })), []),
  inboxes: z._default(z.array(z.object({ id: z.string(), name: z.string() })), []),
  chatflows: z._default(z.array(z.object({ id: z.string(), name: z.string() })), []),
  /** (v2) Names of the teams assignees' `teamId` refer to. */
  teams: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
});

export type Lookups = z.output<typeof lookupsSchema>;
export type LookupsInput = z.input<typeof lookupsSchema>;
