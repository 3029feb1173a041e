import { freshDataDir, removeDataDir, runPlatformToExit, startPlatform } from './platform-process';

describe('starting and stopping the platform', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = freshDataDir();
  });
  afterEach(() => removeDataDir(dataDir));

  it('refuses a bad configuration with exit code 1, naming every wrong variable', async () => {
    const exit = await runPlatformToExit({ PORT: 'abc', EVENT_STORE: 'foo', EVENT_STORE_DATA_DIR: dataDir });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('PORT must be an integer 0-65535 (0 picks a free port), got "abc"');
    expect(exit.stderr).toContain('EVENT_STORE must be one of embedded, eventstoredb, got "foo"');
    expect(exit.stdout).toBe('');
  });

  it('refuses to start a second writer on the same data directory', async () => {
    const first = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    try {
      const second = await runPlatformToExit({ PORT: '0', EVENT_STORE_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(dataDir);
      expect(second.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await first.stop();
    }
  });

  it('stops cleanly and promptly on SIGTERM, then starts again on the same data', async () => {
    const platform = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    const stoppedAt = Date.now();
    const exit = await platform.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(platform.logs).toContainEqual(expect.objectContaining({ msg: 'event store closed (SIGTERM)' }));

    const again = await startPlatform({ EVENT_STORE_DATA_DIR: dataDir });
    expect((await fetch(`${again.baseUrl}/health/ready`)).status).toBe(200);
    expect(await again.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});
