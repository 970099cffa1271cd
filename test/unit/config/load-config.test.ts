/** makesim.config.json: discovery, defaults, and errors that name the JSON pointer. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../config/config-error.ts';
import { findConfigFile, loadConfig, parseConfig } from '../../../config/load-config.ts';

function problemsOf(raw: unknown): Array<{ pointer: string }> {
  try {
    parseConfig(raw, { root: '/project' });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => ({ pointer: p.pointer }));
    throw error;
  }
  return [];
}

describe('finding the config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the file in a parent of the blueprint directory', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'makesim.config.json'), '{"timezone":"Europe/Prague"}');
    expect(findConfigFile(join(dir, 'a', 'b'))).toBe(join(dir, 'makesim.config.json'));
    const config = loadConfig({ startDir: join(dir, 'a', 'b') });
    expect(config.timezone).toBe('Europe/Prague');
    expect(config.root).toBe(dir);
    expect(config.database).toBe(join(dir, '.makesim', 'makesim.db'));
  });

  it('uses an explicit --config path', () => {
    writeFileSync(join(dir, 'other.json'), '{"database":"data/x.db"}');
    expect(loadConfig({ startDir: dir, configPath: 'other.json' }).database).toBe(join(dir, 'data', 'x.db'));
  });

  it('reports a missing --config file and bad JSON as ConfigError', () => {
    expect(() => loadConfig({ startDir: dir, configPath: 'missing.json' })).toThrow(ConfigError);
    writeFileSync(join(dir, 'makesim.config.json'), '{ nope');
    expect(() => loadConfig({ startDir: dir })).toThrow(ConfigError);
  });
});

describe('defaults', () => {
  it('fills every section when the file is empty', () => {
    const config = parseConfig({}, { root: '/project' });
    expect(config).toMatchObject({
      timezone: 'UTC',
      variables: { organization: {}, team: {} },
      dataStores: [],
      connections: {},
      scenarios: {},
      network: { allow: false },
      server: {},
      database: '/project/.makesim/makesim.db',
    });
  });

  it('keeps :memory: as the database', () => {
    expect(parseConfig({ database: ':memory:' }, { root: '/p' }).database).toBe(':memory:');
  });

  it('accepts a full config', () => {
    const raw = {
      timezone: 'America/New_York',
      variables: { organization: { plan: 'core' }, team: { region: 'eu' } },
      dataStores: [
        {
          name: 'contacts',
          makeId: 36975,
          maxBytes: 2_000_000,
          structure: {
            strict: true,
            fields: [
              { name: 'email', type: 'text', required: true },
              { name: 'address', type: 'collection', spec: [{ name: 'city', type: 'text' }] },
              { name: 'tags', type: 'array', spec: { name: 'tag', type: 'text' } },
            ],
          },
        },
      ],
      connections: {
        '1234': { type: 'basic', username: 'u', password: 'p' },
        crm: { type: 'apiKey', apiKey: 'k', apiKeyName: 'X-Key', apiKeyPlacement: 'header' },
        google: { type: 'oauth', accessToken: 't' },
      },
      scenarios: {
        '42': {
          blueprint: 'flows/a.json',
          hookId: 'a'.repeat(32),
          scheduling: { type: 'indefinitely', interval: 900 },
        },
      },
      network: { allow: ['api.example.com'] },
      server: { token: 't', port: 8080, hookPort: 8081, responseTimeoutMs: 180000 },
    };
    expect(problemsOf(raw)).toEqual([]);
  });
});

describe('errors name the JSON pointer', () => {
  it('a misspelt key', () => {
    expect(problemsOf({ timezon: 'UTC' })).toEqual([{ pointer: '/timezon' }]);
  });

  it('an unknown field type nested in a collection', () => {
    const fields = [{ name: 'c', type: 'collection', spec: [{ name: 'x', type: 'nope' }] }];
    expect(problemsOf({ dataStores: [{ name: 's', structure: { strict: false, fields } }] })).toContainEqual({
      pointer: '/dataStores/0/structure/fields/0/spec/0/type',
    });
  });

  it('an unknown field type inside a data structure', () => {
    expect(
      problemsOf({
        dataStores: [{ name: 's', structure: { strict: true, fields: [{ name: 'f', type: 'txt' }] } }],
      }),
    ).toEqual([{ pointer: '/dataStores/0/structure/fields/0/type' }]);
  });

  it('a connection without its credentials', () => {
    expect(problemsOf({ connections: { x: { type: 'basic', username: 'u' } } })).toEqual([
      { pointer: '/connections/x/password' },
    ]);
  });

  it('a hook id that is not 32 characters', () => {
    expect(problemsOf({ scenarios: { '1': { blueprint: 'a.json', hookId: 'short' } } })).toEqual([
      { pointer: '/scenarios/1/hookId' },
    ]);
  });

  it('a time zone that does not exist', () => {
    expect(problemsOf({ timezone: 'Mars/Olympus' })).toEqual([{ pointer: '/timezone' }]);
  });

  it('two stores with the same name or Make id', () => {
    expect(
      problemsOf({
        dataStores: [
          { name: 'a', makeId: 1 },
          { name: 'a', makeId: 1 },
        ],
      }),
    ).toEqual([{ pointer: '/dataStores/1/name' }, { pointer: '/dataStores/1/makeId' }]);
  });

  it('every problem carries a hint', () => {
    try {
      parseConfig({ server: { port: 'x' }, bogus: 1 }, { root: '/p' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.length).toBe(2);
      expect(problems.every((p) => p.hint.length > 0)).toBe(true);
    }
  });
});

describe('connections', () => {
  it('rejects an unknown connection type at its type field', () => {
    expect(problemsOf({ connections: { x: { type: 'digest' } } })).toEqual([
      { pointer: '/connections/x/type' },
    ]);
  });

  it('rejects a field that belongs to another connection type', () => {
    expect(problemsOf({ connections: { x: { type: 'oauth', accessToken: 't', password: 'p' } } })).toEqual([
      { pointer: '/connections/x/password' },
    ]);
  });
});

describe('scenario hook options', () => {
  const structures = [
    { id: 7, name: 'Lead', spec: [{ name: 'email', type: 'text' }] },
    { name: 'Order', spec: [{ name: 'total', type: 'number' }] },
  ];
  const withHook = (hook: unknown) => ({
    dataStructures: structures,
    scenarios: { '12': { blueprint: 'a.json', hook } },
  });

  it('loads every option, naming a data structure by name or by id', () => {
    const hook = {
      headers: true,
      method: false,
      stringify: true,
      ip: '10.0.0.0/8, 127.0.0.1',
      apiKeys: ['k1', 'k2'],
      dataStructure: 'Order',
    };
    const config = parseConfig(withHook(hook), { root: '/p' });
    expect(config.scenarios['12']?.hook).toEqual(hook);
    expect(problemsOf(withHook({ dataStructure: 7 }))).toEqual([]);
  });

  it('names an unknown option', () => {
    expect(problemsOf(withHook({ header: true }))).toEqual([{ pointer: '/scenarios/12/hook/header' }]);
  });

  it('names an option of the wrong type, once', () => {
    expect(problemsOf(withHook({ method: 'yes' }))).toEqual([{ pointer: '/scenarios/12/hook/method' }]);
    expect(problemsOf(withHook({ dataStructure: true }))).toEqual([
      { pointer: '/scenarios/12/hook/dataStructure' },
    ]);
    expect(problemsOf(withHook({ apiKeys: 'k1' }))).toEqual([{ pointer: '/scenarios/12/hook/apiKeys' }]);
  });

  it('refuses an API key that is not ASCII or longer than 512 characters (https://help.make.com/webhooks)', () => {
    expect(problemsOf(withHook({ apiKeys: ['ok', 'klíč', 'k'.repeat(513)] }))).toEqual([
      { pointer: '/scenarios/12/hook/apiKeys/1' },
      { pointer: '/scenarios/12/hook/apiKeys/2' },
    ]);
  });

  it('names an IP allow-list entry that is not an address or CIDR range (https://help.make.com/webhooks)', () => {
    expect(problemsOf(withHook({ ip: '10.0.0.0/8, 10.0.0/8' }))).toEqual([
      { pointer: '/scenarios/12/hook/ip' },
    ]);
    expect(problemsOf(withHook({ ip: '::/129' }))).toEqual([{ pointer: '/scenarios/12/hook/ip' }]);
    expect(problemsOf(withHook({ ip: '10.0.0.0/8, ::1' }))).toEqual([]);
    try {
      parseConfig(withHook({ ip: 'localhost' }), { root: '/p' });
      expect.unreachable();
    } catch (error) {
      const [problem] = (error as ConfigError).problems;
      expect(problem?.message).toContain("'localhost'");
    }
  });

  it('names a data structure that is not among dataStructures, and says how to fix it', () => {
    expect(problemsOf(withHook({ dataStructure: 'Leads' }))).toEqual([
      { pointer: '/scenarios/12/hook/dataStructure' },
    ]);
    // An id matches only an entry that declares that id: "Order" has none.
    expect(problemsOf(withHook({ dataStructure: 8 }))).toEqual([
      { pointer: '/scenarios/12/hook/dataStructure' },
    ]);
    try {
      parseConfig(withHook({ dataStructure: 'Leads' }), { root: '/p' });
      expect.unreachable();
    } catch (error) {
      const [problem] = (error as ConfigError).problems;
      expect(problem?.hint).toContain('"Lead"');
    }
  });
});
