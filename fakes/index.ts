/**
 * Every fake, listed by hand (a structure test checks each is documented and tested), and how a
 * case's `fakes` become answers: each module a fake covers is answered by a function mock that
 * runs the fake against the case's FakeState; mocks the case names itself win, by id or by key.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { MakeError } from '../engine/errors/make-error.ts';
import type { Bundle } from '../engine/registry/define-module.ts';
import type { MockFunction, Mocks } from '../engine/registry/mocks.ts';
import { geminiFake, openaiFake } from './ai/index.ts';
import { airtableFake } from './airtable/index.ts';
import { type FakeDefinition, type FakeModule, FakeSeedError } from './define-fake.ts';
import { discordFake } from './discord/index.ts';
import { emailFake } from './email/index.ts';
import { GENERIC, runGeneric, seedGeneric, snapshotGeneric } from './generic/index.ts';
import { googleDriveFake } from './google-drive/index.ts';
import { googleSheetsFake } from './google-sheets/index.ts';
import { MemoryFakeState } from './memory-state.ts';
import { notionFake } from './notion/index.ts';
import { slackFake } from './slack/index.ts';
import type { FakeState } from './state.ts';
import { telegramFake } from './telegram/index.ts';

export const FAKES: readonly FakeDefinition[] = [
  googleSheetsFake,
  emailFake,
  slackFake,
  telegramFake,
  discordFake,
  openaiFake,
  geminiFake,
  airtableFake,
  notionFake,
  googleDriveFake,
];

/** Every module key a dedicated fake answers. */
export function fakedModuleKeys(): string[] {
  return FAKES.flatMap((fake) => Object.keys(fake.modules)).sort();
}

/** `"$rateLimit": {"after": n}` in a fake's seed: calls past the n-th fail with RateLimitError. */
interface RateLimit {
  after: number;
  message?: string;
}

export interface CaseFakes {
  readonly mocks: Mocks;
  snapshot(): Record<string, Record<string, unknown>>;
  close(): void;
}

export interface CreateFakesOptions {
  seeds: Record<string, unknown>;
  scenario: Scenario;
  /** The run's `now` (fixed in tests; the server's clock in makesim serve). */
  now: Date | (() => Date);
  /** Mocks the case gives itself: the modules they answer are left to them. */
  mocks?: Mocks;
  /** The case gives the trigger's output (`input`/`request`): the trigger is not faked. */
  triggerFromInput?: boolean;
  /**
   * A state that outlives the run (makesim serve): seeded once, on its first use. Without it the
   * run has its own state, in memory, gone with the run.
   */
  state?: FakeState;
}

/** A run that seeds no fake: nothing is faked, and no database is needed. */
const NO_FAKES: CaseFakes = { mocks: {}, snapshot: () => ({}), close: () => {} };

export function createFakes(options: CreateFakesOptions): CaseFakes {
  // Without seeds no module is faked (fakeMocks answers only the seeded fakes' modules).
  if (options.state === undefined && Object.keys(options.seeds).length === 0) return NO_FAKES;
  const state = options.state ?? new MemoryFakeState();
  // A kept state is seeded on first use only: later runs (and restarts) see what earlier runs did.
  const seeded = options.state !== undefined && options.state.cursor('$', 'seeded') !== undefined;
  const active = new Map<string, FakeDefinition | null>();
  const limits = new Map<string, RateLimit>();
  try {
    for (const [name, raw] of Object.entries(options.seeds)) {
      const fake = name === GENERIC ? null : FAKES.find((f) => f.name === name);
      if (fake === undefined) {
        const known = [...FAKES.map((f) => f.name), GENERIC].join(', ');
        throw new FakeSeedError(name, '', `no fake of that name; the fakes are ${known}`);
      }
      const { seed, rateLimit } = splitSeed(raw);
      if (rateLimit) limits.set(name, rateLimit);
      if (!seeded && fake) fake.seed(state, seed);
      else if (!seeded) seedGeneric(state, seed);
      active.set(name, fake);
    }
    if (options.state) state.setCursor('$', 'seeded', '1');
  } catch (error) {
    if (!options.state) state.close();
    throw error;
  }
  const mocks = fakeMocks(options, state, active, limits);
  return {
    mocks,
    snapshot: () =>
      state.readingAll(() => {
        const out: Record<string, Record<string, unknown>> = {};
        for (const [name, fake] of active) out[name] = fake ? fake.snapshot(state) : snapshotGeneric(state);
        return out;
      }),
    close: () => state.close(),
  };
}

/** A seed object may carry `$rateLimit`; list seeds (the AI fakes' answers) are passed as they are. */
function splitSeed(raw: unknown): { seed: unknown; rateLimit?: RateLimit } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { seed: raw ?? {} };
  const { $rateLimit, ...seed } = raw as Record<string, unknown> & { $rateLimit?: RateLimit };
  return $rateLimit ? { seed, rateLimit: $rateLimit } : { seed };
}

function fakeMocks(
  options: CreateFakesOptions,
  state: FakeState,
  active: Map<string, FakeDefinition | null>,
  limits: Map<string, RateLimit>,
): Mocks {
  const mocks: Mocks = {};
  const given = options.mocks ?? {};
  const calls = new Map<string, number>();
  for (const node of options.scenario.modules) {
    if (node.definition || Object.hasOwn(given, String(node.id)) || Object.hasOwn(given, node.key)) continue;
    if (options.triggerFromInput && node === options.scenario.flow[0]) continue;
    const owner = [...active.entries()].find(([, fake]) => fake && Object.hasOwn(fake.modules, node.key));
    const name = owner?.[0] ?? (active.has(GENERIC) ? GENERIC : undefined);
    if (name === undefined) continue;
    const module = owner?.[1]?.modules[node.key];
    mocks[String(node.id)] = answerWith(name, module, {
      state,
      now: options.now,
      calls,
      limit: limits.get(name),
    });
  }
  return mocks;
}

export interface AnswerContext {
  state: FakeState;
  now: Date | (() => Date);
  /** Calls so far per fake name (for `$rateLimit`). */
  calls: Map<string, number>;
  limit: RateLimit | undefined;
}

/** The function mock that runs one fake module (undefined: the generic fake) for one case. */
export function answerWith(name: string, module: FakeModule | undefined, ctx: AnswerContext): MockFunction {
  return (input, call) => {
    const count = (ctx.calls.get(name) ?? 0) + 1;
    ctx.calls.set(name, count);
    if (ctx.limit && count > ctx.limit.after) {
      throw new MakeError('RateLimitError', ctx.limit.message ?? `[429] Too many requests to ${name}.`);
    }
    const now = typeof ctx.now === 'function' ? ctx.now() : ctx.now;
    const fakeCall = { ...call, input, state: ctx.state, now };
    const bundles = module ? module.run(fakeCall) : runGeneric(fakeCall);
    return { output: module?.kind === 'search' ? withPositions(bundles) : bundles };
  };
}

/** Search outputs carry their position (Make's `__IMTINDEX__`/`__IMTLENGTH__`). */
function withPositions(bundles: Bundle[]): Bundle[] {
  return bundles.map((b, i) => ({ __IMTLENGTH__: bundles.length, __IMTINDEX__: i + 1, ...b }));
}
