import type { Dispatcher } from 'undici';

/** Outbound HTTP as a port: which dispatcher to use and which hosts may be reached. */
export interface HttpPort {
  /** undici dispatcher for outbound requests: a MockAgent or pool in tests; default = global. */
  readonly dispatcher?: Dispatcher;
  /**
   * Network policy. `false` (the default): only loopback hosts. `true`: any host.
   * A list: loopback plus these host names.
   */
  readonly allowNet: boolean | readonly string[];
}

export const loopbackOnly: HttpPort = { allowNet: false };
