#!/usr/bin/env node
// The package's `makesim` command (package.json "bin" → dist/cli/bin.js). In a source checkout,
// bin/makesim.js runs the same main() from the TypeScript sources.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
