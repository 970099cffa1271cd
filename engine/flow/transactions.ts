/**
 * Transactions of ACID modules — Make's help: https://help.make.com/scenario-settings,
 * https://help.make.com/rollback-error-handler (Auto commit,
 * Commit trigger last), `rollback-error-handler` and `commit-error-handler` (worked examples).
 *
 * Auto commit on: each ACID operation is its own begin/commit, so a Rollback only prevents the
 * failing module's own change. Auto commit off: see COMMIT_UNIT.
 */
import { MakeError } from '../errors/make-error.ts';
import type { TransactionParticipant } from '../ports/transaction.ts';
import type { TransactionControl } from '../state/transaction-control.ts';

/**
 * docs/fidelity.md — with auto commit off, what is one commit unit? We read the Rollback
 * worked example literally: the unit is ONE bundle output by the first module (with everything
 * it leads to). Bundle 1's changes are committed when its walk ends; a Rollback during bundle 2
 * reverts bundle 2's changes in every ACID module; bundle 3 is never processed.
 */
export const COMMIT_UNIT = 'trigger-bundle' as const;

export interface TriggerHooks {
  /** The cycle's trigger may be acknowledged (webhook queue item removed, polling position kept). */
  onTriggerCommit?: ((cycle: number) => void) | undefined;
  /** The cycle was rolled back: the trigger's event must come again (queue item returned). */
  onTriggerRollback?: ((cycle: number) => void) | undefined;
}

export interface TransactionSettings {
  autoCommit: boolean;
  autoCommitTriggerLast: boolean;
}

export class Transactions implements TransactionControl {
  readonly #participant: TransactionParticipant | undefined;
  readonly #settings: TransactionSettings;
  readonly #hooks: TriggerHooks;
  /** Auto commit off: a unit transaction is open. */
  #unitOpen = false;
  #triggerSettled = false;

  constructor(
    participant: TransactionParticipant | undefined,
    settings: TransactionSettings,
    hooks: TriggerHooks,
  ) {
    this.#participant = participant;
    this.#settings = settings;
    this.#hooks = hooks;
  }

  /** Before an ACID module's operation. */
  beforeAcid(): void {
    if (!this.#participant) return;
    if (this.#settings.autoCommit) this.#call('begin');
    else if (!this.#unitOpen) {
      this.#call('begin');
      this.#unitOpen = true;
    }
  }

  /** After an ACID module's operation; with auto commit its own transaction ends here. */
  afterAcid(ok: boolean): void {
    if (!this.#participant || !this.#settings.autoCommit) return;
    this.#call(ok ? 'commit' : 'rollback');
  }

  /** End of one first-module bundle (the auto-commit-off unit) or a Commit directive. */
  commit(): void {
    if (!this.#unitOpen) return;
    this.#unitOpen = false;
    this.#call('commit');
  }

  /** Rollback directive, or an unhandled error. */
  rollback(): void {
    if (!this.#unitOpen) return;
    this.#unitOpen = false;
    this.#call('rollback');
  }

  /** A new cycle starts: its trigger is not acknowledged yet. */
  startCycle(): void {
    this.#triggerSettled = false;
  }

  /** Right after the trigger's operation: with "Commit trigger last" off it commits in execution order. */
  afterTrigger(cycle: number): void {
    if (this.#settings.autoCommitTriggerLast || !this.#settings.autoCommit) return;
    this.#triggerSettled = true;
    this.#hooks.onTriggerCommit?.(cycle);
  }

  /** End of the cycle's commit or rollback phase: the trigger is settled last. */
  endCycle(cycle: number, rolledBack: boolean): void {
    if (this.#triggerSettled) return;
    this.#triggerSettled = true;
    if (rolledBack) this.#hooks.onTriggerRollback?.(cycle);
    else this.#hooks.onTriggerCommit?.(cycle);
  }

  /**
   * Errors while committing or rolling back are InconsistencyError (Make's help:
   * https://help.make.com/rollback-error-handler; https://github.com/integromat/imt-proto `src/error.ts`).
   */
  #call(method: 'begin' | 'commit' | 'rollback'): void {
    try {
      this.#participant?.[method]();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MakeError(
        'InconsistencyError',
        `The ${method} of the data store transaction failed: ${reason}`,
      );
    }
  }
}
