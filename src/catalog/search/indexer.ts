// Keeping the search index in step with the catalogue: called inside the transaction of every change of what the
// public sees (publication, validity, withdrawal), so the index never shows what the portal does not.
import type { Tx } from '../../storage/transaction.ts';
import type { CatalogItem } from '../model.ts';

export async function reindexItem(_tx: Tx, _item: CatalogItem): Promise<void> {
  // Filled in by the search module (issue 5 point 6).
}
