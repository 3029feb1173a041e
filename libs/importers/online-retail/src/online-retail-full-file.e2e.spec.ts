import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { OnlineRetailSummaryAccumulator } from './import-summary';
import { onlineRetailMessages } from './online-retail-messages';

// The real data set. A clean clone has no copy of it: point ONLINE_RETAIL_CSV at one.
// It is the importer's acceptance test, so a missing file fails rather than skips.
const path = process.env['ONLINE_RETAIL_CSV'] ?? '/work/shared/datasets/online-retail/online-retail.csv.gz';

describe('given the whole Online Retail file', () => {
  it('maps every line and finds the figures of the data set', async () => {
    if (!existsSync(path)) {
      throw new Error(
        `The Online Retail data set is not at ${path}. Set ONLINE_RETAIL_CSV to the path of online-retail.csv.gz ` +
          '(UCI "Online Retail", 541,909 lines; gzipped or plain CSV).',
      );
    }
    const file = createReadStream(path);
    const csv = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
    const summary = new OnlineRetailSummaryAccumulator();
    const eventIds = new Set<string>();
    let messages = 0;
    for await (const message of onlineRetailMessages(csv, { summary })) {
      eventIds.add(message.eventId);
      messages += 1;
    }
    const result = summary.snapshot();

    expect(result.linesRead).toBe(541_909);
    expect(result.customers).toBe(4_372);
    expect(result.linesMapped + result.linesSkipped + result.linesRejected).toBe(541_909);
    expect(result.skippedByReason['guest-checkout']).toBe(135_080);
    expect(result.linesRejected).toBe(0);
    expect(result.messagesByType).toEqual({
      CustomerRegistered: 4_372,
      CustomerProfileUpdated: 4_374,
      OrderPlaced: 18_405,
      ReturnRequested: 8_539,
      ReturnRefunded: 8_539,
      RefundIssued: 350,
    });
    expect(eventIds.size).toBe(messages);
    expect(result.unknownCountries).toEqual({});
    expect(result.firstOccurredAt).toBe('2010-12-01T08:26:00.000Z');
    expect(result.lastOccurredAt).toBe('2011-12-09T12:50:00.000Z');
  }, 120_000);
});
