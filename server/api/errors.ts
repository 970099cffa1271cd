/**
 * Make API v2 errors (https://developers.make.com/api-documentation): one JSON body `{detail, message, code,
 * suberrors?}` for every failure, `code` = `SC<status>` or a Make `IMxxx` code. Route code throws ApiError.
 */
export interface SubError {
  message: string;
  name: string;
}

/** Make's generic reason phrases by status. */
const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Permission denied',
  404: 'Not Found',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly suberrors: SubError[] | undefined;

  constructor(status: number, detail: string, options: { code?: string; suberrors?: SubError[] } = {}) {
    super(detail);
    this.status = status;
    this.code = options.code ?? `SC${status}`;
    this.suberrors = options.suberrors;
  }

  toBody(): Record<string, unknown> {
    return {
      detail: this.message,
      message: MESSAGES[this.status] ?? 'Error',
      code: this.code,
      ...(this.suberrors ? { suberrors: this.suberrors } : {}),
    };
  }
}

/**
 * "Validation failed for N parameter(s)." with one suberror per problem
 * (https://developers.make.com/api-documentation).
 */
export function validationError(problems: string[]): ApiError {
  return new ApiError(400, `Validation failed for ${problems.length} parameter(s).`, {
    suberrors: problems.map((message) => ({ message, name: 'Error' })),
  });
}

export function notFound(what: string): ApiError {
  return new ApiError(404, `${what} not found.`);
}

/**
 * 406 IM004: deletes of used resources and queue items need `confirmed=true`
 * (https://developers.make.com/api-documentation).
 */
export function confirmationRequired(): ApiError {
  return new ApiError(406, 'Confirmation is required. Repeat the request with confirmed=true.', {
    code: 'IM004',
  });
}

/** The 401 body is unverified (docs/fidelity.md, "API"): we use SC401 by analogy with SC403. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Invalid or missing token. Send Authorization: Token <your API token>.');
}
