import { expect } from 'chai';
import { FixedClock } from '../../services/ports/clock';
import { REDACTED, createLogger, silentLogger, type LogFields, type LogLevel } from '../../bot/logging';

/** A logger writing into an array of parsed lines. */
function recordingLogger(level?: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const stream = {
    write(chunk: string) {
      expect(chunk.endsWith('\n')).to.equal(true);
      lines.push(JSON.parse(chunk) as Record<string, unknown>);
      return true;
    },
  };
  const logger = createLogger({ stream, clock: new FixedClock('2026-11-23T10:00:00+01:00'), ...(level ? { level } : {}) });
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON line with time, level, event and the allowed fields', () => {
    const { logger, lines } = recordingLogger();
    const fields: LogFields = {
      code: 'CASE.DEEL_B_NOT_APPROVED',
      caseId: '3f2b8c1e-0d4a-4c55-9a57-1b2c3d4e5f60',
      step: 'plan',
      transition: 'geenUitzonderingNodig',
      durationMs: 12,
      store: 'file',
      route: '/api/messages',
    };
    logger.info('case.transition', fields);
    expect(lines).to.deep.equal([{ time: '2026-11-23T09:00:00.000Z', level: 'info', event: 'case.transition', ...fields }]);
  });

  it('drops lines below the level', () => {
    const { logger, lines } = recordingLogger('warn');
    logger.debug('a.debug');
    logger.info('a.info');
    logger.warn('a.warn');
    logger.error('a.error');
    expect(lines.map((line) => line.level)).to.deep.equal(['warn', 'error']);
  });

  it('defaults to info', () => {
    const { logger, lines } = recordingLogger();
    logger.debug('a.debug');
    logger.info('a.info');
    expect(lines).to.have.length(1);
  });

  it('drops fields outside the allowlist, even when a cast lets them through', () => {
    const { logger, lines } = recordingLogger();
    const sneaky = { status: 200, name: 'Jan Jansen', text: 'mijn hulpvraag', bsn: '111222333' } as unknown as LogFields;
    logger.info('http.request', sneaky);
    expect(lines[0]).to.deep.equal({ time: '2026-11-23T09:00:00.000Z', level: 'info', event: 'http.request', status: 200 });
  });

  const UNSAFE: [what: string, fields: LogFields][] = [
    ['a sentence', { code: 'Mevrouw de Vries heeft schulden' }],
    ['a name with a space', { step: 'Jan Jansen' }],
    ['a BSN as text', { caseId: '111222333' }],
    ['a BSN with dots', { caseId: '111.222.333' }],
    ['a BSN inside an identifier', { route: '/casus/111222333' }],
    ['a BSN as a number', { count: 111222333 }],
    ['an e-mail address', { store: 'jan@example.nl' }],
    ['a newline', { method: 'GET\nPOST' }],
    ['a non-finite number', { durationMs: Number.NaN }],
    ['an object', { code: { text: 'x' } as unknown as string }],
  ];
  for (const [what, fields] of UNSAFE) {
    it(`replaces ${what} by ${REDACTED}`, () => {
      const { logger, lines } = recordingLogger();
      logger.warn('privacy.check', fields);
      const [name] = Object.keys(fields);
      expect(lines[0]?.[name as string]).to.equal(REDACTED);
    });
  }

  it('truncates long identifiers to 100 characters', () => {
    const { logger, lines } = recordingLogger();
    logger.info('long.value', { route: `/${'a'.repeat(300)}` });
    expect(lines[0]?.route).to.have.length(100);
  });

  it('keeps numbers that are no BSN, such as ports and counts', () => {
    const { logger, lines } = recordingLogger();
    logger.info('bot.started', { port: 3978, count: 0, status: 503 });
    expect(lines[0]).to.include({ port: 3978, count: 0, status: 503 });
  });

  it('refuses free text as an event name', () => {
    const { logger, lines } = recordingLogger();
    logger.error('Casus van Jan Jansen mislukt');
    expect(lines[0]?.event).to.equal(REDACTED);
  });

  it('silentLogger writes nothing and accepts every call', () => {
    expect(() => {
      silentLogger.debug('x');
      silentLogger.info('x', { port: 1 });
      silentLogger.warn('x');
      silentLogger.error('x');
    }).not.to.throw();
    expect(Object.isFrozen(silentLogger)).to.equal(true);
  });
});
