import {
  REVIEWER_PREFERENCE,
  ReviewerIdentitySchema,
  type ReviewerIdentity,
} from '../../../shared/review/model';
import type { Store } from '../../storage/store';

/**
 * Save who this installation's reviewer is (the app preference the store's `reviewer()` reads):
 * checked against the model's limits first, so nothing unusable is stored.
 */
export async function writeReviewer(store: Store, identity: ReviewerIdentity): Promise<ReviewerIdentity> {
  const checked = ReviewerIdentitySchema.parse({
    name: identity.name.trim(),
    organisation: identity.organisation.trim(),
  });
  await store.writePreference(REVIEWER_PREFERENCE, JSON.stringify(checked));
  return checked;
}
