/** Reading `makesim run`'s options: JSON files with their error positions, numbers, dates, --var. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import type { VariableScopes } from '../../engine/expression/types.ts';
import { type CliContext, UsageError } from '../context.ts';

export function readJsonFile(ctx: CliContext, path: string, option: string): unknown {
  const file = resolve(ctx.cwd, path);
  if (!existsSync(file)) throw new UsageError(`${option}: file not found: ${file}`);
  const parsed = parseJsonText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new UsageError(`${option} ${file}: ${parsed.problem.message}`);
  return parsed.value;
}

export function positive(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${option} must be a whole number of at least 1, got "${value}"`);
  return n;
}

export function isoDate(value: string): string {
  if (Number.isNaN(new Date(value).getTime()))
    throw new UsageError(`--now must be an ISO date such as 2026-01-01T09:00:00Z, got "${value}"`);
  return value;
}

/** `--var a=1` → scenario; `--var organization.a=1` / `team.a=1` / `input.a=1` → those scopes. */
export function mergeVars(base: VariableScopes, specs: readonly string[]): VariableScopes {
  const vars: VariableScopes = {
    ...base,
    organization: { ...base.organization },
    team: { ...base.team },
    scenario: { ...base.scenario },
  };
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var needs name=value, got "${spec}"`);
    const name = spec.slice(0, eq);
    const value = parseValue(spec.slice(eq + 1));
    const dot = name.indexOf('.');
    const scope = dot > 0 ? name.slice(0, dot) : '';
    if (scope === 'organization' || scope === 'team' || scope === 'input') {
      vars[scope] = { ...vars[scope], [name.slice(dot + 1)]: value };
    } else (vars.scenario as Record<string, unknown>)[name] = value;
  }
  return vars;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The network hosts of `--allow-net[=HOST]` (repeatable): a bare flag allows every host. */
export type AllowNet = true | string[];

export function collectHost(value: string | true, previous: AllowNet | undefined): AllowNet {
  if (value === true || previous === true) return true;
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(value))
    throw new UsageError(`--allow-net takes a host name such as api.example.com, got "${value}"`);
  return [...(previous ?? []), value.toLowerCase()];
}

export const ALLOW_NET_HELP =
  'let HTTP modules reach this host for real (repeatable: --allow-net=a.com --allow-net=b.com; bare: any host)';
