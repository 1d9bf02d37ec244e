/**
 * Telemetry without personal data: a case over HTTP, as Teams would send it, with the inwoner's name and a
 * BSN-shaped number typed into it (and into a refused request's URL and body), through an approval, a delivered
 * notification and a reminder, with the real OpenTelemetry SDK and in-memory exporters behind the bot's own
 * processors. Nothing captured holds either string; the request spans and the counters are there. The case's id
 * (a pseudonym) is in the stdout log but nowhere in what telemetry exports.
 */
import { expect } from 'chai';
import { request } from 'node:http';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { DEELB_AKKOORD } from '../../cards/verbs';
import { createLogger } from '../../bot/logging';
import { startTelemetry, type Telemetry } from '../../bot/telemetry/telemetry';
import type { Case } from '../../services/domain/model/case';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { caseAt, PEOPLE } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction } from '../support/teams-activities';

const INWONER = 'Zwanetje Oosterhuis-Pijpelink';
/** Nine digits that pass the elfproef: the product refuses it in free text, so it must not leak on the way. */
const BSN = '111222333';
const FORBIDDEN = [INWONER, 'Zwanetje', 'Oosterhuis', 'Pijpelink', BSN];

const directory = new StaticDirectory(Object.fromEntries(Object.values(PEOPLE).map((p) => [p.userId, p.orgRoles])));

/** POST raw bytes to the bot, as a caller that is not Teams could; the status. */
function postRaw(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('telemetry: a case with an inwoner\u2019s name and a BSN leaves neither in spans, logs or metrics', function () {
  this.timeout(60_000);
  const spans = new InMemorySpanExporter();
  const logRecords = new InMemoryLogRecordExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const metricReader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const logLines: string[] = [];
  let telemetry: Telemetry;
  let logger: ReturnType<typeof createLogger>;
  let bot: BotOverHttp;
  let c: Case;
  /** The posts to /api/messages: activities that ran (of which the bot answered some with 400), and refused at the edge. */
  const posts = { turns: 0, answered400: 0, refused: 0 };

  const say = (...args: Parameters<BotOverHttp['say']>) => (posts.turns++, bot.say(...args));
  const press = (...args: Parameters<BotOverHttp['press']>) => (posts.turns++, bot.press(...args));

  before(async () => {
    telemetry = (await startTelemetry({ telemetry: undefined }, { spanExporter: spans, logExporter: logRecords, metricReader })) as Telemetry;
    logger = createLogger({ level: 'debug', stream: { write: (line: string) => logLines.push(line) > 0 }, sink: telemetry.logSink });
    bot = await startBotOverHttp(directory, { metrics: telemetry.metrics, logger });
    c = caseAt('onderbouwing').case;
    await bot.store.create({ ...c, teamId: 'wijkteam-noord' });
    await bot.ledger.setBudget({ teamId: 'wijkteam-noord', period: '2026', amountCents: 1_000_000, by: 'aad-beheerder-1', at: '2026-11-23T09:00:00.000Z' });
    for (const person of ['regisseur', 'leidinggevende'] as const) await say(person, 'help');
  });
  after(async () => {
    await bot?.close();
    await telemetry?.shutdown();
  });

  it('walks the case, then finds neither string anywhere and the expected spans and counts', async () => {
    // A new case, its hulpvraag in the inwoner's words: with the BSN it is refused, without it the case is opened.
    await say('regisseur', 'nieuwe casus');
    expect(await say('regisseur', `${INWONER} (BSN ${BSN}) krijgt een brief dat ze het huis uit moet.`)).to.match(/BSN/);
    expect(await say('regisseur', `${INWONER} krijgt een brief dat ze het huis uit moet.`)).to.match(/is aangemaakt/);
    await say('regisseur', 'stop');

    // Deel B of the seeded case, with the name and the BSN in the professional's text; submitted and approved.
    await say('regisseur', `casus ${c.reference}`);
    expect(await say('regisseur', 'verder')).to.match(/Stap 5B[\s\S]*beknopte situatiebeschrijving/);
    expect(await say('regisseur', `${INWONER}, BSN ${BSN}, huurachterstand van drie maanden.`)).to.match(/BSN/);
    expect(await say('regisseur', `${INWONER} met twee kinderen, huurachterstand van drie maanden.`)).to.match(/dreigend scenario/);
    await say('regisseur', `Huisuitzetting van ${INWONER} binnen 8 weken.`);
    await say('regisseur', 'De reguliere schuldhulproute duurt 10 weken; de ontruiming komt eerder.');
    await say('regisseur', 'Een uitzetting en tijdelijke opvang kosten vele malen meer.');
    await say('regisseur', 'De Participatiewet staat een eenmalige betaling toe.');
    await say('regisseur', `De corporatie stopt de procedure; ${INWONER} tekent het plan.`);
    await bot.choose('regisseur', 'Doorbraakbudget');
    posts.turns++;
    expect(await say('regisseur', '€ 1.250,00')).to.match(/leefgebied/);
    await bot.choose('regisseur', 'Huisvesting');
    posts.turns++;
    await say('regisseur', `Huurachterstand van ${INWONER} betalen zodat de ontruiming stopt.`);
    expect(await say('regisseur', 'ja')).to.contain('Deel B is ingediend ter beoordeling.');
    const requestId = (await bot.store.get(c.id))?.case.approvals.at(-1)?.id as string;
    expect(await press('leidinggevende', DEELB_AKKOORD, { caseId: c.id, requestId })).to.match(/Akkoord, door/);
    // A forged card action whose verb and data are the name and the BSN: the turn runs, the bot answers 400.
    posts.turns++;
    posts.answered400++;
    expect((await postActivity(bot.botUrl, teamsCardAction(INWONER, { caseId: BSN, reden: INWONER }, bot.as('leidinggevende')))).status).to.equal(400);
    expect(await say('regisseur', 'verder')).to.contain('staat nu in **stap 6 (uitvoering)**');

    // Refused at the edge: the BSN in the query string, the name in a body that is no activity.
    posts.refused++;
    expect(await postRaw(`${bot.botUrl}/api/messages?bsn=${BSN}&naam=${encodeURIComponent(INWONER)}`, JSON.stringify({ naam: INWONER, bsn: BSN }))).to.equal(400);

    // The dispatcher delivers the news of the changes, and a day after an action's date its reminder.
    bot.connector.reset();
    expect(await bot.deliver()).to.be.greaterThan(0);
    bot.clock.set('2026-12-01T09:30:00');
    bot.connector.reset();
    expect(await bot.deliver()).to.be.greaterThan(0);
    expect(JSON.stringify(bot.connector.calls)).to.contain('Herinnering');

    // An event about the case, as the bot logs one: its caseId stays in the stdout log only.
    logger.info('case.opened', { caseId: c.id, code: 'OK' });

    await metricReader.forceFlush();
    const finished = spans.getFinishedSpans();
    const logged = logRecords.getFinishedLogRecords();
    const resourceMetrics: ResourceMetrics[] = metricExporter.getMetrics();

    // Everything captured, every field, serialised.
    const captured = JSON.stringify({
      spans: finished.map((s) => ({ name: s.name, kind: s.kind, attributes: s.attributes, events: s.events, links: s.links, status: s.status, resource: s.resource.attributes, scope: s.instrumentationScope })),
      logs: logged.map((r) => ({ body: r.body, eventName: r.eventName, severity: r.severityText, attributes: r.attributes, resource: r.resource.attributes })),
      metrics: resourceMetrics,
      lines: logLines,
    });
    for (const text of FORBIDDEN) expect(captured, text).to.not.contain(text);
    // No caseId leaves in telemetry (spans, log records, metrics); the stdout log has it.
    const exported = JSON.stringify(JSON.parse(captured), (key, value: unknown) => (key === 'lines' ? undefined : value));
    expect(exported).to.not.contain(c.id);
    expect(exported).to.not.contain('caseId');
    expect(logLines.join('')).to.contain(c.id);
    expect(logged.map((r) => r.body)).to.include('case.opened');

    // A request span per post, named by the fixed route, with the activity type and the outcome.
    const requests = finished.filter((s) => s.name === 'POST /api/messages');
    expect(requests).to.have.length(posts.turns + posts.refused);
    const outcomes = requests.map((s) => s.attributes['bot.outcome']);
    expect(outcomes.filter((o) => o === 'ok')).to.have.length(posts.turns - posts.answered400);
    expect(outcomes.filter((o) => o === 'refused')).to.have.length(posts.answered400 + posts.refused);
    for (const span of requests) {
      expect(span.attributes).to.include({ 'http.request.method': 'POST', 'http.route': '/api/messages' });
      expect(span.attributes['http.response.status_code']).to.equal(span.attributes['bot.outcome'] === 'ok' ? 200 : 400);
    }
    expect(requests.filter((s) => s.attributes['bot.activity_type'] === 'invoke').map((s) => s.attributes['bot.outcome'])).to.deep.equal(['ok', 'refused']);
    expect(requests.filter((s) => s.attributes['bot.activity_type'] === 'message')).to.have.length(posts.turns - 2);
    // Refused before it was an activity: no activity type, the refusal's code.
    expect(requests.find((s) => s.attributes['bot.activity_type'] === undefined)?.attributes).to.deep.include({ 'http.response.status_code': 400, 'bot.outcome': 'refused', 'bot.code': 'invalid_activity' });

    // The logger's events as log records, by name and with their fields.
    expect(logged.map((r) => r.body)).to.include.members(['http.request', 'http.refused']);

    // The counters.
    const counts = new Map<string, { value: number; attributes: Record<string, unknown> }[]>();
    for (const metric of (resourceMetrics.at(-1)?.scopeMetrics ?? []).flatMap((s) => s.metrics)) {
      counts.set(metric.descriptor.name, metric.dataPoints.map((p) => ({ value: p.value as number, attributes: p.attributes })));
    }
    const total = (name: string) => (counts.get(name) ?? []).reduce((sum, p) => sum + p.value, 0);
    expect(total('helmond.turns')).to.equal(posts.turns);
    expect(total('helmond.card_actions')).to.be.at.least(2);
    // The forged verb is counted as `onbekend`: the verb is one of cards/verbs.ts or that, never what a client sent.
    expect(counts.get('helmond.card_actions')?.map((p) => p.attributes.verb)).to.include(DEELB_AKKOORD).and.include('onbekend').and.not.include('[weggelaten]');
    expect(counts.get('helmond.approvals_decided')).to.deep.equal([{ value: 1, attributes: { outcome: 'akkoord' } }]);
    expect(total('helmond.notifications_delivered')).to.be.at.least(1);
    expect(total('helmond.reminders_sent')).to.be.at.least(1);
  });
});
