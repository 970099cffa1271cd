/**
 * Test doubles for the engine conformance cases: a transaction participant that logs every call
 * and journals a small in-memory table, and an ACID module (`test:UpdateRow`) writing to it —
 * the "Update a record" modules of the Help Center's Rollback/Commit worked examples
 * (https://help.make.com/rollback-error-handler).
 */
import { dataError } from '../../../engine/errors/make-error.ts';
import type { TransactionParticipant } from '../../../engine/ports/transaction.ts';
import { defineModule } from '../../../engine/registry/define-module.ts';

export class FakeTable implements TransactionParticipant {
  readonly rows: Record<string, unknown>;
  readonly log: string[] = [];
  /** One undo journal per open transaction, innermost last. */
  readonly #journals: Array<Array<[string, unknown]>> = [];

  constructor(rows: Record<string, unknown> = {}) {
    this.rows = { ...rows };
  }

  begin(): void {
    this.log.push('begin');
    this.#journals.push([]);
  }

  commit(): void {
    this.log.push('commit');
    const journal = this.#journals.pop() ?? [];
    this.#journals.at(-1)?.push(...journal);
  }

  rollback(): void {
    this.log.push('rollback');
    const journal = this.#journals.pop() ?? [];
    for (const [key, before] of journal.reverse()) {
      if (before === undefined) delete this.rows[key];
      else this.rows[key] = before;
    }
  }

  write(key: string, value: unknown): void {
    this.#journals.at(-1)?.push([key, this.rows[key]]);
    this.rows[key] = value;
  }
}

/** Writes `value` to row `key` of the run's FakeTable; the value "FAIL" fails with a DataError. */
export function updateRowModule(table: FakeTable) {
  return defineModule({
    key: 'test:UpdateRow',
    versions: [1],
    kind: 'action',
    label: 'Update a row (test)',
    description: 'ACID test module.',
    fidelity: 'full',
    acid: true,
    output: '`{ key, value }`',
    run: (call) => {
      const key = String(call.input.key);
      if (call.input.value === 'FAIL') throw dataError(`cannot update row ${key}`);
      table.write(key, call.input.value);
      return [{ key, value: call.input.value }];
    },
  });
}
