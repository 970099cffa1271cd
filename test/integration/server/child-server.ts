/**
 * Spawns `node bin/makesim.js serve …` as a child process (a real listening server that can be
 * SIGKILLed) and reads its address from the startup banner.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface Child {
  process: ChildProcess;
  url: string;
  token: string;
  udids: string[];
}

/**
 * A fresh directory with the given blueprints and a config (default: data stores kept in memory;
 * a config without `database` is the default setup, stores in the server's own database file).
 */
export function projectDir(
  blueprints: Record<string, unknown>,
  config: Record<string, unknown> = { database: ':memory:' },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-serve-'));
  writeFileSync(join(dir, 'makesim.config.json'), JSON.stringify(config));
  for (const [name, blueprint] of Object.entries(blueprints)) {
    writeFileSync(join(dir, `${name}.blueprint.json`), JSON.stringify(blueprint));
  }
  return dir;
}

export function startChild(dir: string, extra: string[] = []): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin/makesim.js'),
      'serve',
      dir,
      '--port',
      '0',
      '--no-watch',
      '--no-rate-limit',
      ...extra,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let out = '';
  let err = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 30 s:\n${out}\n${err}`)),
      30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const token = /Token ([0-9a-f-]+)/.exec(out)?.[1];
      const udids = [...out.matchAll(/hook \S+\/([a-z0-9]{32})\n/g)].map((m) => m[1] ?? '');
      // The banner may arrive in pieces: wait for the first hook line (every test project has one).
      if (!url || !token || udids.length === 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolvePromise({ process: child, url, token, udids });
    });
  });
}

export function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return resolvePromise();
    child.process.once('exit', () => resolvePromise());
    child.process.kill(signal);
  });
}
