import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { IndienenDialog } from '../../bot/dialogs/indienen-dialog';
import { createTestServices, playDialog, type DialogRow } from '../support/bot-services';

const HULPVRAAG = /^Wat is de hulpvraag van de inwoner\?/;
const HUISHOUDEN = /Wie horen bij het \*\*huishouden\*\*\?/;

describe('dialog: stap 1 Indienen', () => {
  it('records the hulpvraag and huishouden, refusing bad input with a Dutch re-prompt, then moves to vraagverheldering', async () => {
    const { services, store } = createTestServices();
    const client = new DialogTestClient('msteams', new IndienenDialog(services, 'wijkteam-noord'), {});
    const rows: DialogRow[] = [
      ['nieuwe casus', ['Stap 1, **indienen**: we leggen de hulpvraag en het huishouden vast.', HULPVRAAG]],
      ['Mijn BSN is 123456782 en ik moet het huis uit', [/^Laat het burgerservicenummer \(BSN\) weg uit de hulpvraag: dat slaan we nooit op\.\n\nWat is de hulpvraag/]],
      ['   ', [/^Vul de hulpvraag in\.\n\nWat is de hulpvraag/]],
      ['Ik krijg een brief dat we het huis uit moeten. Ik slaap niet meer.', ['Casus **HA-2026-AAAAA3** is aangemaakt. Jij bent de casusregisseur.', HUISHOUDEN]],
      ['hond Max', [/^Dat kon ik niet lezen als rol en pseudoniem\./]],
      ['kind 123456782 9', [/^Laat het burgerservicenummer \(BSN\) weg uit het pseudoniem/]],
      ['inwoner Moeder (M1) 38', [/^Genoteerd\. Huishouden: Moeder \(M1\) \(inwoner\)\./]],
      ['kind Kind (K1) 9', [/^Genoteerd\. Huishouden: Moeder \(M1\) \(inwoner\), Kind \(K1\) \(kind\)\./]],
      ['kind kind (k1)', [/^Geef elk lid van het huishouden een eigen pseudoniem\./]],
      ['klaar', ['Casus HA-2026-AAAAA3 staat nu in **stap 2 (vraagverheldering)**.']],
    ];
    await playDialog(client, rows);
    const stored = await store.listByMember('user1');
    expect(stored.items).to.have.length(1);
    const c = stored.items[0]?.case;
    expect(c?.step).to.equal('vraagverheldering');
    expect(c?.household.members.map((m) => [m.role, m.label, m.leeftijd])).to.deep.equal([['inwoner', 'Moeder (M1)', 38], ['kind', 'Kind (K1)', 9]]);
    expect(JSON.stringify(c)).to.not.contain('123456782');
  });

  it('refuses to move on without an inwoner and says what is missing', async () => {
    const { services } = createTestServices();
    const client = new DialogTestClient('msteams', new IndienenDialog(services, 'wijkteam-noord'), {});
    await playDialog(client, [
      ['nieuwe casus', [/Stap 1/, HULPVRAAG]],
      ['Schulden en een ontruimingsbrief.', [/aangemaakt/, HUISHOUDEN]],
      ['kind Kind (K1) 9', [/Genoteerd/]],
      ['klaar', ['Nog niet vastgelegd: de inwoner in het huishouden.\n\nTyp **verder** als je dit hebt aangevuld.']],
    ]);
  });
});
