/** The assumptions line of a cost report: every factor nobody measured or set, and what it means. */
import type { CostModel } from './model.ts';
import type { Monthly } from './monthly.ts';

/** What each kind of assumed factor means, and the option that sets it. */
const ASSUMED: Record<string, string> = {
  pass: 'the filter lets every bundle through (set --pass <id>=<rate>)',
  branch:
    'each If-else condition passes and the first branch takes every bundle (set --pass <id>.<branch>=<rate>)',
  out: 'the module gives 1 bundle per execution (set --items <id>=<n>)',
};

export function assumptions(model: CostModel, month: Monthly | null, polling: boolean): string[] {
  const out: string[] = [];
  for (const f of model.factors) {
    if (f.source !== 'assumed') continue;
    const kind = f.name.replace(/\(.*$/, '');
    // One line per If-else, not per branch.
    const what = kind === 'branch' ? f.name.replace(/\.\d+\)$/, '.*)') : `${f.name} = ${f.value}`;
    out.push(`${what}: nothing measured or set, so ${ASSUMED[kind] ?? ASSUMED.out}.`);
  }
  for (const m of model.modules) {
    if (m.usage && m.executions > 0)
      out.push(`${m.label ?? m.key} [${m.id}] is billed by usage: ${m.usage.assumption}.`);
  }
  if (month && polling && month.dataRate === 1) {
    out.push(
      'Every scheduled check is assumed to find data like the measured input (set --data-rate for the share of checks that find something).',
    );
  }
  return [...new Set(out)];
}
