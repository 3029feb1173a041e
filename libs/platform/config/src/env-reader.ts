import { ConfigProblem } from './config-error';

/**
 * Reads variables one by one and collects what is wrong instead of stopping at the first.
 * An empty value counts as unset: `PORT=` in a compose file means "use the default".
 */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  raw(variable: string): string | undefined {
    const value = this.env[variable]?.trim();
    return value === '' ? undefined : value;
  }

  oneOf<T extends string>(variable: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(variable);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.reject(variable, `must be one of ${allowed.join(', ')}`, value, fallback);
  }

  integer(variable: string, range: { min: number; max: number; hint?: string }, fallback: number): number {
    const value = this.raw(variable);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (/^\d+$/.test(value) && number >= range.min && number <= range.max) return number;
    const hint = range.hint ? ` (${range.hint})` : '';
    return this.reject(variable, `must be an integer ${range.min}-${range.max}${hint}`, value, fallback);
  }

  matching(variable: string, pattern: RegExp, expectation: string, fallback: string): string {
    const value = this.raw(variable);
    if (value === undefined) return fallback;
    return pattern.test(value) ? value : this.reject(variable, `must be ${expectation}`, value, fallback);
  }

  required(variable: string, pattern: RegExp, expectation: string, reason: string): string {
    const value = this.raw(variable);
    if (value === undefined) {
      this.problems.push({ variable, message: `${variable} is required ${reason}: it must be ${expectation}` });
      return '';
    }
    return pattern.test(value) ? value : this.reject(variable, `must be ${expectation}`, value, '');
  }

  private reject<T>(variable: string, expectation: string, value: string, fallback: T): T {
    this.problems.push({ variable, message: `${variable} ${expectation}, got ${JSON.stringify(value)}` });
    return fallback;
  }
}
