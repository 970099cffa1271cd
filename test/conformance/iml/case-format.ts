/**
 * The IML conformance case format (one JSON array per file in ./cases). Shared by the runner
 * and any tool that wants to read the cases. `{"$date": "ISO"}` and `{"$buffer": "hex"}` stand
 * for a Date and a Buffer, in `data`, `vars` and `expect`.
 */
import type { FilterCondition, VariableScopes } from '../../../engine/expression/types.ts';

export interface ImlCase {
  name: string;
  /** A template to evaluate… */
  template?: string;
  /** …or one filter condition `{a, o, b}` to test (expect is then true/false). */
  condition?: FilterCondition;
  /** Output bundles by module id: `{"1": {...}}`. */
  data?: Record<string, unknown>;
  vars?: VariableScopes;
  timezone?: string;
  now?: string;
  executionId?: string;
  expect?: unknown;
  /** A MakeError type (`DataError`) or an ExpressionError code (`unexpected-token`). */
  expectError?: string;
}

/** Replaces `{"$date"}` / `{"$buffer"}` markers by real values, recursively. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record.$date === 'string') return new Date(record.$date);
  if (keys.length === 1 && typeof record.$buffer === 'string') return Buffer.from(record.$buffer, 'hex');
  const out: Record<string, unknown> = {};
  for (const key of keys)
    Object.defineProperty(out, key, {
      value: revive(record[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
