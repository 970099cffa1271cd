/**
 * The execution's transactions as the walk drives them. The rule (what one commit unit is, when
 * the trigger is settled) is flow/transactions.ts, which implements this.
 */
export interface TransactionControl {
  /** Before an ACID module's operation. */
  beforeAcid(): void;
  /** After an ACID module's operation; with auto commit its own transaction ends here. */
  afterAcid(ok: boolean): void;
  /** End of one first-module bundle (the auto-commit-off unit) or a Commit directive. */
  commit(): void;
  /** Rollback directive, or an unhandled error. */
  rollback(): void;
  /** A new cycle starts: its trigger is not acknowledged yet. */
  startCycle(): void;
  /** Right after the trigger's operation. */
  afterTrigger(cycle: number): void;
  /** End of the cycle's commit or rollback phase: the trigger is settled last. */
  endCycle(cycle: number, rolledBack: boolean): void;
}
