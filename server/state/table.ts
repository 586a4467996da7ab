import { missingResource } from '../errors.js';

/**
 * The records of one kind, by id, in the order they were made. The map stays private: callers
 * look records up, list them, add or remove one, so the 404 for an unknown id is phrased in one place.
 */
export class Table<T extends { id: string }> {
  private readonly rows = new Map<string, T>();

  /** @param noun the kind as a 404 names it (`No such checkout session: '…'`). */
  constructor(private readonly noun: string) {}

  insert(row: T): T {
    this.rows.set(row.id, row);
    return row;
  }

  find(id: string): T | undefined {
    return this.rows.get(id);
  }

  /** The record, or a 404 `resource_missing` naming `param` (the parameter that held the id). */
  get(id: string, param = 'id'): T {
    const row = this.rows.get(id);
    if (!row) throw missingResource(this.noun, id, param);
    return row;
  }

  /** Forgets a record: its id is unknown from then on. */
  remove(id: string): void {
    this.rows.delete(id);
  }

  /** Lists are newest first, as at Stripe. */
  newestFirst(): T[] {
    return [...this.rows.values()].reverse();
  }
}
