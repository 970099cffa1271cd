/**
 * The loader's warnings for the blueprints a suite ran (the linter of `makesim validate`:
 * references that cannot resolve, fields a module does not output, unknown built-in keys). A test
 * still runs such a blueprint, as Make imports it and maps the value as empty; the warning says
 * why a case may see an empty value (docs/testing.md, "makesim validate").
 */
import pc from 'picocolors';
import type { BlueprintProblem } from '../../engine/errors/blueprint-error.ts';
import type { SuiteResult } from '../run-suite.ts';

export interface BlueprintWarnings {
  blueprint: string;
  warnings: BlueprintProblem[];
}

export function blueprintWarnings(suite: SuiteResult): BlueprintWarnings[] {
  const seen = new Set<string>();
  const found: BlueprintWarnings[] = [];
  for (const { blueprint, scenario } of suite.blueprints) {
    if (seen.has(blueprint)) continue;
    seen.add(blueprint);
    const warnings = scenario.problems.filter((p) => p.severity === 'warning');
    if (warnings.length > 0) found.push({ blueprint, warnings });
  }
  return found;
}

/** One block per blueprint: pointer, code, message and hint, as `makesim validate` prints them. */
export function formatBlueprintWarnings(found: readonly BlueprintWarnings[]): string[] {
  const lines: string[] = [];
  for (const { blueprint, warnings } of found) {
    lines.push('', pc.yellow(`⚠ ${blueprint}: ${warnings.length} warning(s) from the loader`));
    for (const p of warnings) {
      lines.push(`    ${p.pointer || '/'} [${p.code}] ${p.message}`);
      if (p.hint) lines.push(`      ${pc.dim(`hint: ${p.hint}`)}`);
    }
  }
  return lines;
}
