/**
 * The linter's checks of one module's `{{N.…}}` references (spec: Make's editor offers only the
 * outputs of modules before this one on its path). Each finding is a WARNING: Make imports such
 * a blueprint and maps the reference as empty when it runs (choice in docs/fidelity.md).
 *  - `reference-missing`: no module N in the blueprint;
 *  - `reference-not-upstream`: N is on another route, later, or dropped by an aggregator;
 *  - `reference-unknown-field`: N's outputs are known (outputs.ts) and do not include the field.
 */
import { nearest } from '../expression/suggest.ts';
import type { BuildState, DraftNode } from './build.ts';
import { isMetaField, knownOutputs } from './outputs.ts';
import type { FieldUse, TemplateUse } from './scan.ts';

export type Visible = (id: number) => boolean;

export function checkUses(
  uses: readonly TemplateUse[],
  visible: Visible,
  from: DraftNode,
  state: BuildState,
): void {
  for (const use of uses) {
    for (const id of use.references) {
      if (!visible(id)) reportOutOfScope(id, use.pointer, state);
    }
    for (const field of use.fields) {
      if (visible(field.id)) checkField(field, use.pointer, from, state);
    }
  }
}

function reportOutOfScope(id: number, pointer: string, state: BuildState): void {
  const target = state.byId.get(id);
  if (!target) {
    state.problems.warning({
      code: 'reference-missing',
      pointer,
      message: `{{${id}.…}} refers to module ${id}, which is not in the blueprint; Make maps it as empty`,
      hint: 'map a field of a module that is upstream on this path, or remove the mapping',
    });
    return;
  }
  state.problems.warning({
    code: 'reference-not-upstream',
    pointer,
    message: `{{${id}.…}} refers to module ${id} (${target.pointer}), which is not upstream on this path; Make maps it as empty`,
    hint: 'only modules earlier on the same route (and not dropped by an aggregator) can be mapped',
  });
}

function checkField(use: FieldUse, pointer: string, from: DraftNode, state: BuildState): void {
  if (isMetaField(use.field)) return;
  // In an error route the failed module's bundle is `{ error }` (Make's error handling help).
  if (use.field === 'error' && from.inErrorRoute) return;
  const target = state.byId.get(use.id);
  if (!target) return;
  const outputs = outputsOf(target, state);
  if (outputs === undefined || outputs.has(use.field)) return;
  const suggestion = nearest(use.field, outputs);
  const shown = [...outputs].slice(0, 8).join(', ');
  const listed = outputs.size === 0 ? 'nothing' : outputs.size > 8 ? `${shown}, …` : shown;
  // An app may return more than its declared interface, so the wording is softer there.
  const consequence = target.definition
    ? 'Make maps it as empty'
    : `not in the output interface of the export; unless ${target.key} returns it anyway, Make maps it as empty`;
  state.problems.warning({
    code: 'reference-unknown-field',
    pointer,
    message: `{{${use.id}.${use.field}}}: module ${use.id} (${target.key}) outputs ${listed}, not "${use.field}"; ${consequence}`,
    hint: suggestion
      ? `did you mean {{${use.id}.${suggestion}}}?`
      : `map one of the fields module ${use.id} outputs`,
    moduleId: from.id,
  });
}

function outputsOf(node: DraftNode, state: BuildState): ReadonlySet<string> | undefined {
  if (!state.outputs.has(node)) state.outputs.set(node, knownOutputs(node));
  return state.outputs.get(node);
}
