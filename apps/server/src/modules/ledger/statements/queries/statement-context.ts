import type { LedgerContext } from '../../commands/post-journal-entries.js';

/** What a statement query reads with: the tenant's transaction and the cooperative. */
export type StatementContext = Pick<LedgerContext, 'tx' | 'cooperativeId'>;
