/**
 * The engine's transaction protocol (https://help.make.com/rollback-error-handler). A resource that can undo
 * its writes (the data store database) implements it; the engine decides when each call happens
 * (auto commit, commit trigger last, Commit and Rollback directives). Calls nest: every
 * `begin` is closed by exactly one `commit` or `rollback`, innermost first.
 */
export interface TransactionParticipant {
  begin(): void;
  commit(): void;
  rollback(): void;
}
