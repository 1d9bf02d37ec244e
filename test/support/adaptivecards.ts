import { expect } from 'chai';

// The package's lib/ is extensionless ESM that Node cannot load; its bundled build works in Node for parsing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** Parse a card with the Adaptive Cards library at the version Teams supports (1.5): no warnings, no errors. */
export function expectValidCard(card: unknown): void {
  expect(JSON.stringify(card)).to.not.contain('${');
  expect((card as { version?: string }).version).to.equal('1.5');
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  expect(events, 'parse events').to.deep.equal([]);
  expect(parsed.validateProperties().validationEvents.map((e) => e.message), 'validation events').to.deep.equal([]);
}

/** Every Action.Submit data.verb and selectAction verb in a card. */
export function verbsOf(card: unknown): string[] {
  const verbs: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'data' && value && typeof value === 'object' && 'verb' in value) verbs.push(String((value as { verb: unknown }).verb));
    return value;
  });
  return verbs;
}
