/**
 * Resolving a module's values for the current bundle (DESIGN principle 3, "resolve, then
 * execute"), shared by the core loop and the flow rules (aggregators, directives).
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import type { Execution } from './execution.ts';

/** Evaluates a module's mapper; an IML failure becomes the module's DataError. */
export function evaluateInput(ex: Execution, node: ModuleNode): Record<string, unknown> {
  if (!node.mapper) return {};
  const value = node.mapper.evaluate(ex.ctx);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
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
