// Lets `node -r ./test/helpers/ts-register.js src/cli/x.ts` run the TypeScript sources without a build, as
// tests that drive a command line tool in a child process need: each module is transpiled as it loads
// (no type check; `npx tsc --noEmit` does that).
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  resolveJsonModule: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
