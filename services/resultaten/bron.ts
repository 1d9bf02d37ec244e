import type { Actor } from '../domain/model/roles';
import type { ResultatenRapport } from '../domain/resultaten/rapport';

/** Where the resultaten come from: ResultatenService (services/resultaten/resultaten-service.ts). */
export interface ResultatenBron {
  rapport(actor: Actor, input: { readonly teamId: string; readonly periode?: string }): Promise<ResultatenRapport>;
}
