/**
 * The data the turn benchmark runs on, made before any measurement, each store in its own DATA_DIR (a snapshot the
 * rounds then copy or use):
 *
 * - store A, 1,500 cases: 600 professionals who each typed `nieuwe casus`, a hulpvraag, one household member,
 *   `klaar` and `ja` through the real bot over HTTP, so each has a real case in stap 2 and a real dialog waiting for
 *   the answer to **Ik wil**; plus 900 cases in stap 5B with Deel B (€ 1.250) submitted and an open approval
 *   request, written through the CaseStore from the voorbeeldcasus' state machine run, the approval card
 *   delivered to the asked leidinggevende's personal chat (so a decision updates a real sent copy), on ten teams
 *   with a doorbraakbudget each. 600 further professionals only ever typed `help` (for the help scenario).
 * - store B100 and store B10k, 100 and 10,000 cases at a mix of steps (written in the embedded store's file format
 *   and read back through FileCaseStore, which checks each against the case schema), for "mijn casussen": 20 and 250
 *   professionals, the casusregisseur and (from stap 3 on) a betrokken professional on each case, so every
 *   professional is on 9.5 and 76 cases on average.
 *
 * Every professional has used the bot once here, so their conversation reference and bot state exist before the
 * measured turns (the connector's address stays the same for the whole run).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createApp } from '../../bot/app';
import { ApprovalCards } from '../../bot/card-actions/approval-cards';
import { periodsAt } from '../../services/budget/period';
import { ApprovalDelivery } from '../../bot/card-actions/approval-delivery';
import { compose } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { caseSchema, type Case } from '../../services/domain/model/case';
import type { Step } from '../../services/domain/model/steps';
import { SentCards, sentCardsDocument } from '../../services/notify/sent-cards';
import type { CaseStore } from '../../services/ports/case-store';
import { systemClock } from '../../services/ports/clock';
import { FileVersionedStore } from '../../services/adapters/file/file-versioned-store';
import { caseAt, PEOPLE, VOORBEELD } from '../../test/support/stappenplan-driver';
import { postActivity, teamsMessage, type TeamsUser } from '../../test/support/teams-activities';

/** Teams users of the benchmark: AAD object ids in GUID form, one personal conversation each. */
export const benchUser = (group: number, n: number): TeamsUser => ({
  aadObjectId: `${group.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString().padStart(12, '0')}`,
  name: 'Professional',
});

export const WAITING = 600;
export const APPROVAL_CASES = 900;
export const APPROVERS = 20;
export const TEAMS = 10;
export const IDLE = 600;
export const LIST_STORES = [
  { name: 'B100', cases: 100, professionals: 20 },
  { name: 'B10k', cases: 10_000, professionals: 250 },
] as const;

export const waitingUser = (i: number) => benchUser(0xa1, i);
export const idleUser = (i: number) => benchUser(0xa2, i);
export const approverUser = (i: number) => benchUser(0xa3, i);
export const listUser = (store: number, i: number) => benchUser(0xb0 + store, i);

export const HULPVRAAG = 'Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.';

export interface ApprovalTarget {
  readonly caseId: string;
  readonly requestId: string;
  readonly approver: TeamsUser;
}

export interface Prepared {
  readonly storeA: string;
  readonly listStores: readonly { readonly dir: string; readonly cases: number; readonly professionals: number; readonly perProfessional: { readonly member: number; readonly open: number } }[];
  /** In press order: consecutive presses are on different teams' budgets. */
  readonly approvals: readonly ApprovalTarget[];
  readonly seconds: number;
}

/** Run `work` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

/** A bot on `dataDir` in this process for the preparation, with the raw case store at hand. */
async function prepBot(dataDir: string) {
  let store: CaseStore | undefined;
  const config = loadConfig({ DATA_DIR: dataDir });
  const runtime = await compose(config, {
    wrapStore: (s) => {
      store = s;
      return s;
    },
  });
  const app = await createApp(config, { bot: runtime.bot, logger: silentLogger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
  runtime.notifier.attach(app.adapter, undefined);
  const botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  app.ready();
  return {
    runtime,
    store: store as CaseStore,
    botUrl,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

async function say(botUrl: string, serviceUrl: string, user: TeamsUser, text: string): Promise<void> {
  const { status } = await postActivity(botUrl, teamsMessage(text, { serviceUrl, user }));
  if (status !== 200) throw new Error(`Preparation: "${text}" answered ${status}`);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** n as six Crockford base-32 digits: a unique kenmerk per case. */
const crockford = (n: number) => Array.from({ length: 6 }, (_, i) => CROCKFORD[Math.floor(n / 32 ** (5 - i)) % 32]).join('');

/**
 * A voorbeeldcasus case as the state machine made it, moved onto benchmark people and ids by replacing the
 * driver's ids in its JSON (ids, kenmerk, team, the people), then checked against the case schema.
 */
function retarget(template: Case, n: number, people: { regisseur: string; second: string; approver: string }, teamId: string, validate = true): Case {
  const reference = `HA-2026-${crockford(n)}`;
  let text = JSON.stringify(template)
    .replaceAll(PEOPLE.regisseur.userId, people.regisseur)
    .replaceAll(PEOPLE.schuldhulp.userId, people.second)
    .replaceAll(PEOPLE.leidinggevende.userId, people.approver)
    .replaceAll(PEOPLE.procesregisseur.userId, people.approver)
    .replaceAll('"case-000001"', `"bench-${n.toString().padStart(6, '0')}"`)
    .replaceAll('"HA-2026-7K3FQ9"', `"${reference}"`)
    .replaceAll('"wijkteam-noord"', `"${teamId}"`);
  text = text.replace(/"id-(\d{6})"/g, (_, d: string) => `"id${n}x${d}"`);
  const c = JSON.parse(text) as Case;
  const moved = { ...c, memberIds: [...c.memberIds].sort() };
  return validate ? caseSchema.parse(moved) : moved;
}

const deelBTemplate = (): Case => VOORBEELD.deelB(caseAt('onderbouwing')).run('regisseur', { type: 'requestApproval', askedUserIds: [PEOPLE.leidinggevende.userId] }).case;

/** Store A: 600 waiting dialogs, 900 open Deel B requests with delivered cards, 600 idle professionals. */
async function prepareStoreA(dir: string, serviceUrl: string, progress: (line: string) => void): Promise<ApprovalTarget[]> {
  mkdirSync(dir, { recursive: true });
  const roles = Object.fromEntries(Array.from({ length: APPROVERS }, (_, i) => [approverUser(i).aadObjectId, ['leidinggevende']]));
  writeFileSync(path.join(dir, 'directory.json'), JSON.stringify(roles, null, 1));
  const bot = await prepBot(dir);
  try {
    const waiting = Array.from({ length: WAITING }, (_, i) => waitingUser(i));
    for (const text of ['nieuwe casus', HULPVRAAG, 'inwoner Moeder (M1) 38', 'klaar', 'ja']) {
      await pool(waiting, 10, (user) => say(bot.botUrl, serviceUrl, user, text));
    }
    const inStap2 = (await Promise.all(waiting.map((u) => bot.store.listByMember(u.aadObjectId)))).filter((p) => p.items.length === 1 && p.items[0]?.case.step === 'vraagverheldering');
    if (inStap2.length !== WAITING) throw new Error(`Preparation: ${inStap2.length} of ${WAITING} professionals have a case in stap 2`);
    progress(`store A: ${WAITING} dialogs waiting for "Ik wil" (5 turns each over HTTP)`);

    const idle = Array.from({ length: IDLE }, (_, i) => idleUser(i));
    const approvers = Array.from({ length: APPROVERS }, (_, i) => approverUser(i));
    await pool([...idle, ...approvers], 10, (user) => say(bot.botUrl, serviceUrl, user, 'help'));

    const period = periodsAt(systemClock.now()).year;
    for (let t = 0; t < TEAMS; t++) {
      await bot.runtime.ledger.setBudget({ teamId: `wijkteam-${t}`, period, amountCents: 20_000_000, by: approvers[0]?.aadObjectId as string, at: systemClock.now().toUTC().toISO() as string });
    }
    const template = deelBTemplate();
    const sent = new SentCards(await FileVersionedStore.open(dir, 'sentCards', sentCardsDocument));
    const delivery = new ApprovalDelivery(bot.runtime.services, bot.runtime.services.approvals, new ApprovalCards(), bot.runtime.notifier, sent);
    const targets: ApprovalTarget[] = [];
    await pool(
      Array.from({ length: APPROVAL_CASES }, (_, i) => i),
      10,
      async (i) => {
        const regisseur = waitingUser(i % WAITING).aadObjectId;
        const approver = approverUser(i % APPROVERS);
        const c = retarget(template, i, { regisseur, second: waitingUser((i + WAITING / 2) % WAITING).aadObjectId, approver: approver.aadObjectId }, `wijkteam-${i % TEAMS}`);
        await bot.store.create(c);
        const requestId = c.approvals[0]?.id as string;
        const { reached } = await delivery.deliver({ userId: regisseur, orgRoles: [] }, c.id, requestId);
        if (reached !== 1) throw new Error('Preparation: an approval card was not delivered');
        targets[i] = { caseId: c.id, requestId, approver };
      },
    );
    progress(`store A: ${APPROVAL_CASES} open Deel B requests, cards delivered to ${APPROVERS} leidinggevenden; ${IDLE} idle professionals`);
    return targets;
  } finally {
    await bot.close();
  }
}

/** The steps of the listing stores' cases, in a repeating mix: 40 % closed, 60 % open at various steps. */
const LIST_STEPS: readonly Step[] = ['afgesloten', 'uitvoering', 'vraagverheldering', 'afgesloten', 'mdo', 'uitvoering', 'afgesloten', 'plan', 'evaluatie', 'afgesloten'];

async function prepareListStore(dir: string, serviceUrl: string, index: number, cases: number, professionals: number) {
  mkdirSync(path.join(dir, 'cases'), { recursive: true });
  const templates = new Map<Step, Case>(LIST_STEPS.map((step) => [step, caseAt(step).case]));
  const users = Array.from({ length: professionals }, (_, i) => listUser(index, i));
  const ids: string[] = [];
  await pool(
    Array.from({ length: cases }, (_, i) => i),
    20,
    async (i) => {
      const block = Math.floor(i / professionals);
      const regisseur = users[i % professionals]?.aadObjectId as string;
      // A second professional on every case past stap 2: a bijection per block of cases.
      const second = users[(i + 1 + (block % (professionals - 1))) % professionals]?.aadObjectId as string;
      const step = LIST_STEPS[(i + block) % LIST_STEPS.length] as Step;
      // Checked by the case schema when the store reads it (below), not twice.
      const c = retarget(templates.get(step) as Case, 100_000 * (index + 1) + i, { regisseur, second, approver: second }, 'wijkteam-0', false);
      ids.push(c.id);
      // The embedded store's own file format ({etag, document}, one file per case, read back by FileCaseStore.open
      // below); written without an fsync each, to save time: this is test data, not a measured write.
      await writeFile(path.join(dir, 'cases', `${c.id}.json`), JSON.stringify({ etag: randomUUID(), document: c }));
    },
  );
  const bot = await prepBot(dir);
  try {
    // Every file read back as a valid case (a file that fails the schema would make get() throw).
    for (const id of ids) if (!(await bot.store.get(id))) throw new Error(`Preparation: case ${id} was not stored`);
    await pool(users, 10, (user) => say(bot.botUrl, serviceUrl, user, 'help'));
    const member = await Promise.all(users.map((u) => bot.store.listByMember(u.aadObjectId, { includeClosed: true, pageSize: 100 })));
    const open = await Promise.all(users.map((u) => bot.store.listByMember(u.aadObjectId, { pageSize: 100 })));
    const average = (pages: { items: readonly unknown[] }[]) => Math.round((pages.reduce((sum, p) => sum + p.items.length, 0) / users.length) * 10) / 10;
    return { member: average(member), open: average(open) };
  } finally {
    await bot.close();
  }
}

export async function prepare(root: string, serviceUrl: string, progress: (line: string) => void): Promise<Prepared> {
  const started = Date.now();
  const storeA = path.join(root, 'snapshot-A');
  // Store A is bound by its bot-state writes, the listing stores by case writes: made side by side.
  const [approvals, listStores] = await Promise.all([
    prepareStoreA(storeA, serviceUrl, progress),
    (async () => {
      const made: Prepared['listStores'][number][] = [];
      for (const [index, spec] of LIST_STORES.entries()) {
        const dir = path.join(root, `snapshot-${spec.name}`);
        const perProfessional = await prepareListStore(dir, serviceUrl, index, spec.cases, spec.professionals);
        made.push({ dir, cases: spec.cases, professionals: spec.professionals, perProfessional });
        progress(`store ${spec.name}: ${spec.cases} cases, ${spec.professionals} professionals, each on ${perProfessional.member} on average (${perProfessional.open} open)`);
      }
      return made;
    })(),
  ]);
  return { storeA, listStores, approvals, seconds: (Date.now() - started) / 1000 };
}
