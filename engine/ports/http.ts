import type { Dispatcher } from 'undici';

/**
 * Credentials of one connection, from the project config's `connections` section (never from
 * the blueprint). HTTP auth variants pick the fields they need.
 */
export interface HttpConnection {
  /** Basic auth (`http:ActionSendDataBasicAuth`). */
  readonly username?: string;
  readonly password?: string;
  /** API key auth: the key, its parameter name and where it goes (default: a header). */
  readonly apiKey?: string;
  readonly apiKeyName?: string;
  readonly apiKeyPlacement?: 'header' | 'query';
  /** OAuth 2.0: a ready access token (makesim does not run the OAuth dance). */
  readonly accessToken?: string;
  /** Default `Bearer`. */
  readonly tokenType?: string;
}

/** Outbound HTTP as a port: which dispatcher to use and which hosts may be reached. */
export interface HttpPort {
  /** undici dispatcher for outbound requests: a MockAgent or pool in tests; default = global. */
  readonly dispatcher?: Dispatcher;
  /**
   * Network policy. `false` (the default): only loopback hosts. `true`: any host.
   * A list: loopback plus these host names.
   */
  readonly allowNet: boolean | readonly string[];
  /**
   * Connections by id or name (`parameters.__IMTCONN__`, `auth`, `account`, `apiKeyKeychain`, or the
   * connection's label), filled from the project config's `connections` section.
   */
  readonly connections?: Readonly<Record<string, HttpConnection>>;
}

export const loopbackOnly: HttpPort = { allowNet: false };
