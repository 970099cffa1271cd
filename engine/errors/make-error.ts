/**
 * Make's module error types, one class each.
 * Names follow Make's engine (imt-proto src/error.ts) and the Help Center's "Types of errors";
 * see Make's help: https://help.make.com/types-of-errors. Whether a type is a warning lives here and nowhere
 * else.
 */

export const MAKE_ERROR_TYPES = [
  'UnknownError',
  'RuntimeError',
  'DataError',
  'InconsistencyError',
  'RateLimitError',
  'OutOfSpaceError',
  'ConnectionError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'UnexpectedError',
  'MaxResultsExceededError',
  'MaxFileSizeExceededError',
  'IncompleteDataError',
  'DuplicateDataError',
  'ModuleTimeoutError',
  'ScenarioTimeoutError',
  'OperationsLimitExceededError',
  'DataSizeLimitExceededError',
  'ExecutionInterruptedError',
  'AccountValidationError',
  'BundleValidationError',
] as const;

export type MakeErrorType = (typeof MAKE_ERROR_TYPES)[number];

/**
 * Types that end a run with status "warning" instead of "error" (https://help.make.com/types-of-warnings).
 */
const WARNING_TYPES: ReadonlySet<MakeErrorType> = new Set(['ExecutionInterruptedError', 'OutOfSpaceError']);

/**
 * Fatal types disable scheduling at once, whatever maxErrors says
 * (https://help.make.com/overview-of-error-handling).
 */
const FATAL_TYPES: ReadonlySet<MakeErrorType> = new Set([
  'InconsistencyError',
  'OperationsLimitExceededError',
  'DataSizeLimitExceededError',
  'AccountValidationError',
]);

/** Whether errors of this type disable scheduling at once (also for a stored record's `error.type`). */
export function isFatalErrorType(type: string): boolean {
  return FATAL_TYPES.has(type as MakeErrorType);
}

export function isMakeErrorType(name: string): name is MakeErrorType {
  return (MAKE_ERROR_TYPES as readonly string[]).includes(name);
}

export class MakeError extends Error {
  readonly type: MakeErrorType;
  /** Extra details a module wants in the record (HTTP status, data store key, …). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(type: MakeErrorType, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = type;
    this.type = type;
    this.details = details;
  }

  get isWarning(): boolean {
    return WARNING_TYPES.has(this.type);
  }

  get isFatal(): boolean {
    return isFatalErrorType(this.type);
  }

  /** The shape mapped as `{{N.error}}` in error routes and stored in execution records. */
  toJSON(): { type: MakeErrorType; name: MakeErrorType; message: string } & Record<string, unknown> {
    return { ...this.details, type: this.type, name: this.type, message: this.message };
  }
}

/** Shorthand constructors, so modules read `throw dataError('…')`. */
export const makeError = (type: MakeErrorType, message: string, details?: Record<string, unknown>) =>
  new MakeError(type, message, details);
export const dataError = (message: string, details?: Record<string, unknown>) =>
  new MakeError('DataError', message, details);
export const runtimeError = (message: string, details?: Record<string, unknown>) =>
  new MakeError('RuntimeError', message, details);
