/**
 * Builders of activities shaped as Microsoft Teams sends them, for tests over HTTP or with a TestAdapter.
 * Users are pseudonymous test professionals: no real names.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';

export const TEST_TENANT_ID = '72f988bf-0000-4000-8000-00000000a001';
export const TEST_BOT_APP_ID = '00000000-0000-4000-8000-00000000b0b1';

/** A professional as Teams identifies them: the channel id and the AAD object id. */
export interface TeamsUser {
  readonly aadObjectId: string;
  readonly name?: string;
}

export const PROFESSIONAL_A: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-0000000000a1', name: 'Professional A' };

export interface TeamsContext {
  /** Where the bot must answer: the local connector's `serviceUrl`. */
  readonly serviceUrl: string;
  readonly user?: TeamsUser;
  readonly botAppId?: string;
  readonly tenantId?: string;
  /** Defaults to a personal chat between the user and the bot. */
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
}

function account(user: TeamsUser): ChannelAccount {
  return { id: `29:${user.aadObjectId}`, name: user.name ?? 'Professional', aadObjectId: user.aadObjectId };
}

/** The fields every Teams activity carries. */
function base(context: TeamsContext): Partial<Activity> {
  const user = context.user ?? PROFESSIONAL_A;
  const tenantId = context.tenantId ?? TEST_TENANT_ID;
  const botAppId = context.botAppId ?? TEST_BOT_APP_ID;
  const conversationType = context.conversationType ?? 'personal';
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: context.serviceUrl,
    timestamp: new Date(),
    locale: 'nl-NL',
    from: account(user),
    recipient: { id: `28:${botAppId}`, name: 'Helmond Aanpak' },
    conversation: {
      id: context.conversationId ?? `a:personal-${user.aadObjectId}`,
      conversationType,
      tenantId,
      isGroup: conversationType !== 'personal',
      name: '',
    },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A message typed by the user. */
export function teamsMessage(text: string, context: TeamsContext): Partial<Activity> {
  return { ...base(context), type: 'message', text, textFormat: 'plain' };
}

/**
 * A message in a group chat or a channel that mentions the bot (Teams only delivers those there): the text as Teams
 * sends it, with the `<at>` tag and its mention entity.
 */
export function teamsMention(text: string, context: TeamsContext): Partial<Activity> {
  const activity = base(context);
  const tag = '<at>Helmond Aanpak</at>';
  return { ...activity, type: 'message', text: `${tag} ${text}`, textFormat: 'plain', entities: [{ type: 'mention', mentioned: activity.recipient as ChannelAccount, text: tag }] };
}

/** A message carrying an `Action.Submit` payload. */
export function teamsSubmit(value: Record<string, unknown>, context: TeamsContext): Partial<Activity> {
  return { ...base(context), type: 'message', value };
}

/** The app was installed (personal scope by default). */
export function teamsInstallationAdd(context: TeamsContext): Partial<Activity> {
  return { ...base(context), type: 'installationUpdate', action: 'add' };
}

/** Members joined the conversation; by default the bot itself. */
export function teamsMembersAdded(context: TeamsContext, members?: ChannelAccount[]): Partial<Activity> {
  const activity = base(context);
  return {
    ...activity,
    type: 'conversationUpdate',
    membersAdded: members ?? [activity.recipient as ChannelAccount],
    channelData: { ...activity.channelData, eventType: 'teamMemberAdded' },
  };
}

/** An `Action.Execute` from an Adaptive Card: an `adaptiveCard/action` invoke. */
export function teamsCardAction(verb: string, data: Record<string, unknown>, context: TeamsContext): Partial<Activity> {
  return {
    ...base(context),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** POST an activity to the bot's `/api/messages` as a channel would; returns the HTTP status and body text. */
export async function postActivity(
  botUrl: string,
  activity: Partial<Activity>,
  authorization?: string,
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  return { status: response.status, body: await response.text() };
}
