/**
 * The plans part of the cost report: with a volume, which tier of each plan covers the month (or
 * the extra credits it needs, at Make's surcharge) and what that costs; without one, what one run
 * or event costs and how many a month each plan's smallest tier allows — never a "fits" verdict.
 */
import pc from 'picocolors';
import type { CostEstimate } from './estimate.ts';
import type { PlanFit, PriceFigureLike } from './report-types.ts';
import { num, percent, table } from './table.ts';

export function plansSection(e: CostEstimate, sourceNote: string): string {
  const money = (n: number | null) =>
    n === null
      ? 'not known'
      : `${currency(e.currency)}${n.toLocaleString('en-US', Number.isInteger(n) ? {} : { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const withVolume = e.monthly !== null;
  const rows = e.plans.map((f) => {
    const base = [
      f.plan.name,
      f.tier ? num(f.tier.credits) : 'custom',
      f.tier ? price(f.tier.monthly, money) : 'ask Make',
      f.tier?.yearly ? price(f.tier.yearly, money) : '–',
    ];
    if (!withVolume) return [...base, f.runsAllowed === null ? '–' : num(f.runsAllowed)];
    return [
      ...base,
      verdict(f),
      extra(f, money),
      f.monthlyCost === null ? '–' : money(f.monthlyCost),
      why(f),
    ];
  });
  const cols = [
    { title: 'Plan' },
    { title: 'Tier credits', align: 'right' as const },
    { title: 'Monthly billing' },
    { title: 'Yearly billing' },
    ...(withVolume
      ? [
          { title: 'Fits' },
          { title: 'Extra credits' },
          { title: 'Per month', align: 'right' as const },
          { title: 'Why not / headroom' },
        ]
      : [
          {
            title: `${e.unit[0]?.toUpperCase()}${e.unit.slice(1)}s a month it allows`,
            align: 'right' as const,
          },
        ]),
  ];
  const chosen = e.plan ? `\n  Your plan (${e.plan.plan.name}): ${chosenText(e.plan)}` : '';
  return `${pc.bold('Make plans')} (${sourceNote})\n${table(cols, rows)}${chosen}`;
}

function currency(code: string): string {
  return code === 'USD' ? '$' : `${code} `;
}

/** A price, marked `*` when Make's own page did not confirm it. */
function price(figure: PriceFigureLike, money: (n: number | null) => string): string {
  if (figure.price === null) return 'not known';
  return `${money(figure.price)}${figure.confirmed ? '' : '*'}`;
}

function verdict(f: PlanFit): string {
  if (f.fits === null) return 'ask Make';
  if (!f.fits) return pc.red('no');
  return f.extraCredits ? pc.yellow('with extra credits') : pc.green('yes');
}

function extra(f: PlanFit, money: (n: number | null) => string): string {
  if (!f.extraCredits) return '–';
  return `${num(f.extraCredits.credits)} (${money(f.extraCredits.cost)})`;
}

function why(f: PlanFit): string {
  if (f.warnings.length > 0) return f.warnings.map((w) => w.message).join('; ');
  if (f.extraCredits) return 'or a larger tier (price not in the table)';
  return f.headroom === null ? '' : `${percent(f.headroom)} left`;
}

function chosenText(f: PlanFit): string {
  if (f.fits === null) return 'no volume given, so nothing to check (use --events)';
  if (!f.fits) return `does not fit — ${f.warnings.map((w) => w.message).join('; ')}`;
  return f.extraCredits ? `fits with ${num(f.extraCredits.credits)} extra credits` : 'fits';
}
