/**
 * Set multiple variables and Set variable run on their mappers' field values
 * (ModuleDefinition.runOnFields): the usual mapper — `scope`, and `variables` items
 * `{ name, value }` or `name` and `value`, whose fields are formulas or constants — read straight
 * from the formulas' values, with no input object per bundle.
 */
import { plainObjectMaker, setOwn } from '../../engine/expression/plain-object.ts';
import type { MapperShape } from '../../engine/expression/types.ts';
import type { Bundle, FieldsRun } from '../../engine/registry/define-module.ts';
import { nameOf, scopeOf } from './scope.ts';

/** A field's value: `values[leaf]` for a formula (leaf ≥ 0), else the constant. */
interface Field {
  readonly leaf: number;
  readonly constant: unknown;
}

/** Undefined for a mapper of another shape (a formula giving the whole list, nested objects…). */
export function setVariablesOnFields(mapper: MapperShape): FieldsRun | undefined {
  if (!('fields' in mapper)) return;
  const scope = fieldOf(mapper.fields.get('scope'));
  const list = mapper.fields.get('variables');
  if (scope === undefined || (list !== undefined && !('items' in list))) return;
  const names: Field[] = [];
  const values: Field[] = [];
  for (const item of list?.items ?? []) {
    if (!('fields' in item)) return;
    const name = fieldOf(item.fields.get('name'));
    const value = fieldOf(item.fields.get('value'));
    if (name === undefined || value === undefined) return;
    names.push(name);
    values.push(value);
  }
  // The output bundles of one node share a shape: sized to it (expression/plain-object.ts).
  const Output = plainObjectMaker();
  return (leaves, ctx) => {
    const chosen = scopeOf(read(scope, leaves));
    // As run and outputOf in set-variables.ts: set in order, a later variable of the same name winning.
    const out: Bundle = new Output();
    for (let k = 0; k < names.length; k++) {
      const name = nameOf(read(names[k] as Field, leaves));
      const value = read(values[k] as Field, leaves);
      ctx.variables.set(name, value, chosen);
      setOwn(out, name, value);
    }
    return out;
  };
}

/** Set variable (set-variable2.ts) on its field values: `name`, `scope` and `value` formulas or constants. */
export function setVariableOnFields(mapper: MapperShape): FieldsRun | undefined {
  if (!('fields' in mapper)) return;
  const name = fieldOf(mapper.fields.get('name'));
  const scope = fieldOf(mapper.fields.get('scope'));
  const value = fieldOf(mapper.fields.get('value'));
  if (name === undefined || scope === undefined || value === undefined) return;
  return (leaves, ctx) => {
    const chosen = nameOf(read(name, leaves));
    const given = read(value, leaves);
    ctx.variables.set(chosen, given, scopeOf(read(scope, leaves)));
    // As outputOf in set-variable2.ts: a computed key makes even `__proto__` an own field.
    return { [chosen]: given };
  };
}

const ABSENT: Field = { leaf: -1, constant: undefined };

/** A field that is a formula, a constant or absent; undefined for an object or array. */
function fieldOf(shape: MapperShape | undefined): Field | undefined {
  if (shape === undefined) return ABSENT;
  if ('leaf' in shape) return { leaf: shape.leaf, constant: undefined };
  if ('constant' in shape) return { leaf: -1, constant: shape.constant };
  return;
}

function read(field: Field, leaves: readonly unknown[]): unknown {
  return field.leaf >= 0 ? leaves[field.leaf] : field.constant;
}
