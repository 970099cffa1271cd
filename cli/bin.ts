#!/usr/bin/env node
// The package's `makesim` command (package.json "bin" → dist/cli/bin.js). In a source checkout,
// bin/makesim.js runs the same main() from the TypeScript sources.
import module from 'node:module';

// Node 22.1 and later can keep V8's compiled code of the modules loaded after this call between
// runs (in the system temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so main() and the
// command it runs are imported below, not statically. Node 20 has no such cache: no effect there.
module.enableCompileCache?.();
const { main } = await import('./main.ts');

process.exitCode = await main(process.argv.slice(2));
