// CSV for the desk's spreadsheets: semicolon-separated (what a Polish Excel expects), CRLF line
// ends, a UTF-8 byte order mark so that Polish letters open correctly, and safe against formula
// injection: a cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

/** What a cell can show; an object would print as [object Object]. */
type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: CsvValue[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR);
}

/** A whole document: BOM, header, rows, each line ending in CRLF. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return CSV_BOM + [header, ...rows].map((cells) => `${csvLine(cells)}\r\n`).join('');
}
