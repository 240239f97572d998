import { describe, expect, it } from 'vitest';
import { badRowCount, importMediaType, rowErrors, templateCsv, XLSX } from '../src/logic/imports';

describe('receipt import', () => {
  it('offers a template of the header row and the HXL row the service reads', () => {
    const [header, hxl, rest] = templateCsv().split('\r\n');
    expect(header).toBe('depotCode,itemCode,quantity,lotCode,expiresOn,donorOrganisationId,earmarkCountryCodes,earmarkIncidentTypes,note');
    expect(hxl.split(',')).toHaveLength(9);
    expect(hxl.split(',').every((tag) => tag.startsWith('#'))).toBe(true);
    expect(hxl).toContain('#org +funder +id');
    expect(rest).toBe('');
  });

  it('sends a file as CSV or .xlsx by its name, and nothing else', () => {
    expect(importMediaType('receipts.CSV')).toBe('text/csv');
    expect(importMediaType('Receipts 2026.xlsx')).toBe(XLSX);
    expect(importMediaType('receipts.xls')).toBeNull();
    expect(importMediaType('receipts.csv.txt')).toBeNull();
  });

  it('lists every bad cell of a refused file by row, and counts the rows', () => {
    const problem = {
      status: 422, detail: '2 rows have errors, nothing was written',
      errors: [
        { row: 4, column: 'quantity', message: 'must be greater than 0' },
        { row: 3, column: 'itemCode', message: 'unknown item NOPE' },
        { row: 4, column: 'depotCode', message: 'unknown depot X' },
      ],
    };
    const errors = rowErrors(problem);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:itemCode', '4:depotCode', '4:quantity']);
    expect(errors[0].message).toBe('unknown item NOPE');
    expect(badRowCount(errors)).toBe(2);
  });

  it('finds no rows in a problem that names none', () => {
    expect(rowErrors({ status: 400, detail: 'unknown column foo' })).toEqual([]);
    expect(rowErrors(null)).toEqual([]);
    expect(rowErrors({ errors: 'x' })).toEqual([]);
  });
});
