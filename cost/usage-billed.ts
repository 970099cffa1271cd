/**
 * Modules billed by usage — Help Center `credits` and `how-features-use-credits`:
 * Make AI Toolkit, Make AI Agents and Make AI Web Search with Make's AI provider bill 1 credit per
 * operation plus tokens; Make AI Content Extractor bills by tokens, files or pages; the Make Code
 * app bills 2 credits per second of run time. Third-party AI apps (OpenAI, Claude, Gemini…) bill
 * 1 credit per operation, so they are NOT here.
 *
 * Their credits cannot be known offline, so each is a range per operation with its assumption
 * stated. The app keys marked unverified were not seen in a real export; the ranges are our
 * assumptions (docs/fidelity.md) and can be overridden with `--usage key=min..max`.
 */

export interface UsageRange {
  /** Credits per operation, low and high. */
  min: number;
  max: number;
  assumption: string;
}

interface UsageRule extends UsageRange {
  /** App prefix of the module key (`ai-agent` matches `ai-agent:RunAnAIAgent`). */
  app: string;
}

const RULES: readonly UsageRule[] = [
  {
    app: 'ai-agent',
    min: 1,
    max: 10,
    assumption:
      "Make AI Agents with Make's AI provider: 1 credit + tokens; assumed up to 9 credits of tokens per run (your own provider connection: exactly 1)",
  },
  {
    app: 'ai-tools',
    min: 1,
    max: 5,
    assumption:
      "Make AI Toolkit with Make's AI provider: 1 credit + tokens; assumed up to 4 credits of tokens (key unverified)",
  },
  {
    app: 'ai-web-search',
    min: 1,
    max: 5,
    assumption: 'Make AI Web Search: 1 credit + tokens; assumed up to 4 credits of tokens (key unverified)',
  },
  {
    app: 'ai-extractors',
    min: 1,
    max: 10,
    assumption:
      'Make AI Content Extractor: fixed or by tokens/files/pages; assumed 1–10 credits (key unverified)',
  },
  {
    app: 'code',
    min: 2,
    max: 20,
    assumption: 'Make Code: 2 credits per second of run time; assumed 1–10 s per run (key unverified)',
  },
];

export type UsageOverrides = Readonly<Record<string, { min: number; max: number }>>;

/** The usage range of a module key, or undefined for fixed-rate modules. Overrides match the full key or the app. */
export function usageRange(key: string, overrides: UsageOverrides = {}): UsageRange | undefined {
  const app = key.split(':')[0] ?? key;
  const override = overrides[key] ?? overrides[app];
  if (override)
    return { ...override, assumption: `set with --usage ${key}=${override.min}..${override.max}` };
  const rule = RULES.find((r) => r.app === app);
  return rule ? { min: rule.min, max: rule.max, assumption: rule.assumption } : undefined;
}

/** `code:ExecuteCode=2..6` or `ai-agent=3` → [key, range]. */
export function parseUsage(text: string): [string, { min: number; max: number }] | undefined {
  const match = /^([^=]+)=(\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match) return undefined;
  const min = Number(match[2]);
  const max = match[3] === undefined ? min : Number(match[3]);
  return max >= min ? [match[1] as string, { min, max }] : undefined;
}
