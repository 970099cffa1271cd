/**
 * The cost report as a non-programmer reads it: per-module table (model beside measurement),
 * the month, the plans that fit, where the credits go and what would save some.
 */
import pc from 'picocolors';
import type { CostDiff } from './diff.ts';
import type { CostEstimate } from './estimate.ts';
import type { ModuleEstimate } from './model.ts';
import { plansSection } from './report-plans.ts';
import { num, percent, range, table } from './table.ts';

export function formatEstimate(
  e: CostEstimate,
  sourceNote = 'prices marked * are not confirmed by Make; sources in cost/plans.json',
): string {
  const parts = [pc.bold(`Cost of "${e.scenario}"`) + (e.source ? ` (${e.source})` : ''), perRunSection(e)];
  if (e.measured) parts.push(measuredSection(e));
  parts.push(monthSection(e), plansSection(e, sourceNote), creditsSection(e));
  if (e.advice.length > 0) {
    const lines = e.advice.map(
      (a) => `  • ${a.message}\n    saves ${savingText(a.savingPerRun, a.savingPerMonth, e.unit)}`,
    );
    parts.push(`${pc.bold('How to spend less')}\n${lines.join('\n')}`);
  }
  if (e.assumptions.length > 0)
    parts.push(`${pc.bold('Assumptions')}\n${e.assumptions.map((a) => `  - ${a}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

function creditsSection(e: CostEstimate): string {
  if (e.whereCreditsGo.length === 0) return `${pc.bold('Where the credits go')}\n  No module costs credits.`;
  const lines = e.whereCreditsGo.map(
    (d) =>
      `  ${d.label}: ${credits(d.credits)} per ${e.unit} (${percent(d.share)})` +
      (d.perMonth === undefined ? '' : `, ${credits(d.perMonth)} a month`),
  );
  return `${pc.bold('Where the credits go')}\n${lines.join('\n')}`;
}

function perRunSection(e: CostEstimate): string {
  const measured = e.comparison ? new Map(e.comparison.map((c) => [c.id, c])) : undefined;
  const columns = [
    { title: 'Module' },
    { title: 'Runs', align: 'right' as const },
    { title: 'Operations', align: 'right' as const },
    ...(measured ? [{ title: 'Measured', align: 'right' as const }] : []),
    { title: 'Credits', align: 'right' as const },
    { title: 'Why (formula)' },
  ];
  const rows = e.model.modules.map((m) => {
    const c = measured?.get(m.id);
    const mark = c && !c.agree ? pc.yellow(' ≠') : '';
    return [
      `${m.label ?? m.key} [${m.id}]`,
      num(m.executions),
      num(m.operations),
      ...(measured ? [c ? `${num(c.measured)}${mark}` : '–'] : []),
      moduleCredits(m),
      m.formula === '1' ? '1' : `${m.formula} = ${m.numbers}`,
    ];
  });
  const total = e.model.creditsRange;
  rows.push([
    'Total',
    '',
    num(e.model.operations),
    ...(measured ? [num(e.measured?.operations.mean ?? 0)] : []),
    range(total.min, total.max),
    '',
  ]);
  const title = measured
    ? `Per ${e.unit} — model calibrated by ${e.measured?.runs.length} measured run(s)`
    : `Per ${e.unit} — model`;
  return `${pc.bold(title)}\n${table(columns, rows)}`;
}

function moduleCredits(m: ModuleEstimate): string {
  return m.creditsRange ? range(m.creditsRange.min, m.creditsRange.max) : num(m.credits);
}

function credits(n: number): string {
  return `${num(n)} ${n === 1 ? 'credit' : 'credits'}`;
}

function measuredSection(e: CostEstimate): string {
  const m = e.measured;
  if (!m) return '';
  const rows = m.runs.map((r) => [
    r.name,
    r.status + (r.stopped ? ' (stopped early)' : ''),
    num(r.weight) + (r.role === 'error-path' || r.role === 'empty-check' ? ` (${r.role})` : ''),
    num(r.operations),
    num(r.credits),
  ]);
  const cols = [
    { title: 'Run' },
    { title: 'Status' },
    { title: 'Weight' },
    { title: 'Operations', align: 'right' as const },
    { title: 'Credits', align: 'right' as const },
  ];
  const spread = `operations min ${num(m.operations.min)} / weighted mean ${num(m.operations.mean)} / max ${num(m.operations.max)}; credits min ${num(m.credits.min)} / weighted mean ${num(m.credits.mean)} / max ${num(m.credits.max)}`;
  return `${pc.bold('Measured')}\n${table(cols, rows)}\n  ${spread}`;
}

function monthSection(e: CostEstimate): string {
  const m = e.monthly;
  const unit = e.unit;
  const per = range(e.perRun.creditsRange.min, e.perRun.creditsRange.max);
  if (!m) {
    const ask =
      unit === 'event'
        ? 'How many events a month? Give --events 500/day or --events 12000/month, or --from-history to project the traffic `makesim serve` recorded.'
        : "Give --every 15m, --schedule '<JSON>', --events <n>/day or --runs-per-month N.";
    return `${pc.bold('Per month')}\n  No volume given, so no monthly total and no plan verdict.\n  One ${unit} costs ${per} credits (${num(e.perRun.operations)} operations).\n  ${ask}`;
  }
  const when = m.month ? ` in ${m.month}` : '';
  const lines = [`  ${num(m.runs)} ${unit}s${when}`];
  if (e.polling && m.emptyRuns > 0) {
    lines.push(
      `  ${num(m.runsWithData)} checks find data × ${num(e.perRun.credits)} credits (trigger included) + ${num(m.emptyRuns)} empty checks × ${num(e.perRun.emptyCheckCredits)} credit`,
    );
  } else {
    lines.push(`  ${num(m.runs)} × ${per} credits per ${unit}`);
  }
  lines.push(
    `  = ${pc.bold(range(m.creditsRange.min, m.creditsRange.max))} credits a month (${num(m.operations)} operations)`,
  );
  return `${pc.bold('Per month')}\n${lines.join('\n')}`;
}

function savingText(perRun: number, perMonth: number | undefined, unit: string): string {
  if (perMonth !== undefined) return `${credits(perMonth)} a month`;
  return `${credits(perRun)} per ${unit}`;
}

export function formatDiff(d: CostDiff, names: { before: string; after: string }): string {
  const cols = [
    { title: 'Module' },
    { title: 'Change' },
    { title: 'Before', align: 'right' as const },
    { title: 'After', align: 'right' as const },
    { title: 'Δ credits/run', align: 'right' as const },
  ];
  const rows = d.modules.map((m) => [
    `${m.label} [${m.id}]`,
    m.change,
    m.before ? num(m.before.credits) : '–',
    m.after ? num(m.after.credits) : '–',
    signed(m.credits),
  ]);
  rows.push(['Total per run', '', num(d.perRun.before), num(d.perRun.after), signed(d.perRun.change)]);
  if (d.perMonth)
    rows.push([
      'Total per month',
      '',
      num(d.perMonth.before),
      num(d.perMonth.after),
      signed(d.perMonth.change),
    ]);
  return `${pc.bold(`Cost change: ${names.before} → ${names.after}`)}\n${table(cols, rows)}\n`;
}

function signed(n: number): string {
  if (n > 0) return pc.red(`+${num(n)}`);
  if (n < 0) return pc.green(num(n));
  return '0';
}
