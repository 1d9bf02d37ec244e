/**
 * Layer rules (STYLE.md habit 10), checked by `npm test`:
 * the core (services/) knows nothing of the Bot Framework edge, and cards/ never reach into bot/.
 */
module.exports = {
  forbidden: [
    {
      name: 'services-not-to-bot',
      comment: 'services/ is the core: it must not import the bot edge.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^bot/' },
    },
    {
      name: 'services-not-to-botbuilder',
      comment: 'services/ must not depend on botbuilder (or any botframework package).',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: 'node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'services-not-to-cards',
      comment: 'services/ must not depend on card templates.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^cards/' },
    },
    {
      name: 'core-not-to-adapters',
      comment:
        'The core (services/ outside services/adapters/: the domain, the application services and their ports) never imports an adapter; adapters are chosen where the app is composed (bot/compose.ts).',
      severity: 'error',
      from: { path: '^services/(?!adapters/)' },
      to: { path: '^services/adapters/' },
    },
    {
      name: 'ports-only-speak-the-domain',
      comment: 'A port (services/ports/) names what the core needs in domain words: it imports only the domain model, domain errors and other ports.',
      severity: 'error',
      from: { path: '^services/ports/' },
      to: { path: '^services/(?!ports/|domain/model/|domain/errors)' },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain (model, state machine, texts, werkdagen) depends on no application service, port implementation or adapter.',
      severity: 'error',
      from: { path: '^services/domain/' },
      to: { path: '^services/(?!domain/|ports/clock)' },
    },
    {
      name: 'cards-not-to-bot',
      comment: 'cards/ binds data to templates; it must not import the bot edge.',
      severity: 'error',
      from: { path: '^cards/' },
      to: { path: '^bot/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|test|bench)/' },
  },
};
