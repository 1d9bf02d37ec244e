import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { renderResultatenCard, resultatenCardData } from '../../cards/resultaten';
import { celText, getalVan, resultatenTabellen } from '../../services/domain/resultaten/tabel';
import { CSV_KOLOMMEN, csvVeld, exportBestandsnaam, exportRijen, resultatenCsv, resultatenExport, resultatenXlsx } from '../../services/resultaten/export';
import { resultatenFixture } from '../support/resultaten-fixture';
import { textsOf } from '../support/adaptivecards';

/** A `;` CSV with quoted fields (RFC 4180) back into rows: the reading side of what the export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

describe('resultaten export (services/resultaten/export.ts)', () => {
  it('the .xlsx opens with exceljs: a sheet per section, each figure as a number, the same as on the card', async () => {
    const rapport = resultatenFixture();
    const workbook = await workbookOf(await resultatenXlsx(rapport));
    const secties = resultatenTabellen(rapport);
    expect(workbook.worksheets.map((s) => s.name)).to.deep.equal(['Casussen', 'Akkoorden en escalaties', 'Doorbraakbudget', 'Wat het de inwoners bracht']);
    const cardTexts = textsOf(renderResultatenCard(resultatenCardData(rapport)));
    let figures = 0;
    for (const sectie of secties) {
      const sheet = workbook.getWorksheet(sectie.titel) as ExcelJS.Worksheet;
      expect(sheet.getCell('A1').value).to.equal('Resultaten wijkteam-noord 2026-Q1');
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      for (const tabel of sectie.tabellen) {
        const at = rows.findIndex((r) => r[0] === tabel.titel);
        expect(at, tabel.titel).to.be.greaterThan(0);
        expect(rows[at + 1]).to.deep.equal([...tabel.kolommen]);
        tabel.rijen.forEach((rij, i) => {
          const expected = rij.cellen.map((c) => (c.soort === 'getal' ? getalVan(c) : celText(c, rapport.drempel)));
          expect(rows[at + 2 + i], `${tabel.titel}: ${rij.label}`).to.deep.equal([rij.label, ...expected]);
          // The card shows these very figures (in Dutch) beside the same label; before and after as "2,4 → 3,1".
          const written = rij.cellen.map((c) => celText(c, rapport.drempel));
          const voorNa = tabel.id === 'zrm' || tabel.id === 'tevredenheid';
          const [voor, na] = written.slice(-2);
          const onCard = voorNa ? [...written.slice(0, -2), voor === na && rij.cellen.at(-1)?.soort === 'onderdrukt' ? voor : `${voor} → ${na}`] : written;
          expect(cardTexts.some((_, k) => [rij.label, ...onCard].every((v, j) => cardTexts[k + j] === v)), `${rij.label} ${onCard.join(' | ')} on the card`).to.equal(true);
          figures += rij.cellen.filter((c) => c.soort === 'getal').length;
        });
      }
    }
    expect(figures).to.equal(47);
    const budget = workbook.getWorksheet('Doorbraakbudget') as ExcelJS.Worksheet;
    let toegekend: ExcelJS.Cell | undefined;
    budget.eachRow((r) => {
      if (r.getCell(1).value === 'Toegekend via Deel B') toegekend = r.getCell(2);
    });
    expect(toegekend?.value).to.equal(23456.78);
    expect(toegekend?.numFmt).to.equal('"€" #,##0.00');
  });

  it('the .xlsx holds suppressed cells as words with their reason, never a number; the explanation says both', async () => {
    const workbook = await workbookOf(await resultatenXlsx(resultatenFixture()));
    const sheet = workbook.getWorksheet('Casussen') as ExcelJS.Worksheet;
    let wie: unknown[] | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === '3 Wie is er nodig?') wie = (r.values as unknown[]).slice(1);
    });
    expect(wie).to.deep.equal(['3 Wie is er nodig?', 'minder dan 5']);
    const rowsOf = (naam: string) => {
      const rows: unknown[][] = [];
      (workbook.getWorksheet(naam) as ExcelJS.Worksheet).eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const budget = rowsOf('Doorbraakbudget');
    expect(budget.find((r) => r[0] === 'februari 2026')).to.deep.equal(['februari 2026', 'afgeschermd']);
    expect(rowsOf('Akkoorden en escalaties').find((r) => r[0] === 'Afgewezen')).to.deep.equal(['Afgewezen', 'minder dan 5 casussen']);
    const uitleg = String(budget.at(-1)?.[0]);
    expect(uitleg).to.contain('"minder dan 5 casussen"');
    expect(uitleg).to.contain('"afgeschermd"');
    expect(uitleg).to.contain('meer dan 80 procent naar één casus');
  });

  it('outside the lopende periode: the spreadsheet says why there are no open cases per step, the CSV leaves the table out', async () => {
    const f = resultatenFixture();
    const rapport = resultatenFixture({ casussen: { ...f.casussen, perStap: [] } });
    const workbook = await workbookOf(await resultatenXlsx(rapport));
    const rows: unknown[][] = [];
    (workbook.getWorksheet('Casussen') as ExcelJS.Worksheet).eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === 'Open casussen per stap (nu)');
    expect(rows[at + 1]).to.deep.equal(['Open casussen per stap staan alleen in de resultaten van de lopende periode.']);
    expect(rows[at + 2]).to.deep.equal(['Doorlooptijd']);
    const csv = resultatenCsv(rapport).toString('utf8');
    expect(csv).to.not.contain('Open casussen per stap');
  });

  it('the CSV is UTF-8 with a BOM, ";" separated, and parsed back equals the rows, figures with a decimal comma', () => {
    const rapport = resultatenFixture();
    const content = resultatenCsv(rapport);
    expect([...content.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(content.subarray(3).toString('utf8'));
    expect(rows[0]).to.deep.equal([...CSV_KOLOMMEN]);
    const expected = exportRijen(rapport);
    expect(rows.slice(1)).to.have.length(expected.length);
    rows.slice(1).forEach((r, i) => {
      const x = expected[i]!;
      expect(r.slice(0, 6)).to.deep.equal(['wijkteam-noord', '2026-Q1', x.onderdeel, x.tabel, x.rij, x.kolom]);
      if (x.cel.soort === 'getal') expect(Number((r[6] as string).replace(',', '.')), x.rij).to.equal(getalVan(x.cel));
      else expect(r[6]).to.equal(celText(x.cel, rapport.drempel));
      expect(r[7]).to.equal(x.cel.soort === 'getal' ? x.cel.eenheid : '');
    });
    const find = (rij: string, kolom: string) => rows.find((r) => r[4] === rij && r[5] === kolom)?.[6];
    expect(find('Toegekend via Deel B', 'Bedrag')).to.equal('23456,78');
    expect(find('Indienen → uitvoering', '90e percentiel')).to.equal('41,5');
    expect(find('Financiën', 'Voor')).to.equal('2,4');
    expect(find('3 Wie is er nodig?', 'Aantal')).to.equal('minder dan 5');
    expect(find('Sociaal netwerk', 'Bedrag')).to.equal('afgeschermd');
    expect(find('Afgewezen', 'Aantal')).to.equal('minder dan 5 casussen');
    expect(find('Tevredenheid over de doelen (0-10)', 'Na')).to.equal('7,5');
  });

  it('quotes a field with the separator, a quote or a line break', () => {
    expect(csvVeld('gewoon')).to.equal('gewoon');
    expect(csvVeld('a;b')).to.equal('"a;b"');
    expect(csvVeld('zei "ja"')).to.equal('"zei ""ja"""');
    expect(csvVeld('twee\nregels')).to.equal('"twee\nregels"');
    expect(parseCsv(`${['a;b', 'zei "ja"', 'x'].map(csvVeld).join(';')}\r\n`)).to.deep.equal([['a;b', 'zei "ja"', 'x']]);
  });

  it('names the files after team and period only', async () => {
    expect(exportBestandsnaam(resultatenFixture(), 'xlsx')).to.equal('resultaten-wijkteam-noord-2026-Q1.xlsx');
    expect(exportBestandsnaam({ teamId: 'Wijkteam Noord/Oost', periode: '2026' }, 'csv')).to.equal('resultaten-Wijkteam-Noord-Oost-2026.csv');
    const file = await resultatenExport(resultatenFixture(), 'csv');
    expect(file).to.deep.include({ name: 'resultaten-wijkteam-noord-2026-Q1.csv', contentType: 'text/csv; charset=utf-8' });
    expect((await resultatenExport(resultatenFixture(), 'xlsx')).contentType).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
