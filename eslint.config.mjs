import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// What may import what. Domain code is pure: no adapter, no Nest, no I/O driver.
const ioPackages = [
  '@nestjs/*',
  'nestjs-*',
  'kafkajs',
  'mongodb',
  'better-sqlite3',
  '@eventstore/db-client',
  'express',
  'pino',
  'pino-*',
  'prom-client',
];

export default [
  { ignores: ['**/dist', '**/node_modules', 'bench/peers', '**/coverage', '.nx', '.bench', 'data'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:adapter'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:adapter'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
