/**
 * Benches of the built package (what users run: dist/, no tsx) first build it, so that their
 * figures are for the current sources.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export function buildDist(): void {
  console.log('  building dist/ (npm run build) so that the figures are for the current sources…');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
}
