import { describe, expect, it } from 'vitest';
import { Transactions } from '../../../engine/flow/transactions.ts';
import type { TransactionParticipant } from '../../../engine/ports/transaction.ts';

function participant(log: string[], failOn?: 'commit' | 'rollback'): TransactionParticipant {
  const call = (name: 'begin' | 'commit' | 'rollback') => () => {
    log.push(name);
    if (name === failOn) throw new Error('database is locked');
  };
  return { begin: call('begin'), commit: call('commit'), rollback: call('rollback') };
}

function manager(log: string[], autoCommit: boolean, triggerLast = true, failOn?: 'commit' | 'rollback') {
  return new Transactions(
    participant(log, failOn),
    { autoCommit, autoCommitTriggerLast: triggerLast },
    {
      onTriggerCommit: (c) => log.push(`trigger-commit:${c}`),
      onTriggerRollback: (c) => log.push(`trigger-rollback:${c}`),
    },
  );
}

describe('Transactions (https://help.make.com/rollback-error-handler)', () => {
  it('with auto commit on wraps each ACID operation in its own transaction', () => {
    const log: string[] = [];
    const tx = manager(log, true);
    tx.beforeAcid();
    tx.afterAcid(true);
    tx.beforeAcid();
    tx.afterAcid(false);
    expect(log).toEqual(['begin', 'commit', 'begin', 'rollback']);
  });

  it('with auto commit off opens one unit for all ACID operations until commit', () => {
    const log: string[] = [];
    const tx = manager(log, false);
    tx.beforeAcid();
    tx.afterAcid(true);
    tx.beforeAcid();
    tx.afterAcid(true);
    tx.commit();
    tx.commit();
    expect(log).toEqual(['begin', 'commit']);
  });

  it('settles the trigger once, last, at the end of the cycle', () => {
    const log: string[] = [];
    const tx = manager(log, true);
    tx.startCycle();
    tx.afterTrigger(1);
    tx.endCycle(1, false);
    tx.endCycle(1, true);
    expect(log).toEqual(['trigger-commit:1']);
  });

  it('commits the trigger right after it runs when commit trigger last is off', () => {
    const log: string[] = [];
    const tx = manager(log, true, false);
    tx.startCycle();
    tx.afterTrigger(2);
    tx.endCycle(2, true);
    expect(log).toEqual(['trigger-commit:2']);
  });

  it('reports a rolled back cycle so the trigger event comes again', () => {
    const log: string[] = [];
    const tx = manager(log, true);
    tx.startCycle();
    tx.endCycle(1, true);
    expect(log).toEqual(['trigger-rollback:1']);
  });

  it('turns a failing commit into an InconsistencyError', () => {
    const tx = manager([], false, true, 'commit');
    tx.beforeAcid();
    expect(() => tx.commit()).toThrow(expect.objectContaining({ type: 'InconsistencyError' }));
  });

  it('does nothing without a participant', () => {
    const tx = new Transactions(undefined, { autoCommit: false, autoCommitTriggerLast: true }, {});
    expect(() => {
      tx.beforeAcid();
      tx.afterAcid(true);
      tx.rollback();
    }).not.toThrow();
  });
});
