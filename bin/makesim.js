#!/usr/bin/env node
// The development launcher: runs the CLI from the TypeScript sources through tsx, so a source
// checkout (and the tests that spawn it) always runs the code as it is now. The package's own
// `makesim` command is the built dist/cli/bin.js (package.json "bin").
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
