/**
 * Checks of the config's `dataStructures` that JSON Schema cannot make: unique ids and names
 * (hooks and stores refer to a structure by id), the rules of each `spec` that the API's
 * `POST /data-structures` applies too (modules/datastore/structure-spec.ts), and that every
 * scenario's `hook.dataStructure` names one of them; beside that hook-option check, that every
 * `hook.ip` allow-list reads (modules/gateway/ip-list.ts).
 */
import { specProblems } from '../modules/datastore/structure-spec.ts';
import { ipListProblem } from '../modules/gateway/ip-list.ts';
import type { ConfigProblem } from './config-error.ts';
import type { DataStructureConfig, ScenarioConfig } from './types.ts';

export function dataStructureProblems(structures: readonly DataStructureConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const names = new Set<string>();
  const ids = new Set<number>();
  structures.forEach((structure, index) => {
    const at = `/dataStructures/${index}`;
    if (names.has(structure.name))
      problems.push({
        pointer: `${at}/name`,
        message: `duplicate data structure name "${structure.name}"`,
        hint: 'give each data structure its own name',
      });
    if (structure.id !== undefined && ids.has(structure.id))
      problems.push({
        pointer: `${at}/id`,
        message: `duplicate data structure id ${structure.id}`,
        hint: 'give each data structure its own id',
      });
    names.add(structure.name);
    if (structure.id !== undefined) ids.add(structure.id);
    for (const problem of specProblems(structure.spec, `${at}/spec`))
      problems.push({ ...problem, hint: 'fix the field there' });
  });
  return problems;
}

/** The entry a `hook.dataStructure` names: a number is an entry's `id`, a string its `name`. */
export function findDataStructure(
  structures: readonly DataStructureConfig[],
  reference: number | string,
): DataStructureConfig | undefined {
  return structures.find((structure) =>
    typeof reference === 'number' ? structure.id === reference : structure.name === reference,
  );
}

/** A hook that validates against a structure the server will not have would validate nothing. */
export function hookStructureProblems(
  scenarios: Readonly<Record<string, ScenarioConfig>>,
  structures: readonly DataStructureConfig[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, scenario] of Object.entries(scenarios)) {
    const reference = scenario.hook?.dataStructure;
    if (reference === undefined || findDataStructure(structures, reference)) continue;
    problems.push({
      pointer: `/scenarios/${pointerToken(key)}/hook/dataStructure`,
      message:
        typeof reference === 'number'
          ? `no entry of "dataStructures" has id ${reference}`
          : `no entry of "dataStructures" is named "${reference}"`,
      hint: structures.length
        ? `use one of ${JSON.stringify(structures.map((s) => s.name))} or add it to "dataStructures"`
        : 'declare the structure in "dataStructures" first',
    });
  }
  return problems;
}

/**
 * A hook IP allow-list with an entry the gateway cannot read would skip that entry, and could
 * shut every caller out (Make's help: https://help.make.com/webhooks); the API's set-data refuses the same
 * lists.
 */
export function hookIpProblems(scenarios: Readonly<Record<string, ScenarioConfig>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, scenario] of Object.entries(scenarios)) {
    const problem = scenario.hook?.ip === undefined ? undefined : ipListProblem(scenario.hook.ip);
    if (problem === undefined) continue;
    problems.push({
      pointer: `/scenarios/${pointerToken(key)}/hook/ip`,
      message: problem,
      hint: 'separate addresses and CIDR ranges with commas, or leave "ip" out to allow every address',
    });
  }
  return problems;
}

/** RFC 6901: `~` and `/` in a key are escaped inside a JSON pointer. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
