import { IsInt, IsNumber, IsString, Length, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

// The value rules every event type shares, so that an order id or an amount means the same everywhere.
// Each is a plain stack of class-validator decorators: the JSON Schema export reads them as usual.

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/**
 * The field may be absent, but not null: JSON has one way to say "no value", and the JSON Schemas say the same.
 * (class-validator's IsOptional would also let `null` through.)
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** orderId, productId, returnId, complaintId, paymentId, refundId, campaignId: 1 to 128 characters. */
export const EntityId = (): PropertyDecorator => all(IsString(), Length(1, 128));

export const Sku = (): PropertyDecorator => all(IsString(), Length(1, 64));

/** ISO 4217, e.g. "EUR". */
export const CurrencyCode = (): PropertyDecorator =>
  all(IsString(), Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 currency code in capitals, e.g. "EUR"' }));

/** ISO 3166-1 alpha-2, e.g. "GB". */
export const CountryCode = (): PropertyDecorator =>
  all(IsString(), Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "GB"' }));

/** A JSON number >= 0 with at most 4 decimal places (enough for every currency and for unit prices). */
export const MoneyAmount = (): PropertyDecorator =>
  all(IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }), Min(0));

export const Quantity = (): PropertyDecorator => all(IsInt(), Min(1));

/** An instant in UTC, as the platform writes them: "2011-04-01T09:00:00.000Z" (milliseconds optional). */
export const UtcInstant = (): PropertyDecorator =>
  all(
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, {
      message: '$property must be an ISO 8601 instant in UTC, e.g. "2011-04-01T09:00:00.000Z"',
    }),
  );

/** Text a person wrote: bounded, so that one event cannot carry a book. */
export const Text = (maxLength: number): PropertyDecorator => all(IsString(), MaxLength(maxLength));

export const FreeText = (): PropertyDecorator => Text(2000);
