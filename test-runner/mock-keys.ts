/**
 * Mocks are keyed by module id ("4") or module key ("slack:CreateMessage", DESIGN "Mocks"). A key
 * that names nothing in the blueprint would be silently ignored — the module it was meant for then
 * runs without its mock — so it is refused, naming the closest ids or keys that do exist.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';

/** One problem per unknown key: `mocks."17": the blueprint has no module 17; closest: 16, 18`. */
export function unknownMockKeys(scenario: Scenario, mocks: Readonly<Record<string, unknown>>): string[] {
  const ids = scenario.modules.map((m) => m.id);
  const keys = [...new Set(scenario.modules.map((m) => m.key))];
  const problems: string[] = [];
  for (const key of Object.keys(mocks)) {
    if (/^\d+$/.test(key)) {
      if (scenario.byId.has(Number(key))) continue;
      const closest = closestIds(Number(key), ids);
      problems.push(`mocks."${key}": the blueprint has no module ${key}; closest module ids: ${closest}`);
    } else if (!keys.includes(key)) {
      const closest = closestKeys(key, keys);
      problems.push(
        `mocks."${key}": no module of the blueprint has the key "${key}"; closest keys: ${closest}`,
      );
    }
  }
  return problems;
}

function closestIds(target: number, ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b);
  return sorted.slice(0, 3).join(', ') || '(the blueprint has no modules)';
}

function closestKeys(target: string, keys: readonly string[]): string {
  const lower = target.toLowerCase();
  const sorted = [...keys].sort(
    (a, b) => distance(lower, a.toLowerCase()) - distance(lower, b.toLowerCase()),
  );
  return (
    sorted
      .slice(0, 3)
      .map((k) => `"${k}"`)
      .join(', ') || '(the blueprint has no modules)'
  );
}

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
