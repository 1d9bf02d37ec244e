/**
 * Is a text the bot sends plain Dutch for a professional? `assertPlainDutch(text)` fails when it carries
 * validation jargon: a schema field name (`amountCents`, `(bij toelichting)`), zod's English or Dutch-locale
 * phrases ("Expected number, received string", "Ongeldige invoer", "ontving"), JavaScript leftovers
 * ("undefined", "NaN", "[object Object]", "TypeError:") or JSON. Made for fuzzing the HTTP edge: the field names
 * are collected once from the zod schemas, every check is one precompiled regular expression, and normal Dutch
 * (bot/texts.ts, ERROR_MESSAGES, the dialogs' sentences) passes.
 *
 * Use it on what the bot itself says. A text that echoes the professional's own words may contain anything.
 */
import { AssertionError } from 'node:assert';
import { z } from 'zod';
import { CARD_PAYLOADS } from '../../bot/card-payload';
import * as approval from '../../services/domain/model/approval';
import * as caseModel from '../../services/domain/model/case';
import * as escalation from '../../services/domain/model/escalation';
import * as fields from '../../services/domain/model/fields';
import * as household from '../../services/domain/model/household';
import * as leefgebieden from '../../services/domain/model/leefgebieden';
import * as mdo from '../../services/domain/model/mdo';
import * as roles from '../../services/domain/model/roles';
import * as samenwerkplan from '../../services/domain/model/samenwerkplan';
import * as ledger from '../../services/budget/ledger';
import * as commands from '../../services/domain/stappenplan/commands';
import * as machine from '../../services/domain/stappenplan/machine';

/** The modules whose zod schemas name the fields: the case model, the commands, the ledger and the card payloads. */
const SCHEMA_MODULES: readonly Record<string, unknown>[] = [
  approval, caseModel, escalation, fields, household, leefgebieden, mdo, roles, samenwerkplan, ledger, commands, machine, CARD_PAYLOADS,
];

interface FieldNames {
  /** Every object key of every schema (`toelichting`, `caseId`, `wie`). */
  readonly keys: ReadonlySet<string>;
  /** Keys and enum or literal values written as identifiers, which no Dutch sentence contains (`amountCents`, `meerInformatie`, `zrm_financien`). */
  readonly identifiers: ReadonlySet<string>;
}

function collectFieldNames(): FieldNames {
  const keys = new Set<string>();
  const values = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const key of Object.keys(o.properties)) keys.add(key);
    if (o.patternProperties && typeof o.patternProperties === 'object') walk(Object.values(o.patternProperties));
    if (Array.isArray(o.enum)) for (const v of o.enum) if (typeof v === 'string') values.add(v);
    if (typeof o.const === 'string') values.add(o.const);
    for (const v of Object.values(o)) walk(v);
  };
  const schemas = SCHEMA_MODULES.flatMap((module) => Object.values(module).flatMap((v) => (Array.isArray(v) ? v : [v]))).filter((v): v is z.ZodType => v instanceof z.ZodType);
  for (const schema of schemas) walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  const identifier = (name: string) => /^[a-z]+(?:[A-Z]|_)\w*$/.test(name);
  return { keys, identifiers: new Set([...keys, ...values].filter(identifier)) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: Iterable<string>) => [...names].sort((a, b) => b.length - a.length).map(escape).join('|');

interface Check {
  readonly problem: string;
  readonly pattern: RegExp;
}

let compiled: { names: FieldNames; checks: readonly Check[] } | undefined;

/** Built on first use: the field names and one regular expression per kind of jargon. */
function checks() {
  if (compiled) return compiled;
  const names = collectFieldNames();
  const keys = alternation(names.keys);
  compiled = {
    names,
    checks: [
      { problem: 'a schema identifier', pattern: new RegExp(`(?<![\\w-])(?:${alternation(names.identifiers)})(?![\\w-])`) },
      // Lowercase keys are often Dutch words ("toelichting"): only where they stand as a field, never in a sentence.
      { problem: 'a field path', pattern: new RegExp(`\\(bij (?:${keys})(?:\\.[\\w.]+)?\\)|(?<![\\w-])(?:${keys})\\.[A-Za-z_]|[A-Za-z_]\\.(?:${keys})(?![\\w-])`) },
      { problem: 'a quoted field name', pattern: new RegExp(`(["'\`])(?:${keys})\\1|(?:^|\\n)\\s*(?:${keys})\\s*[:=]`) },
      { problem: 'zod or JavaScript English', pattern: /\b(?:invalid|expected|required|received|undefined|null|NaN|string|number|boolean|bigint)\b|\[object \w+\]|\b\w*Error\b:?/i },
      { problem: "zod's Dutch locale", pattern: /Ongeldige (?:invoer|optie|tekst|key|waarde|getal)|\bontving\b|Onbekende keys?:|\bverwacht (?:dat|één van|instanceof)|Te (?:groot|klein|lang|kort|laat|vroeg): |[<>]=?\s?\d/ },
      { problem: 'an enum listing', pattern: /"[^"\n]*"\|"/ },
      { problem: 'JSON', pattern: /^\s*[{[][\s\S]*[}\]]\s*$|[{,]\s*"[^"\n]{1,80}"\s*:/ },
    ],
  };
  return compiled;
}

/** What is wrong with the text, one line per kind of jargon found; empty when it is plain Dutch. */
export function plainDutchProblems(text: string): string[] {
  if (typeof text !== 'string') return [`not a text but ${typeof text}`];
  const problems: string[] = [];
  for (const { problem, pattern } of checks().checks) {
    const found = pattern.exec(text);
    if (found) problems.push(`${problem}: ${JSON.stringify(found[0].trim())}`);
  }
  return problems;
}

/** Throws (an AssertionError naming what was found) unless the text is plain Dutch. */
export function assertPlainDutch(text: string, what = 'text'): void {
  const problems = plainDutchProblems(text);
  if (problems.length === 0) return;
  throw new AssertionError({ message: `${what} is not plain Dutch (${problems.join('; ')}): ${JSON.stringify(text)}`, actual: text, operator: 'assertPlainDutch' });
}

/** The field names the check knows, for tests of the check itself. */
export const schemaFieldNames = (): FieldNames => checks().names;
