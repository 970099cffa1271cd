/**
 * The shapes a blueprint arrives in: a bare export, or what Make's API v2 returns from
 * `GET /scenarios/{id}/blueprint` — `{"response": {"blueprint": …}}` — or `{"blueprint": …}`,
 * where the blueprint may itself be a JSON string
 * (https://developers.make.com/api-documentation/api-reference/scenarios/blueprints;
 * https://github.com/integromat/make-typescript-sdk `Blueprints.get`).
 */
import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import { parseJsonText } from '../errors/json-syntax.ts';
import { isRecord } from './settings.ts';

export interface Unwrapped {
  value: unknown;
  /** JSON pointer of the blueprint inside the input ('' when bare). */
  base: string;
  problems: BlueprintProblem[];
}

export function unwrapBlueprint(input: unknown): Unwrapped {
  let value = input;
  let base = '';
  for (let depth = 0; depth < 4; depth++) {
    if (typeof value === 'string') {
      const parsed = parseJsonText(value);
      if (!parsed.ok)
        return { value: undefined, base, problems: [stringSyntax(base, parsed.problem.message)] };
      value = parsed.value;
    } else if (isRecord(value) && !('flow' in value) && 'response' in value) {
      value = value.response;
      base += '/response';
    } else if (isRecord(value) && !('flow' in value) && 'blueprint' in value) {
      value = value.blueprint;
      base += '/blueprint';
    } else {
      break;
    }
  }
  return { value, base, problems: [] };
}

function stringSyntax(pointer: string, message: string): BlueprintProblem {
  return {
    severity: 'error',
    code: 'json-syntax',
    pointer,
    message: `the blueprint string is not JSON: ${message}`,
    hint: 'the "blueprint" field must hold the blueprint JSON, as Make\'s API returns it',
  };
}
