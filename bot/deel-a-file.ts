import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderDeelAPdf } from '../services/documents/deel-a-pdf';
import type { Case } from '../services/model/case';
import { parseInput } from '../services/model/validation';
import { actorOf, type BotServices } from './services';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** Teams' answer to the consent card, parsed at the edge like every outside input. */
const consentResponse = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ caseId: z.string().min(1).max(100) }),
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

/**
 * Deel A as a file in Teams (file consent flow, `supportsFiles`): ask consent, then make the PDF at the moment of
 * upload (it is never stored) and upload it to the professional's OneDrive folder that Teams names.
 */
export class DeelAFile {
  constructor(private readonly services: BotServices) {}

  private async pdfFor(turn: TurnContext, caseId: string): Promise<{ c: Case; pdf: Buffer }> {
    const actor = await actorOf(turn, this.services.directory);
    const c = (await this.services.cases.get(actor, caseId)).case;
    const regisseur = c.professionals.find((p) => p.active && p.role === 'casusregisseur');
    const pdf = await renderDeelAPdf(c, { generatedAt: this.services.clock.now(), ...(regisseur?.displayName ? { contact: regisseur.displayName } : {}) });
    return { c, pdf };
  }

  /** Send the consent card: Teams asks the professional where to save the file. */
  async offer(turn: TurnContext, caseId: string): Promise<void> {
    const { c, pdf } = await this.pdfFor(turn, caseId);
    await turn.sendActivity({
      attachments: [
        {
          contentType: FILE_CONSENT,
          name: fileName(c),
          content: {
            description: 'Samenwerkplan Deel A, om af te drukken en bij de inwoner achter te laten',
            sizeInBytes: pdf.length,
            acceptContext: { caseId },
            declineContext: { caseId },
          },
        },
      ],
    });
  }

  /** The professional accepted: upload the PDF and show it as a file in the chat. */
  async accept(turn: TurnContext, response: unknown): Promise<void> {
    const parsed = parseInput(consentResponse, response);
    if (!parsed.ok || !parsed.value.uploadInfo || !isAllowedUploadUrl(parsed.value.uploadInfo.uploadUrl)) {
      await turn.sendActivity('Het bestand kon niet worden opgeslagen: Teams gaf geen geldige plek op. Probeer het opnieuw.');
      return;
    }
    const { context, uploadInfo } = parsed.value;
    const { pdf } = await this.pdfFor(turn, context.caseId);
    const upload = await fetch(uploadInfo.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Length': String(pdf.length), 'Content-Range': `bytes 0-${pdf.length - 1}/${pdf.length}` },
      body: pdf,
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
        content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? 'pdf' },
      }),
    );
  }

  async decline(turn: TurnContext): Promise<void> {
    await turn.sendActivity('Prima, geen PDF. Je kunt Deel A later alsnog opvragen met **deel a**.');
  }
}
