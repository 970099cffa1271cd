#!/usr/bin/env node
// `npm run build` (also run by `prepare`): compiles the sources to dist/ with tsc
// (tsconfig.build.json), then copies the runtime assets beside their compiled modules, so a
// `readFileSync(new URL('./x', import.meta.url))` or `new Worker(new URL(...))` finds the same
// file from dist/ as from the sources. An asset is any file in a source folder that is not
// TypeScript or documentation (today: server/ui/assets/*, server/queue/checkpoint-worker.mjs,
// cost/plans.json); a new one is picked up without touching this script. Then the `makesim`
// command, dist/cli/bin.js, is replaced by an esbuild bundle of the CLI that starts faster
// (scripts/bundle-cli.mjs). Last, the JSON schemas become standalone validators
// (scripts/precompile-schemas.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from './bundle-cli.mjs';
import { precompileSchemas } from './precompile-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Development folders: never part of the package (keep in step with tsconfig.build.json). */
const NOT_SOURCE = new Set([
  'node_modules',
  'dist',
  'test',
  'bench',
  'scripts',
  'bin',
  'docs',
  'blueprints',
  'coverage',
  'test-artifacts',
]);
const NOT_ASSET = new Set(['.ts', '.md']);

function sourceFolders() {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_SOURCE.has(entry.name))
    .map((entry) => join(root, entry.name));
}

function* assets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* assets(path);
    else if (!NOT_ASSET.has(extname(entry.name))) yield path;
  }
}

function compile() {
  const typescript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = join(typescript, 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('build: tsc failed (see above); dist/ is incomplete');
    process.exit(result.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });
compile();
let copied = 0;
for (const folder of sourceFolders()) {
  for (const file of assets(folder)) {
    const target = join(dist, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    copied++;
  }
}
const bundled = await bundleCli(root);
const schemas = await precompileSchemas(dist);
console.log(
  `build: dist/ compiled, ${copied} runtime asset(s) copied, CLI bundled into ${bundled} file(s), ` +
    `${schemas} JSON schema(s) precompiled`,
);
