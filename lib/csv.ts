/** Excel reads a CSV file as UTF-8 only when it starts with this byte-order mark. */
export const UTF8_BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

// OWASP's CSV injection advice: a spreadsheet runs a cell starting with one of these as a formula
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break,
 * quotes doubled; a text that a spreadsheet would run as a formula gets a leading `'`.
 * Numbers are written as they are; null and undefined as an empty cell.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF (RFC 4180). */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
