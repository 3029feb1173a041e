import assert from 'node:assert/strict';
import { Decider } from '../customer-decider';

type ErrorType<E extends Error> = abstract new (...args: never[]) => E;

/**
 * Business-readable decider tests, after Emmett:
 * `given([CustomerRegistered]).when(RegisterCustomer).thenThrows(CustomerAlreadyRegisteredError)`.
 * Assertions use node:assert, so the helper works under any test runner.
 */
export function deciderSpecification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const decide = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly Event[]): void {
              assert.deepStrictEqual(decide(), expected);
            },
            thenNothingHappened(): void {
              assert.deepStrictEqual(decide(), []);
            },
            thenThrows<E extends Error>(errorType: ErrorType<E>, check?: (error: E) => void): void {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              assert.ok(thrown instanceof errorType, `expected ${errorType.name}, got ${describe(thrown)}`);
              check?.(thrown);
            },
          };
        },
      };
    },
  };
}

function describe(thrown: unknown): string {
  if (thrown === undefined) return 'no error';
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
}
