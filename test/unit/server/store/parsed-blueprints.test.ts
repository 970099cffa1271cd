/**
 * A stored blueprint is parsed once, not after every write to its row (activation, hook, error
 * streak): parsing a 20,000-module blueprint holds the event loop for a quarter of a second
 * (issue 15 §2). A changed blueprint is read as changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../../server/queue/db.ts';
import { ScenarioStore } from '../../../../server/store/scenarios.ts';

let db: Db;
afterEach(() => db?.close());
const now = new Date('2026-01-31T12:00:00Z');

function store() {
  db = openDatabase(':memory:');
  const scenarios = new ScenarioStore(db);
  const blueprint = { name: 'One', flow: [{ id: 1, module: 'gateway:CustomWebHook', version: 1 }] };
  const created = scenarios.create({
    name: 'One',
    source: null,
    blueprint,
    scheduling: { type: 'immediately' },
    isActive: false,
    now,
  });
  return { scenarios, blueprint, id: created.id };
}

describe('the scenario store keeps parsed blueprints', () => {
  it('hands back the blueprint it was given, across writes that leave it unchanged', () => {
    const { scenarios, blueprint, id } = store();
    expect(scenarios.get(id)?.blueprint).toBe(blueprint);
    scenarios.setActive(id, true);
    scenarios.setErrors(id, 2);
    scenarios.update(id, { name: 'Renamed' }, now);
    const read = scenarios.get(id);
    expect(read?.blueprint).toBe(blueprint);
    expect([read?.name, read?.isActive, read?.consecutiveErrors]).toEqual(['Renamed', true, 2]);
    expect(scenarios.list()[0]?.blueprint).toBe(blueprint);
  });

  it('reads a changed blueprint as changed, also when another store wrote it', () => {
    const { scenarios, id } = store();
    scenarios.update(id, { blueprint: { name: 'Two', flow: [] } }, now);
    expect(scenarios.get(id)?.blueprint).toEqual({ name: 'Two', flow: [] });
    // Another process sharing the database (a second store on the same connection here).
    new ScenarioStore(db).update(id, { blueprint: { name: 'Three', flow: [] } }, now);
    expect(scenarios.bySource('nowhere')).toBeUndefined();
    expect(scenarios.list()[0]?.blueprint).toEqual({ name: 'Three', flow: [] });
  });
});
