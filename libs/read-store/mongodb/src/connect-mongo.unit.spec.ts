import { redactCredentials } from './connect-mongo';

describe('redactCredentials', () => {
  it('hides user and password', () => {
    expect(redactCredentials('mongodb://app:pa%40ss@db-1:27017,db-2:27017/cdp?authSource=admin')).toBe(
      'mongodb://***@db-1:27017,db-2:27017/cdp?authSource=admin',
    );
    expect(redactCredentials('mongodb+srv://app:pw@cluster0.example.net/')).toBe('mongodb+srv://***@cluster0.example.net/');
  });

  it('leaves a URL without credentials as it is', () => {
    expect(redactCredentials('mongodb://127.0.0.1:37017/')).toBe('mongodb://127.0.0.1:37017/');
  });
});
