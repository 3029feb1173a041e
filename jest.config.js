// Tests are grouped by what they need, from the file suffix:
//   *.unit.spec.ts  nothing          npm run test:unit
//   *.int.spec.ts   Kafka, FerretDB  npm run test:int   (servers from infra/)
//   *.e2e.spec.ts   built platform   npm run test:e2e   (servers from infra/, for the Kafka gateway)
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Workspace packages resolve to their TypeScript sources in tests (no build step).
const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@cdp/source', 'node', 'node-addons', 'require', 'default'] },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

// The EventStoreDB contract run needs a server nobody can install here; it runs
// whenever EVENTSTORE_CONNECTION_STRING points at one (e.g. `docker compose up` of infra/).
const eventStoreDbIgnored = process.env.EVENTSTORE_CONNECTION_STRING ? [] : ['\\.eventstoredb\\.int\\.spec\\.ts$'];

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['**/*.int.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...eventStoreDbIgnored],
      globalSetup: '<rootDir>/tools/jest/start-servers.js',
      setupFilesAfterEnv: ['<rootDir>/tools/jest/int-timeout.js'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/tools/jest/start-servers.js',
      setupFilesAfterEnv: ['<rootDir>/tools/jest/e2e-timeout.js'],
    },
  ],
};
