/**
 * Group chats and channels over HTTP: everyone there reads what the bot posts, so no case content is ever posted
 * there and nothing typed there is taken as an answer. A case command runs in the sender's personal chat instead,
 * each person in their own dialog.
 */
import { expect } from 'chai';
import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { ConversationMemberState } from '../../bot/conversation-member-state';
import { StaticDirectory } from '../../services/adapters/memory/static-directory';
import { startBotOverHttp, type BotOverHttp } from '../support/bot-over-http';
import { PEOPLE, type Person } from '../support/stappenplan-driver';
import { postActivity, teamsCardAction, teamsMention, teamsMessage, type TeamsContext } from '../support/teams-activities';
import { GROUP_ANSWERED_PERSONALLY, GROUP_NO_PERSONAL_CHAT, GROUP_NOT_HERE } from '../../bot/texts';
import { DEELB_AKKOORD } from '../../cards/verbs';

const GROUP = '19:overleg-wijkteam@thread.v2';
const CHANNEL = '19:kanaal-casuistiek@thread.tacv2';
const HULPVRAAG = 'Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.';
const HULPVRAAG_B = 'De schulden lopen op en de energie wordt afgesloten.';

describe('group chats and channels: no case content, every sender in their own dialog in their personal chat', function () {
  this.timeout(30_000);
  let bot: BotOverHttp;

  const inGroup = (person: Person, conversationId = GROUP, conversationType: TeamsContext['conversationType'] = 'groupChat'): TeamsContext => ({
    ...bot.as(person),
    conversationId,
    conversationType,
  });
  /** Every call the bot made to a group chat or channel since the start of the test file. */
  const groupCalls = () => everything.filter((call) => call.conversationId === GROUP || call.conversationId === CHANNEL);
  const everything: BotOverHttp['connector']['calls'][number][] = [];

  /** A mention in a group; what the group read, and what the sender's personal chat got, in that turn. */
  async function mention(person: Person, text: string, where = inGroup(person)): Promise<{ group: string; personal: string }> {
    bot.connector.reset();
    const response = await postActivity(bot.botUrl, teamsMention(text, where));
    expect(response.status).to.equal(200);
    everything.push(...bot.connector.calls);
    const textOf = (calls: typeof bot.connector.calls) =>
      calls.map((c) => [c.body.text ?? '', ...(c.body.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n')).join('\n');
    return { group: textOf(bot.connector.calls.filter((c) => c.conversationId === where.conversationId)), personal: textOf(bot.chatOf(person)) };
  }

  async function personally(person: Person, text: string): Promise<string> {
    const answer = await bot.say(person, text);
    everything.push(...bot.connector.calls);
    return answer;
  }

  before(async () => {
    bot = await startBotOverHttp(new StaticDirectory({}));
    // Both have used the bot in their personal chat once, so the bot can continue there.
    await personally('regisseur', 'help');
    await personally('schuldhulp', 'help');
  });
  after(() => bot.close());

  it('two users start a case from one group chat: each dialog runs in its own personal chat, the group reads only where it went', async () => {
    const a = await mention('regisseur', 'nieuwe casus');
    expect(a.group).to.equal(GROUP_ANSWERED_PERSONALLY);
    expect(a.personal).to.match(/hulpvraag/i);

    const b = await mention('schuldhulp', 'nieuwe casus');
    expect(b.group).to.equal(GROUP_ANSWERED_PERSONALLY);
    expect(b.personal).to.match(/hulpvraag/i);

    // An answer typed in the group is not taken: it would put the inwoner's words in front of everyone.
    const typedInGroup = await mention('regisseur', HULPVRAAG);
    expect(typedInGroup.group).to.equal(GROUP_NOT_HERE);
    expect(typedInGroup.personal).to.equal('');

    // Each answers in their own personal chat and goes on in their own dialog.
    expect(await personally('regisseur', HULPVRAAG)).to.match(/huishouden|gezin|inwoner/i);
    expect(await personally('schuldhulp', HULPVRAAG_B)).to.match(/huishouden|gezin|inwoner/i);
  });

  it('a case command in a group or a channel answers in the personal chat; help answers in the group without case content', async () => {
    const list = await mention('regisseur', 'mijn casussen');
    expect(list.group).to.equal(GROUP_ANSWERED_PERSONALLY);
    expect(list.personal).to.match(/Mijn casussen|casus/i);

    const inChannel = await mention('regisseur', 'status', inGroup('regisseur', CHANNEL, 'channel'));
    expect(inChannel.group).to.equal(GROUP_ANSWERED_PERSONALLY);

    const help = await mention('schuldhulp', 'help');
    expect(help.group).to.match(/persoonlijke chat/).and.match(/mijn casussen/);
    expect(help.personal).to.equal('');
  });

  it('someone the bot has no personal chat with yet is told where to go, and nothing else is sent', async () => {
    const answer = await mention('aanjager', 'mijn casussen');
    expect(answer.group).to.equal(GROUP_NO_PERSONAL_CHAT);
    expect(answer.personal).to.equal('');
  });

  it('a card pressed in a group shows nothing of a case', async () => {
    bot.connector.reset();
    const response = await postActivity(bot.botUrl, teamsCardAction(DEELB_AKKOORD, { caseId: 'case-000001', requestId: 'id-000001' }, inGroup('regisseur')));
    expect(response.status).to.equal(200);
    expect(response.body).to.include('persoonlijke chat').and.not.include('Deel B ter beoordeling');
    expect(bot.connector.calls).to.have.length(0);
  });

  it('over the whole file: no hulpvraag, kenmerk, card or case step was ever posted to the group or the channel', () => {
    expect(groupCalls().length).to.be.greaterThan(5);
    for (const call of groupCalls()) {
      // The help text's example kenmerk is no case's.
      const posted = JSON.stringify(call.body).replaceAll('casus HA-2026-7K3FQ9', 'casus <voorbeeld>');
      expect(posted).not.to.include('huis uit').and.not.include('schulden lopen');
      expect(posted, posted).not.to.match(/HA-\d{4}-[A-Z0-9]{5}/);
      expect(call.body.attachments ?? [], 'no cards in a group').to.have.length(0);
    }
  });
});

describe('dialog state in a group conversation is kept per member', () => {
  it('two members of one group chat have their own key; a personal chat keeps the key it always had', () => {
    const state = new ConversationMemberState(new MemoryStorage());
    const adapter = new TestAdapter();
    const keyOf = (activity: ReturnType<typeof teamsMessage>) => state.getStorageKey(new TurnContext(adapter, activity));
    const group = (person: Person) => teamsMessage('x', { serviceUrl: 'http://127.0.0.1/', user: { aadObjectId: PEOPLE[person].userId }, conversationId: GROUP, conversationType: 'groupChat' });
    expect(keyOf(group('regisseur'))).to.not.equal(keyOf(group('schuldhulp')));
    expect(keyOf(group('regisseur'))).to.equal(`msteams/conversations/${GROUP}/users/${PEOPLE.regisseur.userId}`);
    const personal = teamsMessage('x', { serviceUrl: 'http://127.0.0.1/', user: { aadObjectId: PEOPLE.regisseur.userId } });
    expect(keyOf(personal)).to.equal(`msteams/conversations/a:personal-${PEOPLE.regisseur.userId}/`);
  });
});
