/**
 * `makesim test --watch`: after a first run, reruns the test files a change affects — the test
 * file itself, its blueprint, its snapshot, the project config that applies to its blueprint,
 * or a fixture (any other JSON or YAML file) in the test file's folder — and picks up test files
 * created in the watched folders. Changes arriving together (an editor's save, a git checkout)
 * are gathered for a short while and give one rerun.
 */
import { type FSWatcher, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findConfigFile } from '../config/load-config.ts';
import { discoverTestFiles } from './discover.ts';
import { isTestFileName, loadTestFile } from './load-test-file.ts';
import { snapshotPath } from './snapshot.ts';

export const SETTLE_MS = 150;

export interface TestWatcher {
  close(): void;
}

export interface WatchOptions {
  /** What the first run was given (test files and folders), to find new test files in. */
  paths: readonly string[];
  cwd: string;
  /** Reruns these test files (absolute paths, sorted). */
  rerun(files: string[]): Promise<void>;
}

/** The files whose change reruns a test file. */
export function dependenciesOf(testFile: string): string[] {
  const deps = [testFile, snapshotPath(testFile)];
  try {
    const blueprint = loadTestFile(testFile).blueprintPath;
    deps.push(blueprint);
    const config = findConfigFile(dirname(blueprint));
    if (config) deps.push(config);
  } catch {
    // A broken test file is rerun when it changes, and then reports its problem.
  }
  return deps.map((path) => resolve(path));
}

/** The test files among `known` that a change of `changed` affects (new test files included). */
export function affectedBy(changed: string, known: ReadonlyMap<string, string[]>): string[] {
  const hit = [...known].filter(([, deps]) => deps.includes(changed)).map(([file]) => file);
  const name = changed.slice(dirname(changed).length + 1);
  if (isTestFileName(name) && !known.has(changed)) hit.push(changed);
  if (hit.length === 0 && /\.(json|ya?ml)$/.test(name)) {
    hit.push(...[...known.keys()].filter((file) => dirname(file) === dirname(changed)));
  }
  return [...new Set(hit)].sort();
}

export function watchTests(options: WatchOptions): TestWatcher {
  const known = new Map<string, string[]>();
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const track = () => {
    known.clear();
    for (const file of discoverTestFiles(options.paths, options.cwd)) known.set(file, dependenciesOf(file));
    for (const dir of new Set([...known.values()].flat().map((path) => dirname(path)))) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(
          dir,
          watch(dir, (_event, name) => name && changed(join(dir, name.toString()))),
        );
      } catch {
        // A folder that does not exist (a snapshot's, before one is written) is not watched.
      }
    }
  };
  const changed = (path: string) => {
    for (const file of affectedBy(path, known)) pending.add(file);
    if (pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  const flush = () => {
    const files = [...pending].sort();
    pending = new Set();
    running = running.then(async () => {
      track();
      const present = files.filter((file) => known.has(file));
      if (present.length > 0) await options.rerun(present);
    });
  };

  track();
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}
