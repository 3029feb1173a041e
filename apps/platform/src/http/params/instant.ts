import { ValidateBy, ValidationOptions } from 'class-validator';

// A date is a UTC day; a date-time must say its time zone, or the server's own zone would decide what it means.
const instantPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The moment a query parameter names: `2011-06-01` (midnight UTC) or `2011-06-01T09:30:00Z` / `…+01:00`;
 * undefined for anything else (week dates, ordinal dates, a missing zone, 2011-02-30).
 */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = instantPattern.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  // Date.parse rolls 2011-02-30 over to March: check the fields it was given against what it made of them.
  const fields = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  const sameFields =
    fields.getUTCFullYear() === Number(year) &&
    fields.getUTCMonth() === Number(month) - 1 &&
    fields.getUTCDate() === Number(day) &&
    fields.getUTCHours() === Number(hour) &&
    fields.getUTCMinutes() === Number(minute) &&
    fields.getUTCSeconds() === Number(second);
  const instant = new Date(match[4] === undefined ? `${value}T00:00:00Z` : value);
  return sameFields && !Number.isNaN(instant.getTime()) ? instant : undefined;
}

export const instantFormats = 'a date (2011-06-01, midnight UTC) or a date-time with its time zone (2011-06-01T09:30:00Z)';

/** Accepts exactly what `parseInstant` reads; the message names the parameter and the two accepted forms. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => parseInstant(value) !== undefined,
        defaultMessage: (args) => `${args?.property ?? 'the value'} must be ${instantFormats}`,
      },
    },
    options,
  );
}
