// A bulk receipt import (POST /receipt-imports): which media type a chosen file is sent as, the template a
// donor fills in, and the bad rows of a refused file. Pure, so that it is unit tested.

/** The columns inventory-service reads, in the order of its export, and their HXL hashtags (docs/api.md). */
export const IMPORT_COLUMNS: Array<[string, string]> = [
  ['depotCode', '#loc +code'],
  ['itemCode', '#item +code'],
  ['quantity', '#indicator +num +received'],
  ['lotCode', '#item +lot'],
  ['expiresOn', '#date +expiry'],
  ['donorOrganisationId', '#org +funder +id'],
  ['earmarkCountryCodes', '#country +code +earmark'],
  ['earmarkIncidentTypes', '#crisis +type +earmark'],
  ['note', '#description'],
];

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template: the header row and the HXL row, CRLF line ends (RFC 4180). */
export function templateCsv(): string {
  return `${IMPORT_COLUMNS.map(([c]) => c).join(',')}\r\n${IMPORT_COLUMNS.map(([, x]) => x).join(',')}\r\n`;
}

/** The Content-Type a file is sent with, by its name (browsers give CSV files various types), or null. */
export function importMediaType(name: string): 'text/csv' | typeof XLSX | null {
  const n = name.toLowerCase();
  if (n.endsWith('.csv')) return 'text/csv';
  if (n.endsWith('.xlsx')) return XLSX;
  return null;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** The bad rows of a 422 problem (`errors: [{row, column, message}]`), by row then column; empty when none. */
export function rowErrors(problem: unknown): RowError[] {
  const errors = (problem as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is { row: unknown; column?: unknown; message?: unknown } => !!e && typeof e === 'object' && 'row' in e)
    .map((e) => ({ row: Number(e.row), column: String(e.column ?? ''), message: String(e.message ?? '') }))
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}

/** How many distinct rows the errors name (a row may have several bad cells). */
export function badRowCount(errors: RowError[]): number {
  return new Set(errors.map((e) => e.row)).size;
}
