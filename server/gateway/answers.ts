/**
 * Every fixed answer of the webhook gateway, in one table (Make's help: https://help.make.com/webhooks).
 * Bodies are byte-exact where Make's are known; the others are our choices (docs/fidelity.md)
 * and are listed in docs/fidelity.md.
 */
export interface GatewayAnswer {
  status: number;
  body: string;
  /** Make's 410 carried no CORS header (measured, https://help.make.com/webhooks). */
  cors: boolean;
}

export const ANSWERS = {
  accepted: { status: 200, body: 'Accepted', cors: true },
  preflight: { status: 200, body: 'ok', cors: true },
  scenarioFailed: { status: 500, body: 'Scenario failed to complete.', cors: true },
  notFound: { status: 410, body: 'Webhook not found.', cors: false },
  noScenario: { status: 410, body: 'There is no scenario listening for this webhook.', cors: false },
  /**
   * docs/fidelity.md, Open question 1: a hook unattached for over 120 h is "auto-deactivated", 410 Gone
   * (https://help.make.com/webhooks); the body is ours.
   */
  gone: { status: 410, body: 'Webhook is gone.', cors: false },
  queueFull: { status: 400, body: 'Queue is full.', cors: true },
  /**
   * help.make.com says "Too many requests"; the exact body is unverified (docs/fidelity.md, open question 2).
   */
  tooManyRequests: { status: 429, body: 'Too many requests', cors: true },
  /** docs/fidelity.md, Open question 1: Make states only the 5 MB limit. We answer 413. */
  tooLarge: { status: 413, body: 'Payload too large.', cors: true },
  /** docs/fidelity.md, Open question 1: clients report 401 for a missing or wrong `x-make-apikey`. */
  unauthorized: { status: 401, body: 'Unauthorized.', cors: true },
  /**
   * docs/fidelity.md, Open question 1: the status for an address outside the hook's allow-list is
   * undocumented.
   */
  forbidden: { status: 403, body: 'Forbidden.', cors: true },
  /**
   * docs/fidelity.md, Open question 1: a body the hook cannot parse (malformed JSON) or that fails its data
   * structure.
   */
  badRequest: { status: 400, body: 'Bad Request.', cors: true },
} satisfies Record<string, GatewayAnswer>;

/**
 * docs/fidelity.md, Open question 1: Make documents only the 400 for a payload that fails the hook's data
 * structure (https://help.make.com/webhooks). The body is ours: it starts as the other 400 and names the
 * failing fields.
 */
export function structureMismatchAnswer(problems: string): GatewayAnswer {
  return {
    status: 400,
    body: `Bad Request. The data does not match the webhook's data structure: ${problems}.`,
    cors: true,
  };
}

/**
 * A disabled hook "does not accept any data"
 * (https://developers.make.com/api-documentation/api-reference/hooks); we answer as for a gone hook
 * (docs/fidelity.md, open question 1).
 */
export const DISABLED_HOOK_ANSWER = ANSWERS.notFound;

/** Webhook payload limit: 5 MB = 5,242,880 bytes (Make's help: https://help.make.com/webhooks). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * 300 requests per 10-second window per webhook (Make's help: https://help.make.com/webhooks; open question
 * 2: per hook).
 */
export const DEFAULT_RATE_LIMIT = { max: 300, windowMs: 10_000 };

/** Make's hard cap on a hook's queue (Make's help: https://help.make.com/webhooks). */
export const DEFAULT_QUEUE_LIMIT = 10_000;

/**
 * How long a caller waits for a Webhook response module: current Help Center 180 s (docs/fidelity.md, open
 * question 5).
 */
export const DEFAULT_RESPONSE_TIMEOUT_MS = 180_000;

/**
 * Methods a preflight answer lists in `access-control-allow-methods` (measured,
 * https://help.make.com/webhooks).
 */
export const CORS_ALLOW_METHODS = 'GET, PUT, POST, PATCH, DELETE, HEAD, OPTIONS';

/**
 * The `Allow` header of every gateway answer, in Make's order (as measured against Make's gateway;
 * https://help.make.com/webhooks).
 */
export const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * `x-powered-by` of every gateway answer (as measured against Make's gateway; Make's help:
 * https://help.make.com/webhooks).
 */
export const POWERED_BY = 'Make Gateway/production';
