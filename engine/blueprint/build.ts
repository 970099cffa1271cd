/**
 * Turns the raw `flow` tree into ModuleNodes (Make's help: https://help.make.com/blueprints,
 * https://help.make.com/router): kinds from the registry (or inferred for app modules, kinds.ts), every
 * template compiled, routes / if-else branches / merge outputs / error routes nested at any depth. Robust to
 * any input: shapes the schema rejected are skipped here, never dereferenced.
 */
import type { ModuleRegistry } from '../registry/registry.ts';
import { compileMapper, compileRawFilter } from './compile.ts';
import { inferAppKind, structuralKind } from './kinds.ts';
import { checkBuiltinKey, checkDefinition, checkMisplacedRoutes } from './module-checks.ts';
import { buildBranches, buildMergeOutputs, buildRoutes } from './nested.ts';
import type { Steps } from './pace.ts';
import type { ProblemList } from './problems.ts';
import { scanValue, type TemplateUse } from './scan.ts';
import type { ModuleNode } from './scenario.ts';
import { PLACEHOLDER_MODULE } from './schema.ts';
import { isRecord } from './settings.ts';

export type DraftNode = { -readonly [K in keyof ModuleNode]: ModuleNode[K] };

export interface BuildState {
  readonly registry: ModuleRegistry;
  readonly problems: ProblemList;
  readonly scenarioInstant: boolean;
  /** Depth-first, in blueprint order. */
  readonly modules: DraftNode[];
  readonly byId: Map<number, DraftNode>;
  /** Templates each module reads (mapper, filter, groupBy, branch conditions). */
  readonly uses: Map<DraftNode, TemplateUse[]>;
  /** Merge output mappings, checked against the branches they merge. */
  readonly mergeUses: Map<DraftNode, TemplateUse[]>;
  /** Known output fields per module, computed once when first referenced (outputs.ts). */
  readonly outputs: Map<DraftNode, ReadonlySet<string> | undefined>;
}

export interface FlowPlace {
  readonly inErrorRoute: boolean;
  readonly isMain: boolean;
}

/** Pauses (pace.ts) once per module: a module's own work is small, a blueprint's may not be. */
export function* buildFlow(
  raw: unknown,
  pointer: string,
  place: FlowPlace,
  state: BuildState,
): Steps<DraftNode[]> {
  if (!Array.isArray(raw)) return [];
  const nodes: DraftNode[] = [];
  for (let i = 0; i < raw.length; i++) {
    const node = buildModule(raw[i], `${pointer}/${i}`, { ...place, isMain: place.isMain && i === 0 }, state);
    if (node) {
      // Most modules nest nothing: no generator is made for them (less garbage to collect).
      if (hasNested(node.raw)) yield* buildNested(node, state);
      else node.mergeOutputs = buildMergeOutputs(node.raw.outputs, node.pointer, node, state);
      nodes.push(node);
    }
    yield;
  }
  return nodes;
}

/** The module itself; what nests in it (routes, branches, error route) is built by buildNested. */
function buildModule(
  raw: unknown,
  pointer: string,
  place: FlowPlace,
  state: BuildState,
): DraftNode | undefined {
  if (!isRecord(raw) || typeof raw.module !== 'string') return undefined;
  if (raw.module === PLACEHOLDER_MODULE && !place.isMain) {
    state.problems.warning({
      code: 'placeholder',
      pointer,
      message: 'an empty module placeholder is left on the canvas; it is skipped',
      hint: 'choose a module for it in Make, or delete it',
    });
    return undefined;
  }
  const id = raw.module === PLACEHOLDER_MODULE ? placeholderTrigger(pointer, state) : raw.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) return undefined;
  const node = createNode(raw, id, raw.module, pointer, place, state);
  if (!register(node, state)) return undefined;
  state.modules.push(node);
  checkDefinition(node, state.problems);
  checkBuiltinKey(node, state.registry, state.problems);
  checkMisplacedRoutes(node, state.problems);
  return node;
}

function* buildNested(node: DraftNode, state: BuildState): Steps<void> {
  const { raw, pointer, inErrorRoute } = node;
  if (isNonEmpty(raw.routes)) {
    const place = { inErrorRoute, routerParameters: raw.parameters };
    node.routes = yield* buildRoutes(raw.routes, `${pointer}/routes`, place, state);
  }
  if (isNonEmpty(raw.branches)) node.branches = yield* buildBranches(raw.branches, pointer, node, state);
  node.mergeOutputs = buildMergeOutputs(raw.outputs, pointer, node, state);
  if (isNonEmpty(raw.onerror)) {
    const place = { inErrorRoute: true, isMain: false };
    node.onerror = yield* buildFlow(raw.onerror, `${pointer}/onerror`, place, state);
  }
}

function hasNested(raw: Readonly<Record<string, unknown>>): boolean {
  return isNonEmpty(raw.routes) || isNonEmpty(raw.branches) || isNonEmpty(raw.onerror);
}

function isNonEmpty(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

/**
 * The trigger slot left empty (`placeholder:Placeholder`, id null): Make cannot run it until a
 * trigger is chosen; makesim keeps it as an app trigger with id 0, fed by the run's input.
 */
function placeholderTrigger(pointer: string, state: BuildState): number {
  state.problems.warning({
    code: 'placeholder',
    pointer,
    message: 'the trigger slot is an empty placeholder; makesim feeds it the run input like any app trigger',
    hint: 'choose a trigger for it in Make',
  });
  return PLACEHOLDER_TRIGGER_ID;
}

export const PLACEHOLDER_TRIGGER_ID = 0;

function createNode(
  raw: Record<string, unknown>,
  id: number,
  key: string,
  pointer: string,
  place: FlowPlace,
  state: BuildState,
): DraftNode {
  const definition = state.registry.get(key);
  const parameters = isRecord(raw.parameters) ? raw.parameters : {};
  const flags = isRecord(raw.flags) ? raw.flags : {};
  const kind =
    definition?.kind ??
    structuralKind(key, raw) ??
    inferAppKind({
      key,
      isFirst: place.isMain,
      scenarioInstant: state.scenarioInstant,
      listener: raw.listener === true,
    });
  const uses: TemplateUse[] = [];
  scanValue(raw.mapper, `${pointer}/mapper`, uses);
  scanValue(raw.filter, `${pointer}/filter`, uses);
  scanValue(flags.groupBy, `${pointer}/flags/groupBy`, uses);
  const node: DraftNode = {
    id,
    key,
    version: typeof raw.version === 'number' ? raw.version : 1,
    label: readLabel(raw.metadata),
    parameters,
    raw,
    kind,
    pointer,
    definition,
    mapper:
      isRecord(raw.mapper) || Array.isArray(raw.mapper)
        ? compileMapper(raw.mapper, `${pointer}/mapper`, state.problems, id)
        : null,
    filter: compileRawFilter(raw.filter, `${pointer}/filter`, state.problems, id),
    flags,
    groupBy:
      flags.groupBy === undefined
        ? null
        : compileMapper(flags.groupBy, `${pointer}/flags/groupBy`, state.problems, id),
    feederId: readFeeder(parameters.feeder),
    scopeDrop: [],
    routes: [],
    branches: [],
    mergeOutputs: [],
    onerror: [],
    inErrorRoute: place.inErrorRoute,
  };
  state.uses.set(node, uses);
  return node;
}

function register(node: DraftNode, state: BuildState): boolean {
  const first = state.byId.get(node.id);
  if (first) {
    state.problems.error({
      code: 'duplicate-id',
      pointer: `${node.pointer}/id`,
      message: `module id ${node.id} is used twice (first at ${first.pointer})`,
      hint: 'give each module a unique id; mappings like {{N.field}} refer to modules by id',
      moduleId: node.id,
    });
    return false;
  }
  state.byId.set(node.id, node);
  return true;
}

function readLabel(metadata: unknown): string | undefined {
  if (!isRecord(metadata) || !isRecord(metadata.designer)) return undefined;
  const name = metadata.designer.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * `parameters.feeder` is the source module's id (https://help.make.com/aggregator); exports store it as a
 * number.
 */
function readFeeder(feeder: unknown): number | undefined {
  if (typeof feeder === 'number' && Number.isInteger(feeder)) return feeder;
  if (typeof feeder === 'string' && /^\d+$/.test(feeder)) return Number(feeder);
  return undefined;
}
