import { defaultOnlineRetailFile, parseImportArguments } from './import-arguments';

describe('the import command line', () => {
  it('imports an NDJSON file, with rejects to a default file', () => {
    expect(parseImportArguments(['events.ndjson.gz'])).toEqual({ kind: 'ndjson', file: 'events.ndjson.gz', rejectsFile: 'import-rejected.ndjson' });
  });

  it('imports the Online Retail data set from its default place or a given file', () => {
    expect(parseImportArguments(['--online-retail'])).toEqual({ kind: 'online-retail', file: defaultOnlineRetailFile, rejectsFile: 'import-rejected.ndjson' });
    expect(parseImportArguments(['--online-retail', 'retail.csv', '--rejects', 'out.ndjson'])).toEqual({
      kind: 'online-retail',
      file: 'retail.csv',
      rejectsFile: 'out.ndjson',
    });
  });

  it('shows the usage when asked or given nothing', () => {
    expect(parseImportArguments([])).toEqual({ kind: 'help' });
    expect(parseImportArguments(['-h'])).toEqual({ kind: 'help' });
  });

  it('names what is wrong', () => {
    expect(() => parseImportArguments(['a.ndjson', 'b.ndjson'])).toThrow('give one file to import');
    expect(() => parseImportArguments(['--fast', 'a.ndjson'])).toThrow('unknown option --fast');
    expect(() => parseImportArguments(['a.ndjson', '--rejects'])).toThrow('--rejects needs a file name');
  });
});
