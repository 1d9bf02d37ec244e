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
