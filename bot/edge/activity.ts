import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isLoopbackHost } from '../config-values';

/** Optional in the activity: absent or null (both read as absent). */
const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const id = z.string().min(1).max(1024);
const shortText = z.string().max(1024);
const instant = z.string().max(64).refine((value) => !Number.isNaN(Date.parse(value)));

const account = z.looseObject({ id, name: opt(shortText), aadObjectId: opt(shortText), role: opt(shortText) });

/** A mention names who is mentioned; botbuilder's mention removal reads `mentioned.id` and `text`. */
const entity = z.union([
  z.looseObject({ type: z.literal('mention'), mentioned: z.looseObject({ id, name: opt(shortText) }), text: opt(z.string().max(4096)) }),
  z.looseObject({ type: shortText.refine((type) => type !== 'mention') }),
]);

const tenant = z.looseObject({ id: opt(shortText) });

/**
 * The shape of every activity Teams sends the bot, checked at the edge before any bot code runs. Fields the bot
 * or botbuilder reads have their type checked; anything else passes through untouched. A turn Teams never sends
 * (no sender, recipient or conversation, text that is not a string, entities that are no list) is refused here
 * with 400 instead of ending in a TypeError inside the turn.
 */
export const InboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: opt(id),
  serviceUrl: z.string().max(2048).refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
  channelId: z.string().min(1).max(64),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    conversationType: opt(shortText),
    tenantId: opt(shortText),
    isGroup: opt(z.boolean()),
    name: opt(shortText),
  }),
  text: opt(z.string()),
  textFormat: opt(shortText),
  locale: opt(shortText),
  name: opt(shortText),
  action: opt(shortText),
  replyToId: opt(shortText),
  entities: opt(z.array(entity).max(100)),
  attachments: opt(z.array(z.looseObject({ contentType: opt(shortText) })).max(50)),
  membersAdded: opt(z.array(account).max(1000)),
  membersRemoved: opt(z.array(account).max(1000)),
  channelData: opt(z.looseObject({ tenant: opt(tenant), eventType: opt(shortText) })),
  timestamp: opt(instant),
  localTimestamp: opt(instant),
  expiration: opt(instant),
});

/** The body as an activity, with its timestamps as dates (as botbuilder's own `process` does); undefined if not one. */
export function parseActivity(body: unknown): Activity | undefined {
  const parsed = InboundActivitySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const activity = parsed.data as unknown as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    } else {
      delete activity[field];
    }
  }
  return activity;
}

/** The tenants an activity names (conversation and channel data); Teams sends both, and they agree. */
export function tenantsOf(activity: Activity): string[] {
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return [activity.conversation.tenantId, fromChannelData].filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

/** An activity from an allowed tenant: it names at least one tenant, and every tenant it names is allowed. */
export function isAllowedTenant(activity: Activity, allowed: readonly string[]): boolean {
  const tenants = tenantsOf(activity);
  return tenants.length > 0 && tenants.every((tenant) => allowed.includes(tenant));
}

/** A service URL on this machine: the only place a bot without an app id answers to. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  if (!URL.canParse(serviceUrl)) return false;
  return isLoopbackHost(new URL(serviceUrl).hostname.replace(/^\[|\]$/g, ''));
}
