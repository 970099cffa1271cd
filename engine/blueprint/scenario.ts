import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import type { CompiledFilter, CompiledValue } from '../expression/types.ts';
import type { ModuleDefinition, ModuleNodeInfo } from '../registry/define-module.ts';
import type { ModuleKind } from '../registry/module-kind.ts';

/** `metadata.scenario` with Make's defaults filled in (https://help.make.com/scenario-settings). */
export interface ScenarioSettings {
  roundtrips: number;
  maxErrors: number;
  autoCommit: boolean;
  autoCommitTriggerLast: boolean;
  sequential: boolean;
  confidential: boolean;
  dataloss: boolean;
  dlq: boolean;
  freshVariables: boolean;
  slots: number | null;
}

export interface RouteNode {
  readonly pointer: string;
  readonly flow: readonly ModuleNode[];
  /** Runs last, and only when no other route passed. */
  readonly fallback: boolean;
  readonly disabled: boolean;
}

export interface BranchNode {
  readonly pointer: string;
  readonly type: 'condition' | 'else';
  readonly label: string | undefined;
  readonly condition: CompiledFilter | null;
  readonly merge: boolean;
  readonly flow: readonly ModuleNode[];
}

export interface MergeOutputNode {
  readonly name: string;
  /** One compiled mapping per merged branch, in branch order. */
  readonly mappings: readonly CompiledValue[];
}

/** A module of the loaded scenario: validated, defaults applied, every template compiled. */
export interface ModuleNode extends ModuleNodeInfo {
  readonly kind: ModuleKind;
  /** JSON pointer of this module in the blueprint. */
  readonly pointer: string;
  /** Undefined for app modules: those run from mocks. */
  readonly definition: ModuleDefinition | undefined;
  readonly mapper: CompiledValue | null;
  readonly filter: CompiledFilter | null;
  readonly flags: Readonly<Record<string, unknown>>;
  /** Compiled `flags.groupBy` for aggregators. */
  readonly groupBy: CompiledValue | null;
  /** Aggregators: id of the source module (`parameters.feeder`). */
  readonly feederId: number | undefined;
  /** Aggregators: ids of the modules from the feeder (inclusive) to here, out of scope afterwards. */
  readonly scopeDrop: readonly number[];
  readonly routes: readonly RouteNode[];
  readonly branches: readonly BranchNode[];
  readonly mergeOutputs: readonly MergeOutputNode[];
  /**
   * Merge only: the optional filter of each merged branch, in branch order (`filters`, Make's help:
   * https://help.make.com/if-else-and-merge).
   */
  readonly mergeFilters?: readonly (CompiledFilter | null)[];
  readonly onerror: readonly ModuleNode[];
  /** True inside an `onerror` route (at any depth). */
  readonly inErrorRoute: boolean;
}

export interface Scenario {
  readonly name: string;
  readonly flow: readonly ModuleNode[];
  readonly settings: ScenarioSettings;
  /** True when the first module is an instant trigger (metadata.instant, or inferred from it). */
  readonly instant: boolean;
  readonly zone: string | undefined;
  /** Every module, depth-first in blueprint order (flow, then routes / branches / onerror). */
  readonly modules: readonly ModuleNode[];
  readonly byId: ReadonlyMap<number, ModuleNode>;
  /** Warnings (errors make loading throw BlueprintError). */
  readonly problems: readonly BlueprintProblem[];
  /** The original blueprint JSON, unwrapped. */
  readonly blueprint: Readonly<Record<string, unknown>>;
  /** Where it was loaded from, when it was a file. */
  readonly source: string | undefined;
}
