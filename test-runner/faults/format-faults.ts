/** The `--faults` report as text, one block per blueprint. */
import type { FaultReport, ModuleRef } from './run-faults.ts';

export function formatFaults(report: FaultReport): string {
  const lines = [`faults in ${report.blueprint} (${report.runs} fault run(s)):`];
  if (report.targets === 0) return `${lines[0]} no module has an error route\n`;
  const name = (m: ModuleRef) => `module ${m.moduleId}${m.label ? ` "${m.label}"` : ''}`;
  for (const m of report.unreachedRoutes)
    lines.push(
      `  error route never reached: ${name(m)} — its error route ran in no case, not even with the module failing`,
    );
  for (const d of report.unassertedDirectives)
    lines.push(
      `  outcome not asserted: ${d.directive.replace('builtin:', '')} ${name(d)} (error route of module ${d.routeOf}) runs in no case that checks status, error, incomplete, response or its module`,
    );
  for (const b of report.brokenCases)
    lines.push(`  case "${b.case}" does not hold when ${name(b)} fails with ${b.errorType}: ${b.failure}`);
  if (lines.length === 1)
    lines.push('  every error route reached, every directive asserted, every case holds');
  return `${lines.join('\n')}\n`;
}

export function faultFindings(report: FaultReport): number {
  return report.unreachedRoutes.length + report.unassertedDirectives.length + report.brokenCases.length;
}
