import type { CaseService } from '../cases/case-service';
import { DomainError } from '../domain/errors';
import type { Case } from '../domain/model/case';
import { MAX_SNOOZE_DAYS, type Reminder } from '../domain/model/reminder';
import type { Actor } from '../domain/model/roles';
import type { Directory } from '../ports/directory';
import { reminderNews, type ReminderNews } from '../notify/reminder-message';

/** A reminder of the actor's, with the case as they may see it and what the reminder says to them now. */
export interface ReminderSeen {
  readonly case: Case;
  readonly reminder: Reminder;
  /** Undefined when it is no longer true (the action was done, the request decided). */
  readonly news?: ReminderNews;
}

/**
 * What a professional does with a reminder (the buttons of the reminder card): mark its action done, put it off once,
 * or escalate a request that waits too long. Each is a command on the case, decided by the state machine (who may mark
 * an action done, whether the reminder may be put off, whether escalating is allowed now); this only finds what the
 * reminder is about.
 */
export class ReminderActions {
  constructor(
    private readonly cases: CaseService,
    private readonly directory: Directory,
  ) {}

  /** The actor's own reminder on the case, as it reads now; REMINDER.NOT_FOUND when it is not theirs. */
  async seen(actor: Actor, caseId: string, reminderId: string): Promise<ReminderSeen> {
    const { case: c } = await this.cases.get(actor, caseId);
    const reminder = c.reminders.find((r) => r.id === reminderId && r.to === actor.userId);
    if (!reminder) throw new DomainError('REMINDER.NOT_FOUND', 'Deze herinnering is niet (meer) voor jou.');
    const ctx = this.cases.context(actor);
    const news = reminderNews(c, reminder, ctx.kalender, ctx.now, MAX_SNOOZE_DAYS);
    return { case: c, reminder, ...(news ? { news } : {}) };
  }

  /** *Gedaan*: the reminder's action is done (setActieStatus, with the machine's rights on Deel A). */
  async done(actor: Actor, caseId: string, reminderId: string): Promise<Case> {
    const { reminder } = await this.seen(actor, caseId, reminderId);
    if (reminder.kind !== 'actie') throw new DomainError('REMINDER.NOT_FOUND', 'Bij deze herinnering hoort geen actie om af te vinken.');
    return this.cases.execute(actor, caseId, { type: 'setActieStatus', actieId: reminder.ref, status: 'gedaan' });
  }

  /** *Later herinneren*: to a day, once, with a reason for the history (snoozeReminder). */
  snooze(actor: Actor, caseId: string, reminderId: string, tot: string | undefined, reden: string | undefined): Promise<Case> {
    return this.cases.execute(actor, caseId, { type: 'snoozeReminder', reminderId, tot: tot ?? '', reden: reden ?? '' });
  }

  /**
   * *Escaleren*: Deel B waits too long for a decision, and the casusregisseur asks the procesregisseur (AVE fase 2): the
   * transition escalerenOnderbouwing with the question, asking whoever holds the role in the directory.
   */
  async escalate(actor: Actor, caseId: string, reminderId: string, vraag: string | undefined): Promise<Case> {
    const { reminder } = await this.seen(actor, caseId, reminderId);
    if (reminder.kind !== 'akkoordEscaleren') throw new DomainError('REMINDER.NOT_FOUND', 'Bij deze herinnering hoort geen escalatie.');
    const askedUserIds = [...(await this.directory.usersWithRole('procesregisseur'))];
    return this.cases.execute(actor, caseId, { type: 'overgang', transition: 'escalerenOnderbouwing', toelichting: vraag ?? '', askedUserIds });
  }
}
