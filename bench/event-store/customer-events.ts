import { channels, customerStream, directions, EventMetadataInput, JsonObject, NewEvent } from '@cdp/event-model';
import { SeededRandom } from './seeded-random';

/** Each event's data and metadata, serialised, take between these many bytes (uniformly drawn). */
export const eventSize = { min: 512, max: 2048 } as const;

export function customerStreamOf(index: number): string {
  return customerStream(String(index).padStart(6, '0'));
}

const words = (
  'customer called about the delivery of order asked for a refund wants to change the address prefers email ' +
  'contact in the morning loyalty member since complained about late shipping happy with the product recommended ' +
  'the store to a friend requested a catalogue invoice missing from the parcel size exchange for the jacket ' +
  'promotion code did not apply at checkout subscribed to the newsletter unsubscribed from sms reminders'
).split(' ');

const products = ['jacket', 'sneakers', 'backpack', 'scarf', 'watch', 'lamp', 'kettle', 'headphones', 'desk', 'mug'];
const interactionKinds = ['email-opened', 'email-clicked', 'page-viewed', 'call', 'visit', 'chat-started', 'sms-sent'];
const cities = [
  ['FR', 'Île-de-France', 'Paris', '75011'],
  ['DE', 'Berlin', 'Berlin', '10115'],
  ['ES', 'Cataluña', 'Barcelona', '08001'],
  ['IT', 'Lombardia', 'Milano', '20121'],
  ['NL', 'Noord-Holland', 'Amsterdam', '1011'],
] as const;

/**
 * A deterministic stream of customer events shaped like the platform's: interactions, orders,
 * profile updates and complaints, with full envelope metadata. Two sources with the same seed
 * produce the same events, so every store in the benchmark is given identical rows.
 */
export class CustomerEvents {
  private readonly random: SeededRandom;
  private readonly text: string;
  private produced = 0;
  private readonly epoch = Date.UTC(2025, 0, 1);

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
    const corpus: string[] = [];
    for (let length = 0; length < 16384; length += corpus[corpus.length - 1].length + 1) corpus.push(this.random.pick(words));
    this.text = corpus.join(' ');
  }

  next(): NewEvent {
    const n = this.produced++;
    const random = this.random;
    const occurredAt = new Date(this.epoch + n * 1000 + random.int(0, 999)).toISOString();
    const metadata: EventMetadataInput = {
      correlationId: random.uuid(),
      causationId: random.uuid(),
      occurredAt,
      source: { service: 'ingest-kafka', topic: 'crm.customer-events', partition: random.int(0, 11), offset: String(n) },
      actor: random.chance(0.8) ? { kind: 'service', id: 'crm-connector' } : { kind: 'user', id: `agent-${random.int(1, 400)}` },
    };
    const target = random.int(eventSize.min, eventSize.max) - JSON.stringify(metadata).length;
    const roll = random.next();
    const [type, schemaVersion, data] =
      roll < 0.55
        ? (['InteractionRecorded', 1, this.interaction(target)] as const)
        : roll < 0.8
          ? (['OrderPlaced', 1, this.order(target, occurredAt)] as const)
          : roll < 0.95
            ? (['CustomerProfileUpdated', 2, this.profile(target)] as const)
            : (['ComplaintOpened', 1, this.complaint(target)] as const);
    return { eventId: random.uuid(), type, schemaVersion, data, metadata };
  }

  private interaction(target: number): JsonObject {
    const r = this.random;
    const data: JsonObject = { channel: r.pick(channels), direction: r.pick(directions), kind: r.pick(interactionKinds) };
    if (r.chance(0.5)) data.productId = `sku-${r.int(10000, 99999)}`;
    if (r.chance(0.3)) data.campaignId = `campaign-${r.int(1, 300)}`;
    return this.filled(data, 'note', target);
  }

  private order(target: number, placedAt: string): JsonObject {
    const r = this.random;
    const lines: JsonObject[] = [];
    const data: JsonObject = {
      orderId: `order-${r.int(1, 99_999_999)}`,
      placedAt,
      channel: r.pick(['web', 'store', 'phone'] as const),
      currency: 'EUR',
      lines,
      totals: { subtotal: 0, tax: 0, shipping: r.pick([0, 4.9, 9.9]), total: 0 },
      paymentMethod: r.pick(['card', 'paypal', 'gift-card', 'bank-transfer'] as const),
    };
    let subtotal = 0;
    do {
      const quantity = r.int(1, 4);
      const unitPrice = r.int(500, 25000) / 100;
      subtotal += quantity * unitPrice;
      lines.push({ sku: `sku-${r.int(10000, 99999)}`, name: r.pick(products), quantity, unitPrice });
    } while (JSON.stringify(data).length + 90 < target - 120 && lines.length < 20);
    const shipping = (data.totals as { shipping: number }).shipping;
    data.totals = { subtotal: round(subtotal), tax: round(subtotal * 0.2), shipping, total: round(subtotal * 1.2 + shipping) };
    const [country, region, city, postalCode] = r.pick(cities);
    data.shippingAddress = { country, region, city, postalCode };
    return this.filled(data, 'deliveryNote', target);
  }

  private profile(target: number): JsonObject {
    const r = this.random;
    const [country, region, city, postalCode] = r.pick(cities);
    const data: JsonObject = {
      name: `Customer ${r.int(1, 9_999_999)}`,
      email: `customer${r.int(1, 9_999_999)}@example.com`,
      phone: `+33${r.int(600000000, 799999999)}`,
      address: { country, region, city, postalCode },
    };
    if (r.chance(0.5)) data.birthDate = `19${r.int(40, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    return this.filled(data, 'about', target);
  }

  private complaint(target: number): JsonObject {
    const r = this.random;
    const data: JsonObject = {
      complaintId: `complaint-${r.int(1, 9_999_999)}`,
      category: r.pick(['delivery', 'product-quality', 'billing', 'service'] as const),
      severity: r.pick(['low', 'medium', 'high'] as const),
      orderId: `order-${r.int(1, 99_999_999)}`,
    };
    return this.filled(data, 'description', target);
  }

  /** Free text in `field` so that the data serialises to about `target` bytes. */
  private filled(data: JsonObject, field: string, target: number): JsonObject {
    const missing = target - JSON.stringify(data).length - field.length - 6;
    if (missing > 0) {
      const from = this.random.int(0, this.text.length - missing - 1);
      data[field] = this.text.slice(from, from + missing);
    }
    return data;
  }
}

function round(amount: number): number {
  return Math.round(amount * 100) / 100;
}
