/**
 * Builds the ExecutionRecord (DESIGN.md "Core contracts") from integer counters kept per module.
 * `record: 'summary'` keeps the counts but no outputs or calls (big runs, benchmarks). With the
 * full record, each module's outputs are kept in an OutputList (the bundles themselves, shared
 * with the next module's inputs and the walk, never copied; output-list.ts) and its calls
 * column-wise (call-columns.ts), until `outputs` and `calls` are first read — or, with
 * `lazyCalls` off (`record: 'stored'`), until the run ends (settleCalls), when they become plain data.
 */
import type { ModuleNode, Scenario } from '../blueprint/scenario.ts';
import type { EvalContext } from '../expression/types.ts';
import type { Bundle, Outputs, WebhookResponse } from '../registry/define-module.ts';
import { CallColumns } from './call-columns.ts';
import { EVALUATED_FIELDS } from './input-columns.ts';
import type { Charge } from './operations.ts';
import { OutputList, type Replay } from './output-list.ts';
import type { IncompleteExecution, ModuleRecord, RecordedError } from './record.ts';

/** Told the moment a cycle's first Webhook response is produced (RunOptions.onRespond). */
export type RespondListener = (response: WebhookResponse, cycle: number) => void;

export class Recorder {
  readonly full: boolean;
  /** Module records by id (sparse). */
  readonly #byId: ModuleRecord[] = [];
  readonly #ordered: ModuleRecord[] = [];
  readonly paths: Record<string, number> = {};
  readonly warnings: RecordedError[] = [];
  readonly incomplete: IncompleteExecution[] = [];
  operations = 0;
  centicredits = 0;
  response: WebhookResponse | null = null;
  readonly #onRespond: RespondListener | undefined;
  /** Cycles whose caller already has its response (one request per cycle). */
  readonly #respondedCycles = new Set<number>();

  /** Full record only: each module's calls and outputs, by id (sparse). */
  readonly #calls: CallColumns[] = [];
  readonly #outputs: OutputList[] = [];

  /** Calls are built when first read (true), or by settleCalls when the run ends. */
  readonly #lazyCalls: boolean;

  constructor(scenario: Scenario, full: boolean, onRespond?: RespondListener, lazyCalls = true) {
    this.full = full;
    this.#onRespond = onRespond;
    this.#lazyCalls = lazyCalls;
    for (const node of scenario.modules) {
      const record = emptyRecord(node);
      if (full) {
        this.#calls[node.id] = new CallColumns(node.mapper);
        this.#outputs[node.id] = new OutputList();
      }
      this.#byId[node.id] = record;
      this.#ordered.push(record);
    }
    this.#nodes = scenario.modules;
  }

  readonly #nodes: readonly ModuleNode[];
  /** `outputs` and `calls` already read from the lists (the full record, once the run ended). */
  #settled = false;

  module(id: number): ModuleRecord {
    const record = this.#byId[id];
    if (record === undefined) throw new Error(`internal: no record for module ${id}`);
    return record;
  }

  charge(id: number, charge: Charge): void {
    const record = this.module(id);
    record.operations += charge.operations;
    record.centicredits += charge.centicredits;
    this.operations += charge.operations;
    this.centicredits += charge.centicredits;
  }

  filter(id: number, passed: boolean): void {
    const record = this.module(id);
    record.filter ??= { passed: 0, failed: 0 };
    if (passed) record.filter.passed++;
    else record.filter.failed++;
  }

  path(pointer: string): void {
    this.paths[pointer] = (this.paths[pointer] ?? 0) + 1;
  }

  /**
   * The input of a call of module `id` about to be recorded; with the full record, kept as its
   * mapper's field values when `call` is given this same object.
   */
  evaluateInput(id: number, ctx: EvalContext): Record<string, unknown> {
    const columns = this.#calls[id];
    if (columns === undefined) throw new Error(`internal: no call columns for module ${id}`);
    return columns.evaluate(ctx);
  }

  /**
   * The mapper's field values for a call of module `id` run on them (ModuleDefinition.runOnFields),
   * recorded when `call` is given EVALUATED_FIELDS (input-columns.ts); the array is reused.
   */
  evaluateFields(
    id: number,
    ctx: EvalContext,
    leaves: readonly ((ctx: EvalContext) => unknown)[],
  ): readonly unknown[] {
    if (this.full) return (this.#calls[id] as CallColumns).evaluateFields(ctx);
    let values = this.#fieldValues[id];
    if (values === undefined) {
      values = new Array(leaves.length).fill(undefined);
      this.#fieldValues[id] = values;
    }
    for (let k = 0; k < leaves.length; k++) values[k] = (leaves[k] as (ctx: EvalContext) => unknown)(ctx);
    return values;
  }

  /** Summary record only: the field values of each module's current call (evaluateFields), by id. */
  readonly #fieldValues: unknown[][] = [];

  /**
   * One module call (input → outputs or error). `replayable`: the module's `replay` gives these
   * outputs again from this input, so the full record need not keep them.
   */
  call(
    id: number,
    cycle: number,
    input: Record<string, unknown>,
    output: Outputs,
    error: RecordedError | null,
    replayable = false,
  ): void {
    const record = this.module(id);
    record.bundlesIn++;
    record.bundlesOut += output.length;
    if (error) record.errors.push(error);
    if (!this.full) return;
    const outputs = this.#outputs[id] as OutputList;
    const columns = this.#calls[id] as CallColumns;
    // Only an input kept as field values is sure to be rebuilt equal to what the module saw.
    const replay = replayable && error === null && columns.isEvaluated(input);
    const call = columns.length;
    columns.add(input, outputs.length, output.length, error, cycle);
    if (replay) outputs.addReplayed(call, output.length);
    else outputs.add(output);
  }

  /**
   * A call run on its field values (ModuleDefinition.runOnFields) that gave exactly `bundle`: as
   * `call` with the input EVALUATED_FIELDS, without an output list.
   */
  callOnFields(id: number, cycle: number, bundle: Bundle, replayable: boolean): void {
    const record = this.module(id);
    record.bundlesIn++;
    record.bundlesOut++;
    if (!this.full) return;
    const outputs = this.#outputs[id] as OutputList;
    const columns = this.#calls[id] as CallColumns;
    const replay = replayable && columns.isEvaluated(EVALUATED_FIELDS);
    const call = columns.length;
    columns.add(EVALUATED_FIELDS, outputs.length, 1, null, cycle);
    if (replay) outputs.addReplayed(call, 1);
    else outputs.push(bundle);
  }

  /** Bundles reaching a module that does not run per bundle (aggregators, directives). */
  arrived(id: number): void {
    this.module(id).bundlesIn++;
  }

  /** Output of a module that produced bundles outside `call` (aggregators, merge, resume). */
  emitted(id: number, bundles: readonly Bundle[]): void {
    const record = this.module(id);
    record.bundlesOut += bundles.length;
    if (this.full) this.#outputs[id]?.add(bundles);
  }

  /** One aggregation of `items` bundles (they were counted in as they arrived). */
  aggregated(id: number, cycle: number, items: number, output: readonly Bundle[]): void {
    const start = this.#outputs[id]?.length ?? 0;
    this.emitted(id, output);
    this.#calls[id]?.add({ items }, start, output.length, null, cycle);
  }

  /**
   * A Webhook response module ran in `cycle`. Each cycle answers its own request, and only with
   * its first response: later ones cannot be sent on the same request (Make's help:
   * https://help.make.com/webhooks).
   */
  respond(response: WebhookResponse, cycle: number): void {
    this.response ??= response;
    if (this.#respondedCycles.has(cycle)) return;
    this.#respondedCycles.add(cycle);
    this.#onRespond?.(response, cycle);
  }

  /**
   * The module records, once the run ended. With the full record, `outputs` and `calls` become
   * properties built when first read. Not before: an object given accessor properties leaves
   * V8's fast mode, and the counters of these records are updated for every bundle.
   */
  modules(): ModuleRecord[] {
    if (this.full && !this.#settled) {
      this.#settled = true;
      for (const node of this.#nodes) {
        const record = this.module(node.id);
        const columns = this.#calls[node.id] as CallColumns;
        const outputs = this.#outputs[node.id] as OutputList;
        const replay = replayOf(node, columns);
        if (this.#lazyCalls) {
          settleOnRead(record, 'outputs', () => outputs.materialize(replay));
          settleOnRead(record, 'calls', () => columns.materialize(record.outputs));
        } else {
          record.outputs = outputs.materialize(replay);
          record.calls = columns.materialize(record.outputs);
        }
      }
    }
    return this.#ordered;
  }

  /** The run ended: without lazy calls, each module's outputs and calls are built now, as plain data. */
  settleCalls(): void {
    if (!this.#lazyCalls) this.modules();
  }
}

/** Rebuilds call `index`'s outputs from its rebuilt input, for a module with `replay`. */
function replayOf(node: ModuleNode, columns: CallColumns): Replay {
  return (index) => {
    const replay = node.definition?.replay;
    const input = columns.inputs()[index];
    if (!replay || input === undefined)
      throw new Error(`internal: no replay for call ${index} of module ${node.id}`);
    return replay({ input, parameters: node.parameters, node });
  };
}

/**
 * `record[key]` as an own enumerable property (so JSON, structured clone and spreads see it) that
 * builds its value when first read, then holds it as a plain value.
 */
function settleOnRead<K extends 'outputs' | 'calls'>(
  record: ModuleRecord,
  key: K,
  build: () => ModuleRecord[K],
): void {
  const settle = (value: ModuleRecord[K]) => {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  Object.defineProperty(record, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(build()),
    set: settle,
  });
}

function emptyRecord(node: ModuleNode): ModuleRecord {
  const record: ModuleRecord = {
    id: node.id,
    module: node.key,
    pointer: node.pointer,
    operations: 0,
    centicredits: 0,
    bundlesIn: 0,
    bundlesOut: 0,
    filter: null,
    outputs: [],
    errors: [],
    calls: [],
  };
  if (node.label !== undefined) record.label = node.label;
  return record;
}
