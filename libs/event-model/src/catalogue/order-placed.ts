import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { Channel, channels } from './channel';
import { CurrencyCode, EntityId, MoneyAmount, Optional, Quantity, Sku, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class OrderLine {
  @EntityId() productId!: string;
  @Sku() sku!: string;
  @Optional() @Text(100) category?: string;
  @Optional() @Text(500) description?: string;
  @Quantity() quantity!: number;
  /** The price of one unit, in `currency`. */
  @MoneyAmount() unitPrice!: number;
  @CurrencyCode() currency!: string;
}

export class OrderPlacedV1 {
  @EntityId() orderId!: string;
  @Optional() @IsIn(channels) channel?: Channel;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => OrderLine)
  lines!: OrderLine[];
}

export type OrderPlacedData = OrderPlacedV1;

export const orderPlaced: EventTypeDefinition = {
  type: 'OrderPlaced',
  origin: 'producer',
  description: 'The party placed an order: one line per product, each with its quantity and unit price.',
  versions: { 1: OrderPlacedV1 },
  upcasters: {},
  example: {
    orderId: '536365',
    channel: 'web',
    lines: [
      { productId: '85123A', sku: '85123A', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55, currency: 'GBP' },
      { productId: '71053', sku: '71053', quantity: 6, unitPrice: 3.39, currency: 'GBP' },
    ],
  },
};
