import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CalendarFileKind } from '../services/calendar/mdo-planner';
import { budgetPeriod } from '../services/budget/period';
import { DEEL_A_PDF_PARTS, renderDeelAPdf } from '../services/documents/deel-a-pdf';
import type { ResultatenRapport } from '../services/domain/resultaten/rapport';
import type { ResultatenBron } from '../services/resultaten/bron';
import { resultatenExport, type ExportFormaat } from '../services/resultaten/export';
import { requireSight } from '../services/domain/model/visibility';
import type { CalendarFile } from '../services/ports/calendar';
import type { Case } from '../services/domain/model/case';
import { ERROR_MESSAGES, isDomainError } from '../services/domain/errors';
import { parseInput } from '../services/domain/model/validation';
import { renderDownloadCard } from '../cards/download';
import { toAttachment } from '../cards/render';
import { DOWNLOAD_MINUTES, type Download, type Downloads } from './downloads';
import { actorOf, type BotServices } from './turn-services';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** Teams' answer to the consent card, parsed at the edge like every outside input. */
const consentResponse = z.object({
  action: z.enum(['accept', 'decline']),
  // Deel A's consent cards carry only the caseId (kind deelA); agenda files name the MDO and which event.
  context: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('deelA'), caseId: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('agenda'), caseId: z.string().min(1).max(100), mdoId: z.string().min(1).max(100), soort: z.enum(['mdo', 'evaluatie']) }),
    // The resultaten export names no case: the team, the period and the format; it is made anew for whoever accepts.
    z.object({ kind: z.literal('resultaten'), teamId: z.string().min(1).max(100), periode: budgetPeriod, formaat: z.enum(['xlsx', 'csv']) }),
  ]),
  uploadInfo: z
    .object({
      name: z.string().min(1).max(300),
      uploadUrl: z.string().url(),
      contentUrl: z.string().url(),
      uniqueId: z.string().min(1).max(300),
      fileType: z.string().max(20).optional(),
    })
    .optional(),
});

/** Uploads go to the OneDrive URL Teams gives; only https, or loopback for local tests. */
function isAllowedUploadUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
}

const fileName = (c: Case) => `Samenwerkplan-Deel-A-${c.reference}.pdf`;

const DEEL_A_DESCRIPTION = 'Samenwerkplan Deel A, om af te drukken en bij de inwoner achter te laten';
const CALENDAR_DESCRIPTION = 'Voor je agenda (.ics): open het bestand en stuur het door aan de andere deelnemers';
const RESULTATEN_DESCRIPTION: Readonly<Record<ExportFormaat, string>> = {
  xlsx: 'Resultaten als spreadsheet (.xlsx): opgeteld over casussen, nooit per casus',
  csv: 'Resultaten als CSV (puntkomma, UTF-8): elk cijfer op een eigen regel, om zelf te draaien',
};

interface Made {
  readonly content: Buffer;
  readonly fileType: string;
}

/**
 * Files for the professional in Teams (file consent flow, `supportsFiles`): Deel A as a PDF and MDO invites as
 * .ics files. Ask consent, then make the file at the moment of upload from the case as it stands (it is never
 * stored) and upload it to the professional's OneDrive folder that Teams names. In a local run (no Azure Bot
 * registration, the Agents Playground has no file consent) the bot offers a download link to itself instead.
 */
export class FileOffers {
  constructor(
    private readonly services: BotServices,
    private readonly downloads?: Downloads,
    /** The resultaten export is made again when Teams uploads it (after consent), so the bron is needed here too. */
    private readonly resultaten?: { readonly bron: ResultatenBron; readonly teamId: string },
  ) {}

  /** Local runs: a card with a link to the file, served by the bot for a short while. */
  private async sendLink(turn: TurnContext, downloads: Downloads, file: Download, omschrijving: string, soort: 'agenda' | 'pdf' | 'spreadsheet'): Promise<void> {
    const url = downloads.put(file);
    const card = renderDownloadCard({ naam: file.name, omschrijving, url, geldig: `${DOWNLOAD_MINUTES} minuten`, soort });
    await turn.sendActivity(MessageFactory.attachment(toAttachment(card)));
  }

  private async pdfFor(turn: TurnContext, caseId: string): Promise<{ c: Case; pdf: Buffer }> {
    const actor = await actorOf(turn, this.services.directory);
    const c = (await this.services.cases.get(actor, caseId)).case;
    requireSight(c, actor.userId, DEEL_A_PDF_PARTS, 'Deel A als PDF');
    const pdf = await renderDeelAPdf(c, { generatedAt: this.services.clock.now() });
    return { c, pdf };
  }

  /** Send the consent card: Teams asks the professional where to save the file. */
  async offerDeelA(turn: TurnContext, caseId: string): Promise<void> {
    const { c, pdf } = await this.pdfFor(turn, caseId);
    if (this.downloads) return this.sendLink(turn, this.downloads, { name: fileName(c), contentType: 'application/pdf', content: pdf }, DEEL_A_DESCRIPTION, 'pdf');
    await turn.sendActivity({
      attachments: [
        {
          contentType: FILE_CONSENT,
          name: fileName(c),
          content: {
            description: DEEL_A_DESCRIPTION,
            sizeInBytes: pdf.length,
            acceptContext: { caseId },
            declineContext: { caseId },
          },
        },
      ],
    });
  }

  /** An invite (or its change or cancellation) as an .ics file: consent in Teams, attached elsewhere. */
  async offerCalendarFile(turn: TurnContext, ref: { caseId: string; mdoId: string; soort: CalendarFileKind }, file: CalendarFile): Promise<void> {
    if (this.downloads) {
      return this.sendLink(turn, this.downloads, { name: file.name, contentType: 'text/calendar; charset=utf-8', content: Buffer.from(file.content, 'utf8') }, CALENDAR_DESCRIPTION, 'agenda');
    }
    const context = { kind: 'agenda', ...ref };
    await turn.sendActivity({
      attachments: [
        {
          contentType: FILE_CONSENT,
          name: file.name,
          content: {
            description: CALENDAR_DESCRIPTION,
            sizeInBytes: Buffer.byteLength(file.content, 'utf8'),
            acceptContext: context,
            declineContext: context,
          },
        },
      ],
    });
  }

  /**
   * The resultaten export as a spreadsheet and as CSV: two consent cards in Teams, two download links in a local run.
   * The files hold only the report's aggregates (services/resultaten/export.ts).
   */
  async offerResultaten(turn: TurnContext, rapport: ResultatenRapport): Promise<void> {
    for (const formaat of ['xlsx', 'csv'] as const) {
      const file = await resultatenExport(rapport, formaat);
      if (this.downloads) {
        await this.sendLink(turn, this.downloads, file, RESULTATEN_DESCRIPTION[formaat], 'spreadsheet');
        continue;
      }
      const context = { kind: 'resultaten', teamId: rapport.teamId, periode: rapport.periode, formaat };
      await turn.sendActivity({
        attachments: [
          {
            contentType: FILE_CONSENT,
            name: file.name,
            content: { description: RESULTATEN_DESCRIPTION[formaat], sizeInBytes: file.content.length, acceptContext: context, declineContext: context },
          },
        ],
      });
    }
  }

  /** The file a consent names, made now from the case (the reader must be on the case) or from the resultaten (who may see them). */
  private async make(turn: TurnContext, context: z.infer<typeof consentResponse>['context']): Promise<Made | undefined> {
    if (context.kind === 'deelA') return { content: (await this.pdfFor(turn, context.caseId)).pdf, fileType: 'pdf' };
    if (context.kind === 'resultaten') {
      // Only this bot's team: the consent card names it, but what comes back from the client is never trusted for it.
      if (!this.resultaten || context.teamId !== this.resultaten.teamId) return undefined;
      const rapport = await this.resultaten.bron.rapport(await actorOf(turn, this.services.directory), { teamId: this.resultaten.teamId, periode: context.periode });
      return { content: (await resultatenExport(rapport, context.formaat)).content, fileType: context.formaat };
    }
    const actor = await actorOf(turn, this.services.directory);
    const file = await this.services.planner.fileFor(actor, context.caseId, context.mdoId, context.soort);
    return file ? { content: Buffer.from(file.content, 'utf8'), fileType: 'ics' } : undefined;
  }

  /** The professional accepted: upload the file and show it in the chat. */
  async accept(turn: TurnContext, response: unknown): Promise<void> {
    const parsed = parseInput(consentResponse, normalised(response));
    if (!parsed.ok || !parsed.value.uploadInfo || !isAllowedUploadUrl(parsed.value.uploadInfo.uploadUrl)) {
      await turn.sendActivity('Het bestand kon niet worden opgeslagen: Teams gaf geen geldige plek op. Probeer het opnieuw.');
      return;
    }
    const { context, uploadInfo } = parsed.value;
    const made = await this.make(turn, context).catch(notFound).catch(refusedReport(context.kind));
    if (made === NOT_FOUND) return void (await turn.sendActivity(ERROR_MESSAGES['CASE.NOT_FOUND']));
    if (made instanceof Refusal) return void (await turn.sendActivity(made.message));
    if (!made) {
      if (context.kind === 'resultaten') return void (await turn.sendActivity('De resultaten kunnen nu niet worden gemaakt. Probeer het zo opnieuw.'));
      await turn.sendActivity('Dit bestand is er niet meer: het MDO heeft geen afspraak in de agenda.');
      return;
    }
    const upload = await fetch(uploadInfo.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Length': String(made.content.length), 'Content-Range': `bytes 0-${made.content.length - 1}/${made.content.length}` },
      body: made.content,
    });
    if (!upload.ok) {
      await turn.sendActivity('Het uploaden naar OneDrive lukte niet. Probeer het zo opnieuw.');
      return;
    }
    await turn.sendActivity(
      MessageFactory.attachment({
        contentType: FILE_INFO,
        contentUrl: uploadInfo.contentUrl,
        name: uploadInfo.name,
        content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? made.fileType },
      }),
    );
  }

  async decline(turn: TurnContext, response: unknown): Promise<void> {
    const parsed = parseInput(consentResponse, normalised(response));
    const context = parsed.ok ? parsed.value.context : undefined;
    if (context?.kind === 'resultaten') {
      await turn.sendActivity('Prima, geen bestand. Typ **resultaten export** als je het later toch wilt.');
      return;
    }
    if (context) {
      // Nothing is made or shown, but a case one is not on gets the same answer as everywhere: it does not exist.
      const actor = await actorOf(turn, this.services.directory);
      const access = await this.services.cases.assertAccess(actor, context.caseId, 'bestandWeigeren').catch(notFound);
      if (access === NOT_FOUND) return void (await turn.sendActivity(ERROR_MESSAGES['CASE.NOT_FOUND']));
    }
    if (context?.kind === 'agenda') {
      await turn.sendActivity('Prima, geen bestand. Zet het moment dan zelf in je agenda; typ **status** om het terug te zien.');
      return;
    }
    await turn.sendActivity('Prima, geen PDF. Je kunt Deel A later alsnog opvragen met **deel a**.');
  }
}

const NOT_FOUND = Symbol('bestaat niet');

/** A case that (to this professional) does not exist, as a value to answer with; any other error goes on. */
function notFound(error: unknown): typeof NOT_FOUND {
  if (isDomainError(error, 'CASE.NOT_FOUND')) return NOT_FOUND;
  throw error;
}

/** A refusal of the resultaten (who may see them, which period), told in its own words inside the invoke. */
class Refusal {
  constructor(readonly message: string) {}
}

/** For the resultaten export: a refusal becomes a {@link Refusal}; a store failure or any other file's error goes on. */
function refusedReport(kind: string): (error: unknown) => Refusal {
  return (error) => {
    if (kind === 'resultaten' && isDomainError(error) && !error.code.startsWith('STORE.')) return new Refusal(error.userMessage);
    throw error;
  };
}

/** Consent cards sent before agenda files existed carry `{ caseId }` only: that is Deel A. */
function normalised(response: unknown): unknown {
  const value = response as { context?: Record<string, unknown> } | null;
  if (value && typeof value === 'object' && value.context && typeof value.context === 'object' && value.context.kind === undefined) {
    return { ...value, context: { kind: 'deelA', ...value.context } };
  }
  return response;
}
