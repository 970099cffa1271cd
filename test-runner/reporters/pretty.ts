import pc from 'picocolors';
import type { SuiteResult } from '../run-suite.ts';
import type { CaseResult } from '../types.ts';
import { blueprintWarnings, formatBlueprintWarnings } from './blueprint-warnings.ts';
import { describeFailure } from './describe-failure.ts';

/** Progress line per finished case, for long suites (written as results arrive). */
export function progressLine(result: CaseResult, done: number, total: number): string {
  const mark = result.passed ? pc.green('✓') : pc.red('✗');
  const ops = result.operations === null ? '' : pc.dim(` ${result.operations} ops`);
  return `${mark} ${pc.dim(`[${done}/${total}]`)} ${result.file} › ${result.name}${ops}\n`;
}

/**
 * The blueprints' loader warnings, failures in full, then the closing `N passed, N failed` line
 * (alone on its line, for CI).
 */
export function prettySummary(suite: SuiteResult): string {
  const lines: string[] = formatBlueprintWarnings(blueprintWarnings(suite));
  for (const { file, problems } of suite.fileErrors) {
    lines.push('', pc.red(`✗ ${file} could not be used:`), ...problems.map((p) => `    ${p}`));
  }
  const failed = suite.results.filter((r) => !r.passed);
  for (const result of failed) {
    lines.push('', pc.red(`✗ ${result.file} › ${result.name}`));
    for (const failure of result.failures) lines.push(`    ${describeFailure(failure)}`);
  }
  const passed = suite.results.length - failed.length;
  const failedCount = failed.length + suite.fileErrors.length;
  lines.push('', `${passed} passed, ${failedCount} failed`);
  return `${lines.join('\n')}\n`;
}
