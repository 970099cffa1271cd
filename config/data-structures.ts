/**
 * Checks of the config's `dataStructures` that JSON Schema cannot make: unique ids and names
 * (hooks and stores refer to a structure by id), and the rules of each `spec` that the API's
 * `POST /data-structures` applies too (modules/datastore/structure-spec.ts).
 */
import { specProblems } from '../modules/datastore/structure-spec.ts';
import type { ConfigProblem } from './config-error.ts';
import type { DataStructureConfig } from './types.ts';

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
