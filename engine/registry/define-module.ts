import type { MakeError } from '../errors/make-error.ts';
import type { EvalContext, MapperShape, VariableScopes } from '../expression/types.ts';
import type { Clock } from '../ports/clock.ts';
import type { DataStorePort } from '../ports/data-store.ts';
import type { HttpPort } from '../ports/http.ts';
import type { Logger } from '../ports/logger.ts';
import type { ScenarioState } from '../ports/state.ts';
import type { SubscenarioPort } from '../ports/subscenarios.ts';
import type { ModuleKind } from './module-kind.ts';

/** One output bundle: a plain object. */
export type Bundle = Record<string, unknown>;

/** Documentation of one mapper or parameter field (feeds docs/modules.md). */
export interface FieldDoc {
  name: string;
  type: string;
  required?: boolean;
  default?: unknown;
  description: string;
}

/** A module as the loader saw it: what run() needs to know about the blueprint node. */
export interface ModuleNodeInfo {
  readonly id: number;
  readonly key: string;
  readonly version: number;
  readonly label: string | undefined;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The raw blueprint module (for `metadata.interface`, `expect`, …). Never IML-evaluated. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A webhook response as recorded (and, in the server, sent). */
export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface VariableStore {
  get(name: string): unknown;
  set(name: string, value: unknown, scope: 'roundtrip' | 'execution'): void;
}

/** Everything a module may use. Passed in; modules reach nothing else (DESIGN principle 5). */
export interface ModuleContext {
  readonly clock: Clock;
  readonly http: HttpPort;
  readonly dataStores: DataStorePort | undefined;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly state: ScenarioState;
  readonly subscenarios: SubscenarioPort | undefined;
  readonly variables: VariableStore;
  readonly vars: VariableScopes;
  readonly timezone: string;
  readonly executionId: string;
  /** 1-based cycle number. */
  readonly cycle: number;
  /** The evaluation context of the current bundle, for modules that evaluate IML themselves (Switch, ParseJSON types). */
  readonly evalContext: EvalContext;
  /** For triggers: this cycle's trigger input (already split per cycle by the runtime). */
  readonly triggerInput: unknown;
  /** For the webhook responder: records the response of this execution. */
  respond(response: WebhookResponse): void;
  /**
   * Ends the run, successfully, once this module's bundle is recorded: no further modules,
   * routes, bundles or cycles (Scenarios > Return output, https://help.make.com/use-scenario-outputs).
   */
  finishRun(): void;
}

export interface ModuleCall {
  /** The mapper, evaluated for this bundle into plain values. */
  readonly input: Record<string, unknown>;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly node: ModuleNodeInfo;
}

/** For aggregators: one group's items, each the evaluated mapper of one bundle that reached it. */
export interface AggregateCall {
  /** A fresh array the engine does not use again once `aggregate` returned: it may be kept as is. */
  readonly items: readonly Record<string, unknown>[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly node: ModuleNodeInfo;
}

export type RunResult = readonly Bundle[] | Promise<readonly Bundle[]>;

/**
 * Output bundles made one at a time, as the walk reaches each (ModuleDefinition.stream): the
 * bundles of a 100,000-element iterator are not all alive at once.
 */
export interface LazyBundles {
  readonly length: number;
  /** Bundle `index` (0-based), a fresh object each call, equal each time. */
  at(index: number): Bundle;
}

/**
 * One call of a module on its mapper's field values (ModuleDefinition.runOnFields): the same
 * side effects and the same single bundle `run` gives for the input those values make. `values`
 * is the engine's and changes after the call: read it, never keep it.
 */
export type FieldsRun = (values: readonly unknown[], ctx: ModuleContext) => Bundle;

/** A module's output bundles as the engine passes them on: a list, or made one at a time. */
export type Outputs = readonly Bundle[] | LazyBundles;

export interface ModuleDefinition {
  /** `app:ModuleName`, exactly as blueprints write it. */
  key: string;
  /** Versions this definition implements; a blueprint with another version gets a load warning. */
  versions: readonly number[];
  kind: ModuleKind;
  label: string;
  description: string;
  /** How closely this follows Make; `partial` must say what differs in `fidelityNotes`. */
  fidelity: 'full' | 'partial';
  fidelityNotes?: string;
  /**
   * Joins the engine's transactions (https://help.make.com/rollback-error-handler): the data store port is
   * begun/committed around it.
   */
  acid?: boolean;
  /** Centicredits per operation when not 100 (1 credit). */
  centicredits?: number;
  parameters?: readonly FieldDoc[];
  mapper?: readonly FieldDoc[];
  /** One line on the output bundle(s), for docs/modules.md. */
  output: string;
  /**
   * The output fields Make offers for mapping, when they do not depend on the data: the linter
   * (`makesim validate`) warns of `{{N.field}}` naming another. A function when they depend on
   * the module's settings; undefined (or a function returning undefined) = dynamic, not checked.
   */
  outputFields?: readonly string[] | ((node: ModuleNodeInfo) => readonly string[] | undefined);
  /** Load-time checks of parameters/mapper; returns human messages keyed by JSON pointer suffix. */
  validate?(node: ModuleNodeInfo): Array<{ pointer: string; message: string; hint?: string }>;
  /** Actions, searches, iterators, triggers, responders. Throw a MakeError to fail. */
  run?(call: ModuleCall, ctx: ModuleContext): RunResult;
  /**
   * Optional, synchronous, preferred by the engine over `run`: the same bundles as `run` gives,
   * made as the walk reaches them (and rebuilt for the execution record when it is read). Only
   * for outputs rebuilt from values nothing changes during the run (an iterator over its input).
   */
  stream?(call: ModuleCall, ctx: ModuleContext): LazyBundles;
  /**
   * Optional: the bundles `run` gave for this call, computed again from the call alone, with no
   * side effect. With it the full execution record keeps only the call's input and rebuilds the
   * outputs when read (engine/state/output-list.ts): for modules whose output is their input
   * reshaped (Set multiple variables).
   */
  replay?(call: ModuleCall): readonly Bundle[];
  /**
   * Optional: `run` specialised to one node's mapper, for a module whose run is synchronous and
   * gives exactly one bundle. The engine then builds no input object per bundle: it hands over
   * the values of the mapper's formula fields (`values[k]` for `{ leaf: k }` in `mapper`) and
   * keeps them for the record, which rebuilds the input when read. Undefined when the mapper's
   * shape does not allow it (`run` is used). Not used for a mocked node.
   */
  runOnFields?(mapper: MapperShape, node: ModuleNodeInfo): FieldsRun | undefined;
  /** Aggregators: one output bundle from one group's items (grouping and `key` are the engine's). */
  aggregate?(call: AggregateCall, ctx: ModuleContext): Bundle;
}

/** Identity helper that gives module files a declarative look and full type checking. */
export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

export type { MakeError };
