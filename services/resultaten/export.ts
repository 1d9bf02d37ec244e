import ExcelJS from 'exceljs';
import type { ResultatenRapport } from '../domain/resultaten/rapport';
import { celText, getalVan, onderdrukkingUitleg, resultatenTabellen, vanTotText, type TabelCel } from '../domain/resultaten/tabel';

/**
 * The resultaten as files to take away: the same tables as the card (services/domain/resultaten/tabel.ts) as a
 * spreadsheet (.xlsx, one sheet per section, figures as numbers) and as CSV (one figure per line, for pivoting). No
 * kenmerk, name or free text is in them: only the report's aggregates, suppressed cells in words ("minder dan 5",
 * "minder dan 5 casussen", "afgeschermd"). A table without rows (the open cases per step outside the lopende periode)
 * is left out of the CSV and says why in the spreadsheet.
 */

export type ExportFormaat = 'xlsx' | 'csv';

export interface ExportBestand {
  readonly name: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormaat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** `resultaten-wijkteam-noord-2026-Q1.xlsx`: the team and the period, nothing personal. */
export function exportBestandsnaam(rapport: Pick<ResultatenRapport, 'teamId' | 'periode'>, formaat: ExportFormaat): string {
  const veilig = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '') || 'team';
  return `resultaten-${veilig(rapport.teamId)}-${veilig(rapport.periode)}.${formaat}`;
}

/** One figure of the report, as a CSV line holds it. */
export interface ExportRij {
  readonly onderdeel: string;
  readonly tabel: string;
  readonly rij: string;
  readonly kolom: string;
  readonly cel: TabelCel;
}

/** Every figure of the report, section by section, table by table, row by row: what both files hold. */
export function exportRijen(rapport: ResultatenRapport): ExportRij[] {
  return resultatenTabellen(rapport).flatMap((sectie) =>
    sectie.tabellen.flatMap((tabel) =>
      tabel.rijen.flatMap((r) => r.cellen.map((cel, i) => ({ onderdeel: sectie.titel, tabel: tabel.titel, rij: r.label, kolom: tabel.kolommen[i + 1] ?? '', cel }))),
    ),
  );
}

export const CSV_KOLOMMEN = ['Team', 'Periode', 'Onderdeel', 'Tabel', 'Rij', 'Kolom', 'Waarde', 'Eenheid'] as const;

const CSV_GETAL = new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 2 });

/** A figure in a Dutch CSV: a plain number with a decimal comma (euros, not cents); else its words. */
export function csvWaarde(cel: TabelCel, drempel: number): string {
  if (cel.soort !== 'getal') return celText(cel, drempel);
  return cel.eenheid === 'euro' ? getalVan(cel).toFixed(2).replace('.', ',') : CSV_GETAL.format(getalVan(cel));
}

/** Quoted when it holds the separator, a quote or a line break (RFC 4180, with `;` as Dutch Excel expects). */
export const csvVeld = (veld: string): string => (/[";\r\n]/.test(veld) ? `"${veld.replaceAll('"', '""')}"` : veld);

/** The CSV: UTF-8 with a byte order mark so Dutch Excel reads "€" and "ë", `;` separated, CRLF lines. */
export function resultatenCsv(rapport: ResultatenRapport): Buffer {
  const lines = [
    CSV_KOLOMMEN.join(';'),
    ...exportRijen(rapport).map((r) =>
      [rapport.teamId, rapport.periode, r.onderdeel, r.tabel, r.rij, r.kolom, csvWaarde(r.cel, rapport.drempel), r.cel.soort === 'getal' ? r.cel.eenheid : ''].map(csvVeld).join(';'),
    ),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const EURO_FORMAT = '"€" #,##0.00';

/** The spreadsheet: a sheet per section, each table under its title with a header row; figures are numbers. */
export async function resultatenXlsx(rapport: ResultatenRapport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Helmond Aanpak-assistent';
  workbook.created = new Date(rapport.gemaaktOp);
  workbook.modified = new Date(rapport.gemaaktOp);
  for (const sectie of resultatenTabellen(rapport)) {
    const sheet = workbook.addWorksheet(sectie.titel.slice(0, 31));
    sheet.columns = [{ width: 38 }, { width: 18 }, { width: 18 }, { width: 18 }];
    sheet.addRow([`Resultaten ${rapport.teamId} ${rapport.periode}`]).font = { bold: true, size: 14 };
    sheet.addRow([vanTotText(rapport)]);
    for (const tabel of sectie.tabellen) {
      sheet.addRow([]);
      sheet.addRow([tabel.titel]).font = { bold: true };
      if (tabel.toelichting) {
        sheet.addRow([tabel.toelichting]).font = { italic: true };
        continue;
      }
      sheet.addRow([...tabel.kolommen]).font = { bold: true };
      for (const r of tabel.rijen) {
        const row = sheet.addRow([r.label, ...r.cellen.map((c) => (c.soort === 'getal' ? getalVan(c) : celText(c, rapport.drempel)))]);
        r.cellen.forEach((c, i) => {
          if (c.soort === 'getal' && c.eenheid === 'euro') row.getCell(i + 2).numFmt = EURO_FORMAT;
        });
      }
    }
    sheet.addRow([]);
    sheet.addRow([onderdrukkingUitleg(rapport.drempel)]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The report as a file in the format asked for, under its file name. */
export async function resultatenExport(rapport: ResultatenRapport, formaat: ExportFormaat): Promise<ExportBestand> {
  const content = formaat === 'xlsx' ? await resultatenXlsx(rapport) : resultatenCsv(rapport);
  return { name: exportBestandsnaam(rapport, formaat), contentType: EXPORT_CONTENT_TYPES[formaat], content };
}
