/**
 * Resolving a module's values for the current bundle (DESIGN principle 3, "resolve, then
 * execute"), shared by the core loop and the flow rules (aggregators, directives).
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import type { Execution } from './execution.ts';
import { asInput } from './input-columns.ts';

/**
 * Evaluates a module's mapper as the input of a call about to be recorded (Recorder.call): with
 * the full record, the recorder keeps its field values (input-columns.ts). An IML failure
 * becomes the module's DataError.
 */
export function evaluateInput(ex: Execution, node: ModuleNode): Record<string, unknown> {
  if (ex.recorder.full) return ex.recorder.evaluateInput(node.id, ex.ctx);
  return evaluateMapper(ex, node);
}

/** Evaluates a module's mapper for another use than a recorded call's input (an aggregated item). */
export function evaluateMapper(ex: Execution, node: ModuleNode): Record<string, unknown> {
  if (!node.mapper) return {};
  return asInput(node.mapper.evaluate(ex.ctx));
}

/** Anything a module throws that is not a MakeError is reported as Make would: a RuntimeError. */
export function asMakeError(node: ModuleNode, error: unknown): MakeError {
  if (error instanceof MakeError) return error;
  if (error instanceof Error && error.name === 'ExpressionError') {
    return new MakeError('DataError', `Module ${node.id}: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new MakeError('RuntimeError', `Module ${node.id} (${node.key}) failed: ${message}`);
}
