/**
 * Web mode's local app settings (service keys such as a 天地图 tk): a small IndexedDB database of
 * their own, next to the workbench database but never inside it. The desktop keeps the same
 * settings in the main process's app settings file. Nothing here belongs to a project, so no
 * project file, export or undo step can carry it, and the project database's write door (which
 * refuses raw writes to its tables) is not walked around.
 */
export const LOCAL_SETTINGS_DATABASE = 'heritage-zone-workbench-local';
const STORE = 'settings';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(LOCAL_SETTINGS_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('local settings: cannot open'));
  });
}

async function run<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await open(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode, { durability: 'strict' });
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('local settings: not saved'));
      transaction.onabort = () => reject(transaction.error ?? new Error('local settings: not saved'));
    });
  } finally {
    db.close();
  }
}

/** A service key by its id, or null when none is set. */
export async function readServiceKey(keyId: string, factory: IDBFactory = indexedDB): Promise<string | null> {
  const value = await run<unknown>(factory, 'readonly', (s) => s.get(`serviceKey:${keyId}`));
  return typeof value === 'string' ? value : null;
}

/** Set (or, with null or an empty key, remove) a service key. */
export async function writeServiceKey(
  keyId: string,
  key: string | null,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  const name = `serviceKey:${keyId}`;
  const trimmed = key?.trim() ?? '';
  await run(factory, 'readwrite', (s) => (trimmed ? s.put(trimmed, name) : s.delete(name)));
}
