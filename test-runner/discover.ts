import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isTestFileName } from './load-test-file.ts';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.makesim', 'test-artifacts']);

/** Test files under the given files/dirs (default: the working directory), sorted for stable output. */
export function discoverTestFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const path of paths.length > 0 ? paths : ['.']) {
    const full = resolve(cwd, path);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) throw new Error(`no such file or directory: ${path}`);
    if (stat.isDirectory()) walk(full, found);
    else found.add(full);
  }
  return [...found].sort();
}

function walk(dir: string, found: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), found);
    } else if (isTestFileName(entry.name)) {
      found.add(join(dir, entry.name));
    }
  }
}
