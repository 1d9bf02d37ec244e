/**
 * The redacting processors on the real OpenTelemetry SDK: spans and log records shaped as the HTTP and Azure SDK
 * instrumentations make them (URLs with ids and tokens, queries, statements, exceptions) leave with only the
 * allowlisted attributes, each by the logger's rule.
 */
import { expect } from 'chai';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RedactingLogRecordProcessor, RedactingSpanProcessor, safeSpanName } from '../../bot/telemetry/redaction';

const NAME = 'Zwanetje Oosterhuis-Pijpelink';
const BSN = '111222333';
const CASE_ID = '6f1c2a4e-9b7d-4c3e-8a21-0d5f7e9b1c42';

describe('telemetry redaction', () => {
  const spans = new InMemorySpanExporter();
  const records = new InMemoryLogRecordExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor(spans)] });
  const loggerProvider = new LoggerProvider({ processors: [new RedactingLogRecordProcessor(), new SimpleLogRecordProcessor(records)] });
  const tracer = tracerProvider.getTracer('test');
  const logger = loggerProvider.getLogger('test');

  afterEach(() => {
    spans.reset();
    records.reset();
  });
  after(async () => {
    await tracerProvider.shutdown();
    await loggerProvider.shutdown();
  });

  it('keeps host, method and status of an outgoing call; drops its URL, path, query, headers and body', () => {
    const span = tracer.startSpan(`GET /v1.0/users?$filter=displayName eq '${NAME}'`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'GET',
        'url.full': `https://graph.microsoft.com/v1.0/users?$filter=displayName eq '${NAME}'&token=eyJ0eXAi`,
        'http.url': `https://smba.trafficmanager.net/emea/v3/conversations/a:1xyz/activities?bsn=${BSN}`,
        'http.target': `/v3/conversations/a:1xyz/activities/${BSN}`,
        'url.path': '/v3/conversations/a:1xyz/activities',
        'url.query': `bsn=${BSN}`,
        'server.address': 'graph.microsoft.com',
        'server.port': 443,
        'http.response.status_code': 200,
        'http.request.header.authorization': ['Bearer eyJ0eXAi'],
        'user_agent.original': 'node',
        'network.peer.address': '10.0.0.7',
      },
    });
    span.setAttribute('_MS.ProcessedByMetricExtractors', "(Name:'Dependencies', Ver:'1.1')");
    span.end();
    const [done] = spans.getFinishedSpans();
    expect(done?.name).to.equal('GET');
    expect(done?.attributes).to.deep.equal({
      'http.request.method': 'GET',
      'server.address': 'graph.microsoft.com',
      'server.port': 443,
      'http.response.status_code': 200,
      '_MS.ProcessedByMetricExtractors': "(Name:'Dependencies', Ver:'1.1')",
    });
  });

  it('drops a Cosmos DB statement and redacts an allowlisted attribute that holds free text or a BSN', () => {
    const span = tracer.startSpan('Items.query', {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system': 'cosmosdb',
        'db.namespace': 'helmond-aanpak',
        'db.collection.name': 'cases',
        'db.query.text': `SELECT * FROM c WHERE c.naam = '${NAME}'`,
        'db.statement': `SELECT * FROM c WHERE c.bsn = '${BSN}'`,
        'db.operation.name': NAME,
        'az.client_request_id': BSN,
      },
    });
    span.end();
    const [done] = spans.getFinishedSpans();
    expect(done?.name).to.equal('Items.query');
    expect(done?.attributes).to.deep.equal({
      'db.system': 'cosmosdb',
      'db.namespace': 'helmond-aanpak',
      'db.collection.name': 'cases',
      'db.operation.name': '[weggelaten]',
      'az.client_request_id': '[weggelaten]',
    });
  });

  it('keeps an exception\u2019s type, never its message or stack, nor the status message', () => {
    const span = tracer.startSpan(`handle ${NAME}`, { kind: SpanKind.SERVER });
    span.recordException(new TypeError(`Kan ${NAME} (${BSN}) niet vinden`));
    span.addEvent(`ontvangen van ${NAME}`, { tekst: NAME });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `mislukt voor ${BSN}` });
    span.end();
    const [done] = spans.getFinishedSpans();
    const text = JSON.stringify({ name: done?.name, attributes: done?.attributes, events: done?.events, status: done?.status });
    expect(text).to.not.contain('Zwanetje').and.not.contain(BSN);
    expect(done?.name).to.equal('[weggelaten]');
    expect(done?.events.map((e) => [e.name, e.attributes])).to.deep.equal([['exception', { 'exception.type': 'TypeError' }], ['[weggelaten]', {}]]);
    expect(done?.status).to.deep.equal({ code: SpanStatusCode.ERROR });
  });

  it('names spans by operation, method or fixed route only', () => {
    expect(safeSpanName('POST /api/messages', {})).to.equal('POST /api/messages');
    expect(safeSpanName('CosmosClient.getDatabaseAccount', {})).to.equal('CosmosClient.getDatabaseAccount');
    expect(safeSpanName('POST /v3/conversations/a:1/activities', { 'http.request.method': 'POST' })).to.equal('POST');
    expect(safeSpanName(`GET ${BSN}`, { 'http.method': 'GET' })).to.equal('GET');
    expect(safeSpanName(BSN, {})).to.equal('[weggelaten]');
  });

  it('drops a caseId from span attributes', () => {
    tracer.startSpan('Items.read', { kind: SpanKind.CLIENT, attributes: { caseId: CASE_ID, 'db.system': 'cosmosdb' } }).end();
    const [span] = spans.getFinishedSpans();
    expect(span?.attributes).to.deep.equal({ 'db.system': 'cosmosdb' });
  });

  it('never exports a caseId, not even a well-formed one (the stdout log keeps it: bot/logging.ts)', () => {
    logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'case.opened', attributes: { code: 'OK', caseId: CASE_ID } });
    const [record] = records.getFinishedLogRecords();
    expect(record?.attributes).to.deep.equal({ code: 'OK' });
    expect(JSON.stringify(record?.attributes)).to.not.contain(CASE_ID);
  });

  it('keeps a log record\u2019s event name and the logger\u2019s fields by the logger\u2019s rule; drops the rest', () => {
    logger.emit({
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: `Casus van ${NAME} mislukt`,
      eventName: 'bot.turn_error',
      attributes: { code: 'CASE.NOT_FOUND', caseId: BSN, status: 500, activityType: NAME, tekst: NAME, 'exception.message': NAME },
      exception: new Error(`BSN ${BSN}`),
    });
    logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'http.request', attributes: { route: '/api/messages', status: 200 } });
    const [failed, request] = records.getFinishedLogRecords();
    expect(failed?.body).to.equal('[weggelaten]');
    expect(failed?.eventName).to.equal('bot.turn_error');
    expect(failed?.attributes).to.deep.equal({ code: 'CASE.NOT_FOUND', status: 500, activityType: '[weggelaten]' });
    expect(request?.body).to.equal('http.request');
    expect(request?.attributes).to.deep.equal({ route: '/api/messages', status: 200 });
  });
});
