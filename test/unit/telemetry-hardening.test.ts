/**
 * Telemetry that cannot be steered by a client or stop the bot: a card action's verb is counted as a known
 * constant or `onbekend`; telemetry failing to start leaves the bot without it (and the global providers free);
 * the logger's sink forwards no caseId while the stdout log keeps it.
 */
import { expect } from 'chai';
import { trace } from '@opentelemetry/api';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { CASUS_OPENEN, DEELB_AKKOORD } from '../../cards/verbs';
import { createLogger } from '../../bot/logging';
import { countTurn, UNKNOWN_VERB } from '../../bot/telemetry/request-span';
import { startTelemetry, startTelemetrySafely, type Telemetry } from '../../bot/telemetry/telemetry';
import type { MetricAttributes, MetricName } from '../../services/ports/metrics';

const CASE_ID = '6f1c2a4e-9b7d-4c3e-8a21-0d5f7e9b1c42';

describe('telemetry hardening', () => {
  describe('helmond.card_actions: the verb', () => {
    function counted(activity: { type: string; name?: string; value?: unknown }): (MetricAttributes & { name: MetricName })[] {
      const seen: (MetricAttributes & { name: MetricName })[] = [];
      countTurn({ count: (name, attributes) => seen.push({ name, ...attributes }) }, activity);
      return seen.filter((c) => c.name === 'card_actions');
    }

    it('is a verb of cards/verbs.ts, for Action.Execute and Action.Submit', () => {
      expect(counted({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: DEELB_AKKOORD } } })).to.deep.equal([
        { name: 'card_actions', activityType: 'invoke', verb: DEELB_AKKOORD },
      ]);
      expect(counted({ type: 'message', value: { verb: CASUS_OPENEN } })).to.deep.equal([{ name: 'card_actions', activityType: 'message', verb: CASUS_OPENEN }]);
    });

    it('is onbekend for anything else the client sends, identifier-like or not, or nothing', () => {
      for (const verb of ['casus.wissen', 'a1b2c3d4', 'Zwanetje', '', 42, undefined]) {
        const [count] = counted({ type: 'message', value: { verb } });
        expect(count?.verb, String(verb)).to.equal(UNKNOWN_VERB);
      }
      expect(counted({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: 'x'.repeat(50) } } })[0]?.verb).to.equal(UNKNOWN_VERB);
      expect(counted({ type: 'message' })).to.deep.equal([]);
    });
  });

  describe('startTelemetrySafely', () => {
    it('any error from starting is a code, never a message, and the bot goes on without telemetry', async () => {
      const typeError = await startTelemetrySafely({ telemetry: { connectionString: 'InstrumentationKey=x' } } as never, async () => {
        throw new TypeError('Cannot read properties of undefined (secret)');
      });
      expect(typeError).to.deep.equal({ failedWith: 'TypeError' });
      expect(await startTelemetrySafely({ telemetry: undefined }, () => Promise.reject('a string with spaces'))).to.deep.equal({ failedWith: 'string' });
      const weird = Object.assign(new Error('x'), { name: 'Not a name: 111222333' });
      expect(await startTelemetrySafely({ telemetry: undefined }, () => Promise.reject(weird))).to.deep.equal({ failedWith: 'Error' });
    });

    it('without a connection string: no telemetry, no failure', async () => {
      expect(await startTelemetrySafely({ telemetry: undefined })).to.deep.equal({});
    });

    it('a start that registered a provider and then failed leaves the globals free for the next start', async () => {
      const failed = await startTelemetrySafely({ telemetry: undefined }, async () => {
        trace.setGlobalTracerProvider(new BasicTracerProvider());
        throw new Error('distro failed halfway');
      });
      expect(failed.failedWith).to.equal('Error');
      const spans = new InMemorySpanExporter();
      const telemetry = (await startTelemetry({ telemetry: undefined }, { spanExporter: spans })) as Telemetry;
      try {
        trace.getTracer('test').startSpan('Items.read').end();
        expect(spans.getFinishedSpans().map((s) => s.name)).to.deep.equal(['Items.read']);
      } finally {
        await telemetry.shutdown();
      }
    });
  });

  describe('caseId', () => {
    it('stays in the stdout log but is not forwarded as a telemetry log record', async () => {
      const records = new InMemoryLogRecordExporter();
      const telemetry = (await startTelemetry({ telemetry: undefined }, { logExporter: records })) as Telemetry;
      try {
        const lines: string[] = [];
        const logger = createLogger({ stream: { write: (line: string) => lines.push(line) > 0 }, sink: telemetry.logSink });
        logger.info('case.opened', { caseId: CASE_ID, code: 'OK' });
        expect(JSON.parse(lines[0] ?? '{}')).to.include({ event: 'case.opened', caseId: CASE_ID, code: 'OK' });
        const exported = records.getFinishedLogRecords();
        expect(exported.map((r) => [r.body, r.attributes])).to.deep.equal([['case.opened', { code: 'OK' }]]);
      } finally {
        await telemetry.shutdown();
      }
    });
  });
});
