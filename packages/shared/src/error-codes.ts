/**
 * Every refusal code the platform can return, declared once with its HTTP status and when it
 * happens. Messages (Indonesian and English) live in `messages/{id,en}.ts`, typed against this
 * list so a missing translation fails the build. Status follows the house rule: *_not_found 404,
 * *_already_* and idempotency conflicts 409, other domain refusals 422, validation 400.
 */
export const errorCodes = {
  // request (platform/http)
  'request.invalid': { status: 400, when: 'the body, query or path fails its contract' },
  'request.not_found': { status: 404, when: 'no route matches the method and path' },
  'request.idempotency_key_required': {
    status: 400,
    when: 'a POST that creates or moves something arrives without an Idempotency-Key header',
  },
  'request.idempotency_conflict': {
    status: 409,
    when: 'an Idempotency-Key is reused with a different request body or route',
  },
  'request.rate_limited': { status: 429, when: 'too many requests from one client in a window' },
  'request.internal_error': {
    status: 500,
    when: 'an assertion failed: a bug, logged with the request id',
  },
  // auth
  'auth.unauthenticated': { status: 401, when: 'no valid session cookie or bearer token' },
  'auth.forbidden': { status: 403, when: "the caller's roles do not allow this route" },
  'auth.invalid_credentials': { status: 401, when: 'phone or password is wrong' },
  'auth.account_locked': { status: 423, when: 'too many failed logins; locked until a time' },
  'auth.otp_invalid': { status: 422, when: 'the one-time code is wrong, used or expired' },
  'auth.otp_too_many_attempts': { status: 429, when: 'a one-time code was guessed too often' },
  'auth.pin_not_set': {
    status: 422,
    when: 'a money move needs a transaction PIN the person has not set',
  },
  'auth.pin_invalid': { status: 422, when: 'the transaction PIN is wrong' },
  'auth.pin_locked': { status: 423, when: 'the PIN was wrong too many times; locked until a time' },
  // identity
  'identity.nik_invalid': {
    status: 422,
    when: 'a NIK is not 16 digits with a valid region, birth date and sequence',
  },
  'identity.phone_invalid': {
    status: 422,
    when: 'a phone number is not an Indonesian mobile number',
  },
  'identity.password_too_weak': {
    status: 422,
    when: 'a password is shorter than 8 characters or too common',
  },
  'identity.pin_format_invalid': {
    status: 422,
    when: 'a PIN is not 6 digits or is trivially guessable',
  },
  'identity.phone_already_registered': {
    status: 409,
    when: 'another person already has this phone number',
  },
  'identity.person_not_found': {
    status: 404,
    when: 'no person with that id in reach of the caller',
  },
  'identity.membership_already_exists': {
    status: 409,
    when: 'the person already belongs to this cooperative',
  },
  'identity.region_scope_invalid': {
    status: 422,
    when: 'a dinas officer is scoped to an unknown region code',
  },
  // cooperatives
  'cooperatives.cooperative_not_found': {
    status: 404,
    when: 'no cooperative with that id in reach of the caller',
  },
  'cooperatives.district_unknown': {
    status: 422,
    when: 'the district code is not a seeded region',
  },
  'cooperatives.legal_entity_number_already_registered': {
    status: 409,
    when: 'another cooperative has this legal-entity number',
  },
  'cooperatives.nik_koperasi_already_registered': {
    status: 409,
    when: 'another cooperative has this Nomor Induk Koperasi',
  },
  'cooperatives.nik_koperasi_invalid': {
    status: 422,
    when: 'a NIK koperasi is not 13 to 16 digits',
  },
  'cooperatives.federation_requires_secondary': {
    status: 422,
    when: 'a cooperative joins another that is not a secondary (sekunder) cooperative',
  },
  'cooperatives.federation_self': { status: 422, when: 'a cooperative tries to join itself' },
  'cooperatives.federation_already_member': {
    status: 409,
    when: 'the primary cooperative is already a member of that secondary cooperative',
  },
  // ledger
  'ledger.entry_not_balanced': { status: 422, when: "an entry's debits and credits differ" },
  'ledger.entry_too_few_lines': { status: 422, when: 'an entry has fewer than two lines' },
  'ledger.amount_invalid': {
    status: 422,
    when: 'a line amount is not a positive whole number of rupiah',
  },
  'ledger.period_closed': { status: 422, when: 'an entry is dated in a closed month' },
  'ledger.period_already_closed': {
    status: 409,
    when: 'a month that is already closed is closed again',
  },
  'ledger.period_not_ended': { status: 422, when: 'a month is closed before it has ended' },
  'ledger.year_already_closed': {
    status: 409,
    when: "a fiscal year's closing entry already exists",
  },
  'ledger.account_inactive': { status: 422, when: 'an entry uses a deactivated account' },
  'ledger.account_is_control': {
    status: 422,
    when: 'an entry posts to a control account instead of its sub-accounts',
  },
  'ledger.account_not_found': {
    status: 404,
    when: "an account id is not in this cooperative's chart",
  },
  'ledger.account_code_already_exists': {
    status: 409,
    when: 'an account code is already used in this chart',
  },
  'ledger.account_parent_invalid': {
    status: 422,
    when: "a sub-account's parent is not a control account of the same class",
  },
  'ledger.idempotency_conflict': {
    status: 409,
    when: 'an idempotency key is reused for a different entry',
  },
  'ledger.entry_not_found': {
    status: 404,
    when: 'no journal entry with that id in this cooperative',
  },
  'ledger.entry_already_reversed': {
    status: 409,
    when: 'an entry that was already reversed is reversed again',
  },
  'ledger.hold_not_found': { status: 404, when: 'no hold with that id in this cooperative' },
  'ledger.hold_already_resolved': {
    status: 409,
    when: 'a captured or released hold is captured or released again',
  },
  'ledger.insufficient_available_balance': {
    status: 422,
    when: 'a hold or posting would take an account below what is available',
  },
  'ledger.manual_journal_self_approval': {
    status: 422,
    when: 'the officer who prepared a manual journal tries to approve it',
  },
  'ledger.manual_journal_not_pending': {
    status: 409,
    when: 'a manual journal already approved or rejected is decided again',
  },
  'ledger.manual_journal_not_found': { status: 404, when: 'no manual journal with that id' },
  'ledger.fiscal_year_invalid': {
    status: 422,
    when: 'a fiscal year to close does not run from the first of a month for exactly one year',
  },
  // members
  'members.member_not_found': {
    status: 404,
    when: 'no member with that id or number in this cooperative',
  },
  'members.application_not_pending': {
    status: 409,
    when: 'an application already approved or refused is decided again',
  },
  'members.not_active': {
    status: 422,
    when: 'a member who is not aktif is asked to leave, pay or be served',
  },
  'members.card_invalid': {
    status: 422,
    when: "a member card's signature or format does not verify",
  },
  // savings
  'savings.exit_has_term_deposits': {
    status: 422,
    when: 'a member leaves while a term deposit is still running',
  },
  'savings.exit_has_pending_holds': {
    status: 422,
    when: 'a member leaves while money on their savings is still held for an outside party',
  },
  'savings.insufficient_balance': {
    status: 422,
    when: 'a withdrawal or transfer would take the account below its balance or the product minimum',
  },
  'savings.not_withdrawable': {
    status: 422,
    when: 'a withdrawal from simpanan pokok or wajib while the person is still a member',
  },
  'savings.pokok_exceeds_amount': {
    status: 422,
    when: 'a simpanan pokok deposit would exceed the amount the product sets',
  },
  'savings.session_not_open': {
    status: 422,
    when: 'a teller deposits or withdraws without an open teller session',
  },
  'savings.session_already_open': {
    status: 409,
    when: 'a teller opens a second session while one is still open',
  },
  'savings.session_not_found': {
    status: 404,
    when: 'no open teller session with that id belongs to the caller',
  },
  'savings.transfer_to_self': {
    status: 422,
    when: 'a transfer names the sender as the recipient',
  },
  'savings.account_not_found': {
    status: 404,
    when: "no member's savings account with that id in this cooperative",
  },
  'savings.month_not_ended': {
    status: 422,
    when: 'month-end interest is run for a month that has not ended yet',
  },
  // savings: payroll-deduction import (a file is refused whole; a row is refused or skipped alone)
  'savings.payroll_file_unreadable': {
    status: 422,
    when: 'an imported payroll file is not a readable CSV or XLSX file',
  },
  'savings.payroll_file_empty': {
    status: 422,
    when: 'an imported payroll file has no header row or no member rows',
  },
  'savings.payroll_unknown_column': {
    status: 422,
    when: 'a payroll file has a column (or a cell beyond the header) the import does not know',
  },
  'savings.payroll_missing_column': {
    status: 422,
    when: 'a payroll file lacks nomor_anggota, periode or simpanan_wajib in its header',
  },
  'savings.payroll_duplicate_column': {
    status: 422,
    when: "a payroll file's header names the same column twice",
  },
  'savings.payroll_member_number_invalid': {
    status: 422,
    when: 'a payroll row has a member number that is not 1 to 6 digits',
  },
  'savings.payroll_period_invalid': {
    status: 422,
    when: 'a payroll row has a periode that is not yyyy-mm',
  },
  'savings.payroll_period_mismatch': {
    status: 422,
    when: "a payroll row's periode differs from the period being imported",
  },
  'savings.payroll_amount_invalid': {
    status: 422,
    when: 'a payroll amount is not whole rupiah (25000 or 25.000), e.g. a decimal or negative',
  },
  'savings.payroll_duplicate_member': {
    status: 422,
    when: 'a member number appears on more than one row of the same payroll file',
  },
  'savings.payroll_loans_unavailable': {
    status: 422,
    when: 'a payroll row has a loan repayment while the loans module does not exist yet',
  },
  'savings.payroll_nothing_to_post': {
    status: 422,
    when: 'a payroll row deducts nothing (every amount is zero or empty)',
  },
  'savings.payroll_already_posted': {
    status: 409,
    when: "a payroll row's deductions for the period were posted by an earlier import",
  },
  'savings.payroll_import_not_found': {
    status: 404,
    when: 'no payroll import with that id in this cooperative',
  },
  'savings.term_deposit_unavailable': {
    status: 422,
    when: 'a term deposit is asked of a cooperative whose chart has no Simpanan berjangka (2-1202): only simpan_pinjam and serba_usaha cooperatives take them',
  },
  'savings.term_deposit_amount_invalid': {
    status: 422,
    when: 'a term deposit is opened for zero or a negative amount',
  },
  'savings.term_deposit_not_found': {
    status: 404,
    when: 'no term deposit with that id in this cooperative',
  },
  'savings.term_deposit_already_closed': {
    status: 409,
    when: 'a term deposit that has already matured, rolled over or been broken is broken',
  },
  'savings.term_deposit_due': {
    status: 422,
    when: 'a term deposit is broken on or after its maturity date: it matures instead',
  },
  'savings.maturity_date_in_future': {
    status: 422,
    when: 'term-deposit maturities are run as of a date after today',
  },
  // loans
  'loans.lending_unavailable': {
    status: 422,
    when: 'a loan is asked of a cooperative whose chart has no Piutang pinjaman anggota (1-1310): only simpan_pinjam and serba_usaha cooperatives lend',
  },
  'loans.product_not_found': {
    status: 404,
    when: 'no loan product with that code in this cooperative',
  },
  'loans.product_inactive': {
    status: 422,
    when: 'an application names a loan product the cooperative no longer offers',
  },
  'loans.tenor_not_offered': {
    status: 422,
    when: 'an application asks for a number of installments the product does not offer',
  },
  'loans.amount_out_of_range': {
    status: 422,
    when: "an application's amount is below the product's minimum or above its maximum",
  },
  'loans.loan_not_found': {
    status: 404,
    when: 'no loan or loan application with that id in this cooperative',
  },
  'loans.application_already_decided': {
    status: 409,
    when: 'a decision is recorded on an application that is already approved, rejected or disbursed',
  },
  'loans.self_approval_forbidden': {
    status: 422,
    when: 'an officer decides on their own loan application',
  },
  'loans.decision_already_recorded': {
    status: 409,
    when: 'the same person decides on the same application a second time',
  },
  'loans.limit_exceeded': {
    status: 422,
    when: "an approval would take the borrower's loans above the lending limit (BMPP): 15% of modal sendiri, 10% for pengurus and pengawas",
  },
  'loans.plafond_exceeded': {
    status: 422,
    when: "an approval would lend more than the product's multiple of the member's savings",
  },
  'loans.not_approved': {
    status: 422,
    when: 'a loan is disbursed before its application is fully approved',
  },
  'loans.already_disbursed': {
    status: 409,
    when: 'a loan that was already disbursed is disbursed again',
  },
  'loans.not_active': {
    status: 422,
    when: 'a repayment or payoff is made on a loan that is not running (not disbursed, or lunas)',
  },
  'loans.repayment_exceeds_outstanding': {
    status: 422,
    when: 'a repayment is larger than everything the loan still owes (penalty, interest due and remaining principal)',
  },
  'loans.day_end_date_in_future': {
    status: 422,
    when: 'a loan day-end is run for a business date after today',
  },
  'loans.day_end_date_before_last_run': {
    status: 422,
    when: 'a loan day-end is run for a business date before the last day-end already run: dates close in order',
  },
  'loans.invalid_collectibility_settings': {
    status: 422,
    when: 'collectibility bands that class some days twice or not at all, or that use a class the scheme lacks, are set',
  },
  // loans: bank facilities (executing, channeling)
  'loans.partner_bank_not_found': {
    status: 404,
    when: 'no partner bank with that id in this cooperative',
  },
  'loans.partner_bank_already_exists': {
    status: 409,
    when: 'a partner bank is added with a code the cooperative already uses',
  },
  'loans.facility_not_found': {
    status: 404,
    when: 'no bank facility with that id in this cooperative',
  },
  'loans.facility_already_exists': {
    status: 409,
    when: 'a facility is added with an agreement number the cooperative already uses',
  },
  'loans.facility_inactive': {
    status: 422,
    when: 'money is drawn, or a loan assigned, on a facility that is closed (ditutup)',
  },
  'loans.facility_kind_mismatch': {
    status: 422,
    when: 'an executing-only act (drawdown, repayment to the bank) is asked of a channeling facility or the reverse (remittance)',
  },
  'loans.facility_plafond_exceeded': {
    status: 422,
    when: 'a drawdown or a loan assignment would take a facility above its plafond',
  },
  'loans.facility_quota_exceeded': {
    status: 422,
    when: "a loan assignment would take one member above the facility's quota per member",
  },
  'loans.facility_repayment_exceeds_outstanding': {
    status: 422,
    when: 'a repayment to the bank pays more principal than is drawn and not yet repaid',
  },
  'loans.loan_already_assigned': {
    status: 409,
    when: 'a loan that already has a funding facility is assigned again',
  },
  'loans.loan_not_assignable': {
    status: 422,
    when: 'a loan is assigned to a facility in a status that does not allow it (channeling needs an approved, undisbursed loan; executing any loan not rejected or repaid)',
  },
  'loans.loan_is_channeled': {
    status: 409,
    when: "a loan channeled through a bank is disbursed as the cooperative's own loan (the bank disburses it)",
  },
  'loans.channeling_not_found': {
    status: 404,
    when: 'a channeling act names a loan that is not channeled through a bank',
  },
  'loans.bank_decision_already_recorded': {
    status: 409,
    when: "the bank's decision on a channeled loan is recorded a second time",
  },
  'loans.bank_not_approved': {
    status: 422,
    when: 'a channeled loan is disbursed before the bank approved it',
  },
  'loans.channeling_already_disbursed': {
    status: 409,
    when: 'a channeled loan the bank already disbursed is disbursed again',
  },
  'loans.channeling_not_active': {
    status: 422,
    when: 'a collection is taken on a channeled loan that is not running (not disbursed, or lunas)',
  },
  'loans.collection_exceeds_outstanding': {
    status: 422,
    when: "a collection on a channeled loan is larger than what remains of the bank's schedule",
  },
  'loans.nothing_to_remit': {
    status: 422,
    when: 'a remittance to the bank is made while no collection awaits remittance',
  },
  // loans: rescheduling and payroll repayments
  'loans.self_reschedule_forbidden': {
    status: 422,
    when: 'a board member reschedules their own loan',
  },
  'loans.reschedule_date_invalid': {
    status: 422,
    when: "a reschedule's effective date is before today or more than 90 days ahead",
  },
  'loans.nothing_to_reschedule': {
    status: 422,
    when: 'a loan whose principal is fully repaid (only interest or denda left) is rescheduled',
  },
  'loans.reschedule_tenor_too_long': {
    status: 422,
    when: 'a reschedule would give the loan more than 520 installments in all',
  },
  'loans.payroll_no_active_loan': {
    status: 422,
    when: 'a payroll deduction row has an angsuran for a member with no running loan',
  },
  // shu
  'shu.components_not_whole': {
    status: 422,
    when: 'the SHU components do not add up to 10,000 basis points (100%)',
  },
  'shu.participation_not_whole': {
    status: 422,
    when: 'the weights of the jasa usaha business lines do not add up to 10,000 basis points',
  },
  'shu.duplicate_key': {
    status: 422,
    when: 'a component, business line or savings kind appears twice in the SHU rules',
  },
  'shu.cadangan_required': {
    status: 422,
    when: 'the SHU rules have no cadangan (reserve) component',
  },
  'shu.component_needs_account': {
    status: 422,
    when: 'an added SHU component lacks a name or the account it is credited to',
  },
  'shu.account_missing': {
    status: 422,
    when: 'the chart of accounts lacks an account the SHU posting needs',
  },
  'shu.rules_frozen': {
    status: 422,
    when: 'the rules of a fiscal year whose distribution was approved cannot change',
  },
  'shu.rules_changed': {
    status: 422,
    when: 'the SHU rules got a newer version after the proposal was made',
  },
  'shu.year_not_closed': {
    status: 422,
    when: 'the fiscal year has not been closed into SHU tahun berjalan yet',
  },
  'shu.distribution_not_found': {
    status: 404,
    when: 'no SHU distribution with that id in this cooperative',
  },
  'shu.distribution_already_approved': {
    status: 409,
    when: 'the fiscal year already has an approved (or approval in progress) SHU distribution',
  },
  'shu.not_proposed': {
    status: 422,
    when: 'only a proposed distribution can receive the RAT approval',
  },
  'shu.not_awaiting_countersign': {
    status: 422,
    when: 'only a recorded RAT approval can be countersigned',
  },
  'shu.countersigner_must_differ': {
    status: 422,
    when: 'the pengawas countersigning is the person who recorded the approval',
  },
  'shu.approved_figures_mismatch': {
    status: 422,
    when: 'the figures the RAT approved are not the proposal’s figures',
  },
  'shu.not_approved': {
    status: 422,
    when: 'the distribution is not approved and countersigned yet',
  },
  'shu.not_posted': {
    status: 422,
    when: 'a member’s SHU is paid out before the distribution is posted',
  },
  'shu.distribution_member_not_found': {
    status: 404,
    when: 'the member has no share in that SHU distribution',
  },
  'shu.share_already_paid': {
    status: 409,
    when: 'the member’s SHU of that distribution was already paid (to sukarela or in cash)',
  },
  'shu.nothing_to_pay': {
    status: 422,
    when: 'the member’s SHU in that distribution is Rp0',
  },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof errorCodes;

export function statusOf(code: ErrorCode): number {
  return errorCodes[code].status;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}

/** The body of every error response (RFC 9457 problem details plus our stable code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  message: { id: string; en: string };
  detail?: string;
  instance?: string;
  requestId?: string;
  params?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
}
