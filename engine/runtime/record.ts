/** The execution record's types live with the execution state (engine/state/record.ts); this path stays for its many readers. */
export type * from '../state/record.ts';
