import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { HINT_COMMANDS, TeamsBot } from '../../bot/teams-bot';
import {
  teamsInstallationAdd,
  teamsMembersAdded,
  teamsMessage,
  type TeamsContext,
} from '../support/teams-activities';

const CONTEXT: TeamsContext = { serviceUrl: 'https://test.invalid/' };

/** Run one activity through a fresh TeamsBot and return the texts it sent. */
async function repliesTo(activity: Partial<Activity>): Promise<string[]> {
  const bot = new TeamsBot();
  const adapter = new TestAdapter((turn) => bot.run(turn));
  await adapter.processActivity(activity);
  return adapter.activeQueue.map((reply) => String(reply.text ?? ''));
}

describe('TeamsBot', () => {
  it('welcomes in Dutch when the app is installed', async () => {
    const replies = await repliesTo(teamsInstallationAdd(CONTEXT));
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/^Welkom bij de Helmond Aanpak-assistent\./);
    expect(replies[0]).to.include('nieuwe casus');
  });

  it('welcomes once when the bot joins a conversation on a channel without installationUpdate', async () => {
    const replies = await repliesTo({ ...teamsMembersAdded(CONTEXT), channelId: 'webchat' });
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/^Welkom bij de Helmond Aanpak-assistent\./);
  });

  it('does not greet twice in Teams, where installationUpdate already greeted', async () => {
    expect(await repliesTo(teamsMembersAdded(CONTEXT))).to.deep.equal([]);
  });

  it('does not greet when another member joins', async () => {
    const member = { id: '29:someone-else', name: 'Professional B' };
    expect(await repliesTo({ ...teamsMembersAdded(CONTEXT, [member]), channelId: 'webchat' })).to.deep.equal([]);
  });

  it('answers a message with a Dutch hint listing the commands', async () => {
    const replies = await repliesTo(teamsMessage('hallo', CONTEXT));
    expect(replies).to.have.length(1);
    expect(replies[0]).to.match(/^Dat begreep ik niet\./);
    for (const command of HINT_COMMANDS) expect(replies[0]).to.include(`**${command}**`);
  });
});
