import { countryCodes, lookUpCountry } from './countries';

describe('country names → ISO 3166-1 alpha-2', () => {
  it('covers the 38 names of the data set', () => {
    expect(Object.keys(countryCodes)).toHaveLength(38);
  });

  it('maps the names that are no country name', () => {
    expect(lookUpCountry('EIRE')).toEqual({ known: true, code: 'IE' });
    expect(lookUpCountry('RSA')).toEqual({ known: true, code: 'ZA' });
    expect(lookUpCountry('USA')).toEqual({ known: true, code: 'US' });
    expect(lookUpCountry('United Kingdom')).toEqual({ known: true, code: 'GB' });
  });

  it('gives no code for names that are no single country', () => {
    for (const name of ['Channel Islands', 'European Community', 'Unspecified']) {
      expect(lookUpCountry(name)).toEqual({ known: true, code: null });
    }
  });

  it('gives only well-formed codes', () => {
    const codes = Object.values(countryCodes).filter((code): code is string => code !== null);
    expect(codes.filter((code) => !/^[A-Z]{2}$/.test(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('says when a name is not in the table', () => {
    expect(lookUpCountry('Atlantis')).toEqual({ known: false });
  });
});
