import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { affectedBy, dependenciesOf, type TestWatcher, watchTests } from '../../../test-runner/watch.ts';

const examples = resolve(import.meta.dirname, '../../../blueprints');

/** A project: two blueprints, a test file each (one in a sub-folder), a config at the top. */
function project(): { dir: string; router: string; store: string } {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-watch-'));
  mkdirSync(join(dir, 'store'));
  const copy = (name: string, to: string) => writeFileSync(join(dir, to), readFileSync(join(examples, name)));
  copy('webhook-router.blueprint.json', 'router.blueprint.json');
  copy('data-store.blueprint.json', 'store/store.blueprint.json');
  copy('makesim.config.json', 'makesim.config.json');
  const test = (blueprint: string) => JSON.stringify({ blueprint, cases: [] });
  writeFileSync(join(dir, 'router.test.json'), test('router.blueprint.json'));
  writeFileSync(join(dir, 'store/store.test.json'), test('store.blueprint.json'));
  return { dir, router: join(dir, 'router.test.json'), store: join(dir, 'store/store.test.json') };
}

describe('which test files a change reruns', () => {
  it('depends on the test file, its snapshot, its blueprint and the config that applies', () => {
    const { dir, store } = project();
    expect(dependenciesOf(store)).toEqual([
      store,
      join(dir, 'store/store.snap.json'),
      join(dir, 'store/store.blueprint.json'),
      join(dir, 'makesim.config.json'),
    ]);
  });

  it('reruns the dependents of a changed file, a new test file, or the folder of a fixture', () => {
    const { dir, router, store } = project();
    const known = new Map([router, store].map((file) => [file, dependenciesOf(file)]));
    expect(affectedBy(join(dir, 'router.blueprint.json'), known)).toEqual([router]);
    expect(affectedBy(join(dir, 'makesim.config.json'), known)).toEqual([router, store]);
    expect(affectedBy(join(dir, 'store/new.test.json'), known)).toEqual([join(dir, 'store/new.test.json')]);
    expect(affectedBy(join(dir, 'store/orders.fixture.json'), known)).toEqual([store]);
    expect(affectedBy(join(dir, 'notes.txt'), known)).toEqual([]);
  });
});

describe('watchTests', () => {
  let watcher: TestWatcher | undefined;
  afterEach(() => watcher?.close());

  it('reruns only the test file whose blueprint changed', async () => {
    const { dir, router } = project();
    const reruns: string[][] = [];
    const rerun = new Promise<void>((done) => {
      watcher = watchTests({
        paths: [dir],
        cwd: dir,
        rerun: async (files) => {
          reruns.push(files);
          done();
        },
      });
    });
    const blueprint = join(dir, 'router.blueprint.json');
    writeFileSync(blueprint, readFileSync(blueprint, 'utf8').replace('Webhook router', 'Webhook router 2'));
    await rerun;
    expect(reruns).toEqual([[router]]);
  });
});
