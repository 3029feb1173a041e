/** One environment variable with a value the platform cannot use, and what it accepts instead. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Every wrong variable at once, so that one restart is enough to fix them all. */
export class ConfigError extends Error {
  readonly code = 'invalid-config';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        `invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`,
        ...problems.map((problem) => `  - ${problem.message}`),
      ].join('\n'),
    );
  }
}
