import type { ParticipationSourceKey } from '@lumbung/shared/contracts/shu';

/**
 * One business line's participation base for jasa usaha (rules.md §2.3: V_i), the one interface
 * every line plugs into. The running figures come from the counters the database keeps in the
 * posting transaction (migrations 0018, 0025); the recompute from the books (sumLedgerYearBases,
 * every measured line in the same single scan of the year's lines as the surplus and the capital)
 * must always equal them.
 *
 * A ledger-measured line is counted by revenue accounts listed in `shu_participation_accounts`: the
 * entry that credits such an account and touches exactly one member's sub-account is that member's
 * participation. The ledger stamps that member on every line of the entry when it posts it
 * (journal_lines.party_membership_id, checked by verifyCooperativeLedger), so both the counters and
 * the recompute read the attribution from the revenue line itself; a line without one is
 * unattributed. Lines whose modules do not exist yet are registered with nothing to count, so the
 * rules may weight them today and they count from the day their module posts.
 */
export interface ParticipationSource {
  key: ParticipationSourceKey;
  label: { id: string; en: string };
  /** Whether the books measure it yet (false: it always counts zero). */
  isMeasured: boolean;
}

function ledgerSource(key: ParticipationSourceKey, label: ParticipationSource['label']) {
  return { key, label, isMeasured: true } satisfies ParticipationSource;
}

/** A line whose module does not post yet: registered, weighted by the rules, counting zero. */
function pendingSource(key: ParticipationSourceKey, label: ParticipationSource['label']) {
  return { key, label, isMeasured: false } satisfies ParticipationSource;
}

export const participationSources: Record<ParticipationSourceKey, ParticipationSource> = {
  loan_interest_paid: ledgerSource('loan_interest_paid', {
    id: 'Jasa pinjaman yang dibayar',
    en: 'loan interest paid',
  }),
  store_purchases: pendingSource('store_purchases', {
    id: 'Belanja di toko koperasi',
    en: 'purchases at the cooperative store',
  }),
  produce_sold: pendingSource('produce_sold', {
    id: 'Hasil panen yang dijual ke koperasi',
    en: 'produce sold to the cooperative',
  }),
  bill_payment_fees: pendingSource('bill_payment_fees', {
    id: 'Biaya layanan pembayaran tagihan',
    en: 'bill-payment fees',
  }),
  service_fees: pendingSource('service_fees', {
    id: 'Biaya jasa layanan',
    en: 'service fees',
  }),
};
