/** `makesim datastore …` against a project's database in a temp directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../cli/commands/datastore-csv.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

let dir: string;

/** `dir` is read at call time: each test gets the directory its beforeEach made. */
const cli = (...argv: string[]) => runCli(argv, { cwd: dir, env: NO_COLOR_ENV });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'makesim-cli-ds-'));
  const config = {
    dataStores: [
      { name: 'contacts', makeId: 36975 },
      {
        name: 'typed',
        structure: {
          strict: true,
          fields: [
            { name: 'email', type: 'text', required: true },
            { name: 'age', type: 'number' },
          ],
        },
      },
    ],
  };
  writeFileSync(join(dir, 'makesim.config.json'), JSON.stringify(config));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('makesim datastore', () => {
  it('puts, gets, shows and deletes a record, persisting between commands', async () => {
    expect((await cli('datastore', 'put', 'contacts', 'k1', '{"name":"Ann"}')).code).toBe(0);
    const got = await cli('datastore', 'get', 'contacts', 'k1');
    expect(got.code).toBe(0);
    expect(JSON.parse(got.out)).toEqual({ name: 'Ann' });
    expect(JSON.parse((await cli('datastore', 'show', 'contacts')).out)).toEqual([
      { key: 'k1', data: { name: 'Ann' } },
    ]);
    expect((await cli('datastore', 'delete', 'contacts', 'k1')).code).toBe(0);
    expect((await cli('datastore', 'get', 'contacts', 'k1')).code).toBe(1);
  });

  it('lists the stores with their record counts', async () => {
    await cli('datastore', 'put', 'contacts', 'k1', '{}');
    const { code, out } = await cli('datastore', 'list');
    expect(code).toBe(0);
    expect(out).toMatch(/^contacts\t36975\t1 records/m);
    expect(out).toMatch(/^typed\t-\t0 records/m);
  });

  it('exits 1 with the Make error type when the data structure refuses a record', async () => {
    const { code, err } = await cli('datastore', 'put', 'typed', 'k', '{"nope":1}');
    expect(code).toBe(1);
    expect(err).toContain('BundleValidationError');
  });

  it('exits 2 for an unknown store and for JSON that does not parse', async () => {
    expect((await cli('datastore', 'show', 'ghost')).code).toBe(2);
    expect((await cli('datastore', 'put', 'contacts', 'k', '{oops')).code).toBe(2);
  });

  it('imports CSV with quoted fields and exports it back', async () => {
    writeFileSync(
      join(dir, 'in.csv'),
      'key,email,age\r\nk1,"a@x.io",30\r\nk2,"multi\r\nline, ""quoted""",\r\n',
    );
    expect((await cli('datastore', 'import', 'typed', 'in.csv')).code).toBe(0);
    // The structure converts the CSV text "30" to the number 30; the empty age cell is left out.
    expect(JSON.parse((await cli('datastore', 'get', 'typed', 'k1')).out)).toEqual({
      email: 'a@x.io',
      age: 30,
    });
    const exported = await cli('datastore', 'export', 'typed', '--csv');
    expect(parseCsv(exported.out)).toEqual([
      ['key', 'email', 'age'],
      ['k1', 'a@x.io', '30'],
      ['k2', 'multi\r\nline, "quoted"', ''],
    ]);
  });

  it('imports JSON in both shapes and exports { key, data }', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify([{ key: 'a', data: { v: 1 } }]));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ b: { v: 2 } }));
    await cli('datastore', 'import', 'contacts', 'a.json');
    await cli('datastore', 'import', 'contacts', 'b.json');
    expect(JSON.parse((await cli('datastore', 'export', 'contacts')).out)).toEqual([
      { key: 'a', data: { v: 1 } },
      { key: 'b', data: { v: 2 } },
    ]);
  });

  it('imports all records or none', async () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify([
        { key: 'ok', data: { email: 'x' } },
        { key: 'bad', data: { zzz: 1 } },
      ]),
    );
    expect((await cli('datastore', 'import', 'typed', 'bad.json')).code).toBe(1);
    expect(JSON.parse((await cli('datastore', 'show', 'typed')).out)).toEqual([]);
  });

  it('reads another config with --config', async () => {
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({ database: 'other.db', dataStores: [{ name: 'solo' }] }),
    );
    const { code, out } = await cli('datastore', '--config', 'other.json', 'list');
    expect(code).toBe(0);
    expect(out).toMatch(/^solo\t/m);
  });
});
