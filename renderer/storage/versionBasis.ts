import { recordFingerprint } from '../../shared/geometry/fingerprint';
import { CommitError } from './commitError';
import type { WorkbenchDb } from './database';

/**
 * A short token of a set of records (order-free): how many, and two sums of their fingerprints.
 * Equal tokens: the same records, but for a chance of about 1 in 10^18.
 */
export function stateBasis(objects: readonly object[], zones: readonly object[]): string {
  const P1 = 2_147_483_647;
  const P2 = 1_000_000_007;
  let a = 0;
  let b = 0;
  for (const record of [...objects, ...zones]) {
    const fp = recordFingerprint(record);
    a = (a + (fp % P1)) % P1;
    b = (b + (Math.floor(fp / 2 ** 26) % P2)) % P2;
  }
  return `${objects.length}/${zones.length}/${a}/${b}`;
}

/** The records changed between hashing and tagging (the door refuses; tagVersion hashes again). */
export class StateMoved extends CommitError {
  constructor() {
    super([
      {
        subject: '',
        message: {
          zh: '标记版本时内容正被修改，请重试',
          en: 'The content changed while the version was being tagged; try again',
        },
      },
    ]);
  }
}

/** The token of a project's live objects and zones, read inside the caller's transaction. */
export async function liveBasis(db: WorkbenchDb, projectId: string): Promise<string> {
  const [objects, zones] = await Promise.all([
    db.objects.where('projectId').equals(projectId).toArray(),
    db.zones.where('projectId').equals(projectId).toArray(),
  ]);
  return stateBasis(objects, zones);
}
