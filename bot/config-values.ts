/**
 * How the text of one environment variable is read: GUIDs, loopback hosts, tenant lists, roles, budget tiers and
 * Application Insights connection strings.
 * Each reader answers undefined for text it cannot read; config.ts turns that into a Dutch message naming the variable.
 */
import type { ApprovalPolicy } from '../services/domain/model/approval';
import { ORG_ROLES, type OrgRole } from '../services/domain/model/roles';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loopback addresses: the only ones a bot without an app id listens on by default. */
export function isLoopbackHost(host: string): boolean {
  return /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|localhost)$/i.test(host);
}

export function parseTenants(value: string): string[] | undefined {
  const tenants = value.split(',').map((t) => t.trim()).filter(Boolean);
  return tenants.length > 0 && tenants.every((t) => GUID.test(t)) ? tenants.map((t) => t.toLowerCase()) : undefined;
}

export function parseRoles(value: string): OrgRole[] | undefined {
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  return roles.length > 0 && roles.every((r) => (ORG_ROLES as readonly string[]).includes(r)) ? (roles as OrgRole[]) : undefined;
}

export function parseTiers(value: string): ApprovalPolicy['budgetTiers'] | undefined {
  const tiers = value.split(',').map((part) => /^\s*(\d{1,9})\s*=\s*([a-z]+(?:\|[a-z]+)*)\s*$/.exec(part));
  if (tiers.length === 0 || tiers.some((t) => !t)) return undefined;
  const parsed = tiers.map((t) => ({ upToCents: Number((t as RegExpExecArray)[1]) * 100, roles: parseRoles(((t as RegExpExecArray)[2] as string).replace(/\|/g, ',')) }));
  if (parsed.some((t) => !t.roles) || parsed.some((t, i) => i > 0 && t.upToCents <= (parsed[i - 1] as { upToCents: number }).upToCents)) return undefined;
  return parsed as ApprovalPolicy['budgetTiers'];
}


/**
 * An Application Insights connection string: `key=value` parts separated by `;`, an InstrumentationKey that is a
 * GUID, and every `…Endpoint` an https address.
 */
export function isAppInsightsConnectionString(value: string): boolean {
  const parts = value.split(';').map((part) => part.trim()).filter(Boolean);
  const pairs = parts.map((part) => {
    const at = part.indexOf('=');
    return at > 0 ? ([part.slice(0, at).trim(), part.slice(at + 1).trim()] as const) : undefined;
  });
  if (pairs.length === 0 || pairs.some((pair) => pair === undefined)) return false;
  const entries = new Map(pairs as (readonly [string, string])[]);
  if (!GUID.test(entries.get('InstrumentationKey') ?? '')) return false;
  return [...entries].every(([key, v]) => !key.endsWith('Endpoint') || (URL.canParse(v) && new URL(v).protocol === 'https:'));
}
