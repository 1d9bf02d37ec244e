import { expect } from 'chai';

// The package's lib/ is extensionless ESM that Node cannot load; its bundled build works in Node for parsing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** Teams' people picker: an Input.ChoiceSet whose choices come from this query (the organisation's users). */
export const TEAMS_PEOPLE_PICKER = { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } as const;

/**
 * What the library says of a Teams people picker in a 1.5 card: it dates `choices.data` to 1.6 and wants at least one
 * choice, while Teams renders the picker in 1.5 cards with `"choices": []` (learn.microsoft.com, Teams platform,
 * "People Picker in Adaptive Cards"). Only these, once per picker, are expected.
 */
function peoplePickerEvents(card: unknown): { parse: string[]; validation: string[] } {
  const pickers: { choices?: unknown[] }[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const data = value && typeof value === 'object' ? (value as Record<string, unknown>)['choices.data'] : undefined;
    if (data !== undefined) {
      expect(data, 'the only Data.Query Teams knows for people').to.deep.equal(TEAMS_PEOPLE_PICKER);
      pickers.push(value as { choices?: unknown[] });
    }
    return value;
  });
  return {
    parse: pickers.map(() => 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.'),
    validation: pickers.filter((p) => (p.choices ?? []).length === 0).map(() => 'An Input.ChoiceSet must have at least one choice defined.'),
  };
}

/**
 * What the library says of a Teams chart (Chart.VerticalBar, Chart.Line, …; learn.microsoft.com, Teams platform,
 * "Charts in Adaptive Cards"): it does not know the element and uses its fallback. A chart without a fallback would
 * leave clients without charts with nothing, so every chart must carry one; then this one event per chart is expected.
 */
function chartEvents(card: unknown): string[] {
  const events: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const type = value && typeof value === 'object' ? (value as Record<string, unknown>)['type'] : undefined;
    if (typeof type === 'string' && type.startsWith('Chart.')) {
      expect((value as Record<string, unknown>)['fallback'], `${type} needs a fallback for clients without charts`).to.not.equal(undefined);
      events.push(`Unknown element type "${type}". Fallback will be used if present.`);
    }
    return value;
  });
  return events;
}

/**
 * Parse a card with the Adaptive Cards library at the version Teams supports (1.5): no warnings, no errors (but
 * for what it says of a Teams people picker, which Teams renders in 1.5 cards, and of a Teams chart with its fallback).
 */
export function expectValidCard(card: unknown): void {
  expect(JSON.stringify(card)).to.not.contain('${');
  expect((card as { version?: string }).version).to.equal('1.5');
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const events = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  const expected = peoplePickerEvents(card);
  expect(events, 'parse events').to.deep.equal([...chartEvents(card), ...expected.parse]);
  expect(parsed.validateProperties().validationEvents.map((e) => e.message), 'validation events').to.deep.equal(expected.validation);
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

/** Every object in a card with the given `type` (a TextBlock, an Input.Date, an Action.Execute), depth first. */
export function elementsOf(card: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === type) found.push(value as Record<string, unknown>);
    return value;
  });
  return found;
}

/** Every text of a card's TextBlocks and FactSets (title, then value), in the order the card shows them. */
export function textsOf(card: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const v = value as { type?: unknown; text?: unknown; facts?: { title: string; value: string }[] } | null;
    if (v?.type === 'TextBlock') found.push(String(v.text));
    if (v?.type === 'FactSet') found.push(...(v.facts ?? []).flatMap((f) => [f.title, f.value]));
    return value;
  });
  return found;
}
