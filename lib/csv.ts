// CSV for the desk's spreadsheets, written by csv-stringify: semicolon-separated (what a Polish
// Excel expects), CRLF line ends, a UTF-8 byte order mark so that Polish letters open correctly,
// and safe against formula injection (`escape_formulas`: a cell a spreadsheet would run as a
// formula gets a leading apostrophe, OWASP's advice).
import { stringify } from 'csv-stringify/sync';

export const CSV_BOM = '\uFEFF';

/** A whole document: BOM, header, rows, each line ending in CRLF. Times are ISO 8601 in UTC. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    // A line break inside a cell is quoted whichever kind it is (naming record_delimiter turns that off).
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { date: (value) => value.toISOString(), boolean: (value) => String(value) },
  });
}
