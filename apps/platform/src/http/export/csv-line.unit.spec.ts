import { csvLine } from './csv-line';

describe('csvLine', () => {
  it('quotes what needs quoting and leaves null empty', () => {
    expect(csvLine(['17850', 'GB', 5391.21, null, true])).toBe('17850,GB,5391.21,,true\r\n');
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('defuses spreadsheet formulas in text cells, not in numbers', () => {
    expect(csvLine(['=HYPERLINK("http://evil")', '+1', '@cmd', -3])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'@cmd,-3\r\n`);
  });
});
