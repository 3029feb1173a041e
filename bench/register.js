// Lets node run the TypeScript benchmarks with no build step: every .ts file outside node_modules is
// compiled by swc when required, with the options the jest transform uses. Pair it with
// `--conditions=@cdp/source`, so that workspace packages resolve to their sources, not to dist/.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};
