import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, TextPrompt, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { PROMPT } from './ids';
import { dutchChoicePrompt, dutchConfirmPrompt } from './prompts';
import { HELP_TEXT } from '../texts';

/** "help", "stop" and "status" work everywhere in a conversation, also in the middle of a question. */
import { INTERRUPTIONS } from '../routes';

/** What every step dialog is started with: its case, and a notice to show before its question (a refusal, say). */
export interface StepOptions {
  readonly caseId: string;
  readonly notice?: string;
}

/** Shows the status of the conversation's case; supplied by the bot so dialogs need not know the cards. */
export type StatusReporter = (dc: DialogContext) => Promise<void>;

/**
 * The base of every step dialog (core-bot's CancelAndHelpDialog): interruptions are handled once, here, before
 * the question that is waiting sees the message.
 */
export abstract class BaseDialog extends ComponentDialog {
  protected constructor(id: string, private readonly reportStatus?: StatusReporter) {
    super(id);
    // The standard Dutch prompts, registered once for every step dialog (each sets its own initialDialogId).
    this.addDialog(new TextPrompt(PROMPT.text));
    this.addDialog(dutchChoicePrompt(PROMPT.choice));
    this.addDialog(dutchConfirmPrompt(PROMPT.confirm));
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const result = await this.interrupt(inner);
    return result ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = inner.context.activity;
    if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return undefined;
    const text = activity.text;
    if (INTERRUPTIONS.help.test(text)) {
      await inner.context.sendActivity(`${HELP_TEXT}\n\nJe was bezig met een vraag; je antwoord mag je gewoon typen.`);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (INTERRUPTIONS.stop.test(text)) {
      await inner.context.sendActivity('Gestopt. Wat je al hebt vastgelegd, is bewaard. Typ **verder** om later door te gaan.');
      return inner.cancelAllDialogs();
    }
    if (INTERRUPTIONS.status.test(text) && this.reportStatus) {
      await this.reportStatus(inner);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
