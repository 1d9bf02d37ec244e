import { TeamsActivityHandler } from 'botbuilder';
import { WELCOME_TEXT } from './texts';

/** The commands the hint lists, in the order a new professional needs them. */
export const HINT_COMMANDS = ['nieuwe casus', 'mijn casussen', 'casus <kenmerk>', 'status', 'help'] as const;

/** The answer to a message the bot does not (yet) route to a command. */
export const HINT_TEXT = [
  'Dat begreep ik niet. Je kunt deze opdrachten typen:',
  ...HINT_COMMANDS.map((command) => `- **${command}**`),
].join('\n');

/**
 * A minimal Teams turn handler: a Dutch welcome when the app is installed and a Dutch hint for every message.
 * The command routes and dialogs grow on top of it.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onInstallationUpdateAdd(async (turn, next) => {
      await turn.sendActivity(WELCOME_TEXT);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      // Teams also sends installationUpdate, which already greeted: greet here only on channels that do not
      // (Web Chat, the Emulator), and only when the bot itself joined, so new team members are not spammed.
      const botJoined = (turn.activity.membersAdded ?? []).some((member) => member.id === turn.activity.recipient?.id);
      if (botJoined && turn.activity.channelId !== 'msteams') await turn.sendActivity(WELCOME_TEXT);
      await next();
    });
    this.onMessage(async (turn, next) => {
      await turn.sendActivity(HINT_TEXT);
      await next();
    });
  }
}
