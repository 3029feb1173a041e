import { classifyStockCode, normaliseStockCode } from './stock-codes';

describe('stock codes', () => {
  it('normalises a code to trimmed upper case, as the file mixes 85123a and 85123A', () => {
    expect(normaliseStockCode(' 85123a ')).toBe('85123A');
  });

  it('knows the codes that are no goods', () => {
    const codes = ['POST', 'DOT', 'C2', 'M', 'D', 'S', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS', 'B', 'DCGSSGIRL', 'DCGSSBOY', 'GIFT_0001_20'];
    expect(codes.filter((code) => classifyStockCode(code).kind !== 'non-product')).toEqual([]);
  });

  it('treats ordinary codes, the DCGS gift-shop items included, as products', () => {
    expect(['85123A', '22960', 'DCGS0003', '15056BL'].map((code) => classifyStockCode(code).kind)).toEqual([
      'product',
      'product',
      'product',
      'product',
    ]);
  });

  it('refunds postage, carriage, manual lines and discounts, not fees or commissions', () => {
    const refundable = (code: string) => {
      const kind = classifyStockCode(code);
      return kind.kind === 'non-product' && kind.refundable;
    };
    expect(['POST', 'DOT', 'C2', 'M', 'D'].every(refundable)).toBe(true);
    expect(['CRUK', 'AMAZONFEE', 'BANK CHARGES', 'S', 'B'].some(refundable)).toBe(false);
  });
});
