/**
 * A scenario's `description` (Make's scenario field, set by `PATCH /scenarios/{id}`). Kept in the
 * server database beside the scenario, keyed by id and creation time so a later scenario never
 * inherits it; a served blueprint has none until one is set over the API.
 */
import type { Db } from '../queue/db.ts';
import type { StoredScenario } from '../store/scenarios.ts';

const prepared = new WeakSet<Db>();

function ensureTable(db: Db): void {
  if (prepared.has(db)) return;
  db.exec(`CREATE TABLE IF NOT EXISTS scenario_descriptions (
    scenario_id INTEGER PRIMARY KEY,
    scenario_created TEXT NOT NULL,
    description TEXT NOT NULL
  )`);
  prepared.add(db);
}

export function readDescription(db: Db, scenario: StoredScenario): string {
  ensureTable(db);
  const row = db
    .prepare<[number, string], { description: string }>(
      'SELECT description FROM scenario_descriptions WHERE scenario_id = ? AND scenario_created = ?',
    )
    .get(scenario.id, scenario.created);
  return row?.description ?? '';
}

export function writeDescription(db: Db, scenario: StoredScenario, description: string): void {
  ensureTable(db);
  db.prepare(
    `INSERT INTO scenario_descriptions (scenario_id, scenario_created, description) VALUES (?, ?, ?)
     ON CONFLICT(scenario_id) DO UPDATE SET scenario_created = excluded.scenario_created,
       description = excluded.description`,
  ).run(scenario.id, scenario.created, description);
}
