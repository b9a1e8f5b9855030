/**
 * Loads every code entry of the installed package, by `require` and by `import`, and
 * prints what happened to each as JSON: `{ "./core": { "require": "ok", "import": "ok" } }`,
 * or the error message where an entry could not load.
 */
const { exports: packageExports } = require('trackstar-write-form/package.json');

async function main() {
  const results = {};
  for (const [subpath, target] of Object.entries(packageExports)) {
    if (typeof target === 'string') continue;
    const specifier = `trackstar-write-form${subpath.slice(1)}`;
    const result = {};
    try {
      result.require = Object.keys(require(specifier)).length > 0 ? 'ok' : 'no exports';
    } catch (error) {
      result.require = error.message.split('\n')[0];
    }
    try {
      result.import = Object.keys(await import(specifier)).length > 0 ? 'ok' : 'no exports';
    } catch (error) {
      result.import = error.message.split('\n')[0];
    }
    results[subpath] = result;
  }
  process.stdout.write(JSON.stringify(results));
}

main();
