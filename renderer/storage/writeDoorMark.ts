/**
 * The transactions the write door opened (connection.ts, writeTransaction). The database refuses
 * every table write in any other transaction (database.ts), so no module can write around the
 * door, not even by mistake; schema upgrades run in their own versionchange transaction.
 */
const opened = new WeakSet<object>();

export function markDoorTransaction(transaction: object): void {
  opened.add(transaction);
}

export function isDoorTransaction(transaction: object): boolean {
  return opened.has(transaction) || (transaction as Partial<IDBTransaction>).mode === 'versionchange';
}
