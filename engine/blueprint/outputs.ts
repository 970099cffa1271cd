/**
 * What a module outputs, when that is known before it runs — for the linter's field check
 * (`{{21.value}}` after a Text aggregator, which outputs only `text`). Built-ins declare their
 * fields (`outputFields` in engine/registry/define-module.ts); app modules carry Make's output
 * field specs in the export (`metadata.interface`). Everything else is dynamic (Parse JSON
 * without a data structure, webhooks, variables, iterators) and is not checked: undefined.
 */
import { interfaceOf } from '../registry/interface-sample.ts';
import type { ModuleNode } from './scenario.ts';

/** The fields of `node`'s bundles a mapping may read, or undefined when they are not known. */
export function knownOutputs(node: ModuleNode): ReadonlySet<string> | undefined {
  const declared = node.definition?.outputFields;
  if (node.definition) {
    const fields = typeof declared === 'function' ? declared(node) : declared;
    return fields === undefined ? undefined : new Set(fields);
  }
  return interfaceFields(interfaceOf(node.raw));
}

/** Names of an export's `metadata.interface`; an empty or malformed one says nothing. */
function interfaceFields(specs: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(specs)) return undefined;
  const names = new Set<string>();
  for (const spec of specs) {
    if (typeof spec === 'object' && spec !== null && typeof (spec as { name?: unknown }).name === 'string')
      names.add((spec as { name: string }).name);
  }
  return names.size > 0 ? names : undefined;
}

/**
 * Fields Make adds beside a module's own: `__IMTLENGTH__`, `__IMTINDEX__` on searches and
 * iterators, `__IMTAGGLENGTH__` on aggregators, and so on (Make's internal `__IMT…__` names).
 */
export function isMetaField(field: string): boolean {
  return field.startsWith('__IMT');
}
