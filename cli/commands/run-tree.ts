/**
 * `makesim run` output: the scenario as a tree of modules with each one's operations, bundles in
 * and out and errors, then the status and totals. Colours through picocolors (honours NO_COLOR).
 */
import pc from 'picocolors';
import type { ModuleNode, Scenario } from '../../engine/blueprint/scenario.ts';
import type { ExecutionRecord, ModuleRecord } from '../../engine/runtime/record.ts';

export function formatRun(scenario: Scenario, record: ExecutionRecord): string {
  const byId = new Map(record.modules.map((m) => [m.id, m]));
  const lines: string[] = [pc.bold(scenario.name || '(unnamed scenario)')];
  const at = (moduleId: number | undefined) => moduleAt(scenario, moduleId);
  flowLines(scenario.flow, '  ', byId, lines);
  lines.push('', summaryLine(record));
  if (record.error)
    lines.push(
      `${pc.red('error:')} ${at(record.error.moduleId)}${record.error.type}: ${record.error.message}`,
    );
  for (const w of record.warnings)
    lines.push(`${pc.yellow('warning:')} ${at(w.moduleId)}${w.type}: ${w.message}`);
  for (const ie of record.incomplete) {
    lines.push(
      `${pc.yellow('incomplete execution:')} ${at(ie.moduleId)}${ie.error.type}: ${ie.error.message} (${ie.reason})`,
    );
  }
  if (record.response)
    lines.push(
      `${pc.cyan('webhook response:')} ${record.response.status} ${JSON.stringify(record.response.body)}`,
    );
  return `${lines.join('\n')}\n`;
}

/** `module 4 "Fetch order" › `: every error line opens with the module, by id and name. */
function moduleAt(scenario: Scenario, moduleId: number | undefined): string {
  if (moduleId === undefined) return '';
  const label = scenario.byId.get(moduleId)?.label;
  return `module ${moduleId}${label ? ` "${label}"` : ''} › `;
}

function flowLines(
  flow: readonly ModuleNode[],
  indent: string,
  byId: Map<number, ModuleRecord>,
  lines: string[],
): void {
  for (const node of flow) {
    lines.push(indent + moduleLine(node, byId.get(node.id)));
    node.routes.forEach((route, i) => {
      const tags = [route.fallback ? 'fallback' : '', route.disabled ? 'disabled' : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`${indent}  ${pc.dim(`route ${i + 1}${tags ? ` (${tags})` : ''}`)}`);
      flowLines(route.flow, `${indent}    `, byId, lines);
    });
    for (const branch of node.branches) {
      lines.push(
        `${indent}  ${pc.dim(`${branch.type === 'else' ? 'else' : 'if'}${branch.label ? ` "${branch.label}"` : ''}`)}`,
      );
      flowLines(branch.flow, `${indent}    `, byId, lines);
    }
    if (node.onerror.length > 0) {
      lines.push(`${indent}  ${pc.dim('on error')}`);
      flowLines(node.onerror, `${indent}    `, byId, lines);
    }
  }
}

function moduleLine(node: ModuleNode, record: ModuleRecord | undefined): string {
  const name = `${node.id}. ${node.label ?? node.key}`;
  const key = node.label ? pc.dim(` [${node.key}]`) : '';
  if (!record) return name + key;
  const counts = `ops ${record.operations}, in ${record.bundlesIn}, out ${record.bundlesOut}`;
  const filter = record.filter
    ? `, filter ${record.filter.passed}/${record.filter.passed + record.filter.failed}`
    : '';
  const errors =
    record.errors.length > 0 ? pc.red(`  ✗ ${record.errors.length} error(s): ${record.errors[0]?.type}`) : '';
  const ran = record.bundlesIn > 0 || record.operations > 0;
  const detail = `  ${ran ? counts : pc.dim(counts)}${filter}`;
  return `${name}${key}${detail}${errors}`;
}

function summaryLine(record: ExecutionRecord): string {
  const colour = record.status === 'success' ? pc.green : record.status === 'warning' ? pc.yellow : pc.red;
  const credits = (record.centicredits / 100).toString();
  return `${colour(pc.bold(record.status))}  ${record.operations} operation(s), ${credits} credit(s), ${record.cycles} cycle(s)`;
}
