/**
 * Fuzzing the HTTP edge with fast-check: a few thousand activities and card payloads, shaped like Teams' and then
 * bent (fields missing or of another type, unknown verbs and invokes, other cases, strangers, group chats), sent
 * over real HTTP to the real bot on the embedded file store. For every one: no 5xx, no unhandled rejection; a request
 * the edge refuses changes no file under DATA_DIR, and a refused card action changes no case or state file; every
 * text the bot says is plain Dutch, free of schema field names. Bounded in time.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import { compose, type Runtime } from '../../bot/compose';
import { HANDLED_INVOKES } from '../../bot/unhandled-invokes';
import { VERBS } from '../../cards/verbs';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import { FixedClock } from '../../services/ports/clock';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { sequentialIds } from '../support/bot-services';
import { keuzeTexts } from '../support/bot-over-http';
import { startLocalConnector, type LocalConnector } from '../support/local-connector';
import { assertPlainDutch } from '../support/plain-dutch';
import { T0 } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsMessage, teamsSubmit, type TeamsContext, type TeamsUser } from '../support/teams-activities';

const MEMBER: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-0000000000f1', name: 'Professional F' };
const STRANGER: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-0000000000f2', name: 'Professional G' };
const APPROVER: TeamsUser = { aadObjectId: '00000000-0000-4000-8000-0000000000f3', name: 'Professional H' };
/** The fuzz stops after this long, however many runs it reached (CI on two cores reaches a few thousand). */
const TIME_LIMIT_MS = 30_000;

/** Words for typed text: Dutch, commands and numbers, never anything a check for jargon would rightly flag. */
const WORDS = [
  'ja', 'nee', 'klaar', 'stop', 'help', 'status', 'verder', 'budget', 'casus', 'nieuwe', 'mijn', 'casussen', 'deel', 'a',
  'aanjager', 'inwoner', 'kind', 'Moeder', 'huis', 'schulden', 'werk', 'rust', 'brief', '38', '9', '1.000', '2.500,50',
  '-', 'n.v.t.', '€', '12-12-2026', '10:00', 'HA-2026-AAAAA1', 'HA-2026-ZZZZZ9', '0', '99999999999', '1', '2', '3',
  'MDO', 'plan', 'lukt', 'loop', 'vast', 'ik', 'wil', 'kan', 'heb', 'nodig', 'leefgebied', 'financiën', '**', '<at>',
];
const typed = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((words) => words.join(' '));
/** Any JSON value whose strings are typed text: what a card input could hold, or a forged payload. */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    typed,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('caseId', 'verb', 'requestId', 'escalationId', 'mdoId', 'reden', 'bedrag', 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const FIELDS = [
  'caseId', 'requestId', 'escalationId', 'mdoId', 'reden', 'toelichting', 'continuationToken', 'moment', 'datum', 'tijd', 'waar',
  'wat', 'wie', 'wanneer', 'score', 'opmerking', 'rol', 'bedrag', 'amountCents', 'nummer', 'zrm_financien', 'checklist',
];

describe('fuzzing the HTTP edge: activities and card payloads (embedded store, anonymous mode)', function () {
  this.timeout(TIME_LIMIT_MS * 2 + 30_000);
  let dataDir: string;
  let runtime: Runtime;
  let app: App;
  let botUrl: string;
  let connector: LocalConnector;
  let caseId: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'edge-fuzz-'));
    connector = await startLocalConnector();
    const config = loadConfig({ DATA_DIR: dataDir });
    runtime = await compose(config, {
      clock: new FixedClock(T0),
      ids: sequentialIds(),
      directory: new StaticDirectory({ [APPROVER.aadObjectId]: ['leidinggevende', 'procesregisseur', 'beheerder', 'aanjager'] }),
    });
    app = await createApp(config, { bot: runtime.bot, logger: silentLogger, ...(runtime.downloads ? { downloads: runtime.downloads } : {}) });
    botUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    runtime.notifier.attach(app.adapter, undefined);
    app.ready();
    // A case of MEMBER's, with its dialog waiting for the household.
    const member = { serviceUrl: connector.serviceUrl, user: MEMBER };
    for (const text of ['nieuwe casus', 'Ik krijg een brief dat we het huis uit moeten.']) await postActivity(botUrl, teamsMessage(text, member));
    const [file] = await readdir(path.join(dataDir, 'cases'));
    caseId = path.basename(file as string, '.json');
    connector.reset();
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await app.close();
    await runtime.close();
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Every file under DATA_DIR with a hash of its content; `audit/` apart, since a refused read is audited as such. */
  async function snapshot(): Promise<{ state: string[]; audit: string[] }> {
    const state: string[] = [];
    const audit: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name !== '.lock') {
          const name = path.relative(dataDir, full);
          // The audit trail only grows: its size tells whether anything was appended.
          if (name.startsWith('audit')) audit.push(`${name} ${(await stat(full)).size}`);
          else state.push(`${name} ${createHash('sha256').update(await readFile(full)).digest('hex')}`);
        }
      }
    };
    await walk(dataDir);
    return { state: state.sort(), audit: audit.sort() };
  }

  const who = fc.constantFrom(MEMBER, STRANGER, APPROVER);
  const context = fc.record({
    user: who,
    conversationType: fc.constantFrom<'personal' | 'groupChat' | 'channel'>('personal', 'personal', 'personal', 'groupChat', 'channel'),
    foreignServiceUrl: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  });
  const toContext = (c: { user: TeamsUser; conversationType: 'personal' | 'groupChat' | 'channel'; foreignServiceUrl: boolean }): TeamsContext => ({
    serviceUrl: c.foreignServiceUrl ? 'https://smba.trafficmanager.net/emea/' : connector.serviceUrl,
    user: c.user,
    conversationType: c.conversationType,
    ...(c.conversationType === 'personal' ? {} : { conversationId: `19:groep-${c.conversationType}@thread.v2` }),
  });

  /** A few fields of a Teams activity bent out of shape: removed, or replaced by any JSON value. */
  const bend = fc.array(
    fc.record({
      field: fc.constantFrom('from', 'recipient', 'conversation', 'text', 'entities', 'channelData', 'serviceUrl', 'channelId', 'type', 'timestamp', 'attachments', 'value', 'name', 'locale', 'id'),
      to: fc.option(jsonValue, { nil: undefined }),
    }),
    { maxLength: 2 },
  );
  const mention = fc.record({ type: fc.constant('mention'), text: fc.constant('<at>Helmond Aanpak</at>'), mentioned: fc.record({ id: fc.constantFrom('28:bot', 'x'), name: fc.constant('Helmond Aanpak') }) });

  const cardData = fc
    .record({
      verb: fc.oneof(fc.constantFrom(...VERBS), typed),
      useCase: fc.constantFrom('own', 'other', 'none', 'wrongType'),
      extra: fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 5 }),
    })
    .map(({ verb, useCase, extra }) => ({
      verb,
      data: {
        ...extra,
        ...(useCase === 'own' ? { caseId } : useCase === 'other' ? { caseId: 'id-999999' } : useCase === 'wrongType' ? { caseId: 42 } : {}),
      },
    }));

  const activity = fc.oneof(
    fc.record({ kind: fc.constant('message' as const), c: context, text: typed, mention: fc.option(mention, { nil: undefined }), bend }),
    fc.record({ kind: fc.constant('submit' as const), c: context, card: cardData, bend }),
    fc.record({ kind: fc.constant('execute' as const), c: context, card: cardData, bend }),
    fc.record({
      kind: fc.constant('invoke' as const),
      c: context,
      name: fc.oneof(fc.constantFrom(...HANDLED_INVOKES, 'task/fetch', 'task/submit', 'composeExtension/query', 'config/fetch', 'application/search', 'signin/verifyState'), typed),
      value: jsonValue,
      bend,
    }),
    fc.record({
      kind: fc.constant('other' as const),
      c: context,
      type: fc.constantFrom('conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing', 'endOfConversation', 'messageUpdate', 'messageDelete', 'onbekend'),
      bend,
    }),
  );

  function build(spec: object): Record<string, unknown> {
    const s = spec as { kind: string; c: Parameters<typeof toContext>[0]; bend: { field: string; to?: unknown }[] } & Record<string, unknown>;
    const ctx = toContext(s.c);
    let a: Partial<Activity>;
    if (s.kind === 'message') {
      a = teamsMessage(s.text as string, ctx);
      if (s.mention) a = { ...a, text: `<at>Helmond Aanpak</at> ${a.text ?? ''}`, entities: [s.mention as never] };
    } else if (s.kind === 'submit') {
      const card = s.card as { verb: string; data: Record<string, unknown> };
      a = teamsSubmit({ ...card.data, verb: card.verb }, ctx);
    } else if (s.kind === 'execute') {
      const card = s.card as { verb: string; data: Record<string, unknown> };
      a = teamsCardAction(card.verb, card.data, ctx);
    } else if (s.kind === 'invoke') {
      a = { ...teamsMessage('', ctx), type: 'invoke', name: s.name as string, value: s.value, text: undefined };
    } else {
      a = { ...teamsMessage('', ctx), type: s.type as string, text: undefined };
    }
    const out = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
    for (const { field, to } of s.bend) {
      if (to === undefined) delete out[field];
      else out[field] = to;
    }
    return out;
  }

  /** What the bot said to a person in this turn: the texts of its activities and, for an invoke, its error message. */
  function saidTexts(responseBody: string): string[] {
    const texts = connector.calls.flatMap((call) => {
      const body = call.body as { text?: unknown; attachments?: { contentType?: string; content?: { text?: unknown } }[] };
      return [body.text, ...keuzeTexts(body.attachments ?? [])].filter((t): t is string => typeof t === 'string' && t.length > 0);
    });
    if (responseBody) {
      const answer = JSON.parse(responseBody) as { value?: { message?: unknown }; message?: unknown; task?: { value?: unknown } };
      for (const t of [answer.value?.message, answer.message, answer.task?.value]) if (typeof t === 'string') texts.push(t);
    }
    return texts;
  }

  it('never answers 5xx, never leaves a rejection unhandled, changes nothing on a refusal, and speaks plain Dutch', async () => {
    let runs = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(activity, async (spec) => {
        runs++;
        connector.reset();
        const before = await snapshot();
        const body = build(spec);
        const response = await postActivity(botUrl, body as Partial<Activity>);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, JSON.stringify(body)).to.be.below(500);
        const after = await snapshot();
        const edgeRefused = response.status >= 400 && /^\{"error":/.test(response.body);
        if (edgeRefused) {
          expect(after, 'a request the edge refused changed a file').to.deep.equal(before);
          expect(connector.calls, 'a request the edge refused reached the connector').to.deep.equal([]);
        } else if (response.status >= 400) {
          expect(after.state, 'a refused card action changed a case or state file').to.deep.equal(before.state);
        }
        for (const text of saidTexts(response.body)) assertPlainDutch(text);
        expect(unhandled, 'unhandled rejections').to.deep.equal([]);
      }),
      { numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    // A floor, not a speed test: the property must really have been tried on many inputs.
    expect(runs, 'runs within the time limit').to.be.above(300);
    // The generator reaches both sides: turns that run and refusals at the edge.
    expect(statuses.get(200) ?? 0).to.be.above(runs / 10);
    expect([...statuses.keys()].filter((s) => s >= 400).length).to.be.above(1);
  });
});
