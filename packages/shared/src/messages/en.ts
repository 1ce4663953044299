import type { ErrorCode } from '../error-codes.js';
import type { ShuExplanationKey } from '../contracts/shu.js';

/** English texts for every refusal code. `{{name}}` is filled from the error's params. */
export const errorMessagesEn: Record<ErrorCode, string> = {
  'request.invalid': 'The data sent is not valid.',
  'request.not_found': 'Address not found.',
  'request.idempotency_key_required': 'This request needs an Idempotency-Key header.',
  'request.idempotency_conflict':
    'This Idempotency-Key was already used for a different request. Use a new key.',
  'request.rate_limited': 'Too many requests. Try again in {{retryAfterSeconds}} seconds.',
  'request.internal_error': 'A system error occurred. Quote code {{requestId}} to support.',
  'auth.unauthenticated': 'Please sign in first.',
  'auth.forbidden': 'You do not have access to this action.',
  'auth.invalid_credentials': 'Phone number or password is wrong.',
  'auth.account_locked':
    'Account temporarily locked after too many failed attempts. Try again after {{lockedUntil}}.',
  'auth.otp_invalid': 'The verification code is wrong or has expired.',
  'auth.otp_too_many_attempts': 'Too many verification attempts. Request a new code.',
  'auth.pin_not_set': 'Set a transaction PIN first.',
  'auth.pin_invalid': 'The transaction PIN is wrong.',
  'auth.pin_locked': 'The transaction PIN is temporarily locked. Try again after {{lockedUntil}}.',
  'identity.nik_invalid': 'The NIK is not valid: {{reason}}.',
  'identity.phone_invalid':
    'The phone number is not valid. Use an Indonesian mobile number such as 0812xxxxxxx.',
  'identity.password_too_weak':
    'A password needs at least 8 characters and must not be easy to guess.',
  'identity.pin_format_invalid': 'A PIN is 6 digits, not a sequence and not all the same digit.',
  'identity.phone_already_registered': 'This phone number is already registered.',
  'identity.person_not_found': 'Person not found.',
  'identity.membership_already_exists': 'This person already belongs to this cooperative.',
  'identity.region_scope_invalid': 'Region code {{regionCode}} is unknown.',
  'cooperatives.cooperative_not_found': 'Cooperative not found.',
  'cooperatives.district_unknown': 'District code {{districtCode}} is unknown.',
  'cooperatives.legal_entity_number_already_registered':
    'Another cooperative already uses this legal-entity number.',
  'cooperatives.nik_koperasi_already_registered':
    'Another cooperative already has this registration number (NIK koperasi).',
  'cooperatives.nik_koperasi_invalid':
    'A cooperative registration number (NIK koperasi) has 13 to 16 digits.',
  'cooperatives.federation_requires_secondary':
    'A cooperative can only join a secondary cooperative.',
  'cooperatives.federation_self': 'A cooperative cannot be a member of itself.',
  'cooperatives.federation_already_member':
    'This cooperative is already a member of that secondary cooperative.',
  'ledger.entry_not_balanced': 'The entry does not balance: debits {{debit}}, credits {{credit}}.',
  'ledger.entry_too_few_lines': 'An entry needs at least two lines.',
  'ledger.amount_invalid':
    'The amount on line {{line}} must be a whole number of rupiah above zero.',
  'ledger.period_closed': 'Period {{period}} is closed; record the correction in an open period.',
  'ledger.period_already_closed': 'Period {{period}} is already closed.',
  'ledger.period_not_ended': 'Period {{period}} has not ended yet.',
  'ledger.year_already_closed': 'Fiscal year {{year}} is already closed.',
  'ledger.account_inactive': 'Account {{code}} is inactive.',
  'ledger.account_is_control':
    'Account {{code}} is a control account; post to its member sub-accounts.',
  'ledger.account_not_found': 'Account not found.',
  'ledger.account_code_already_exists': 'Account code {{code}} is already in use.',
  'ledger.account_parent_invalid': 'The parent account is not valid for this sub-account.',
  'ledger.idempotency_conflict': 'This idempotency key was already used for a different entry.',
  'ledger.entry_not_found': 'Journal entry not found.',
  'ledger.entry_already_reversed': 'This entry has already been reversed.',
  'ledger.hold_not_found': 'Hold not found.',
  'ledger.hold_already_resolved': 'This hold has already been resolved.',
  'ledger.insufficient_available_balance':
    'Available balance is not enough: {{available}} available, {{requested}} requested.',
  'ledger.manual_journal_self_approval': 'A manual journal must be approved by another officer.',
  'ledger.manual_journal_not_pending': 'This manual journal has already been decided.',
  'ledger.manual_journal_not_found': 'Manual journal not found.',
  'members.member_not_found': 'Member not found.',
  'members.application_not_pending': 'This membership application has already been decided.',
  'members.not_active': 'This member is not active.',
  'members.card_invalid': 'The member card is not valid.',
  'ledger.fiscal_year_invalid':
    'Fiscal year {{start}} to {{end}} is not valid: it must be exactly one year from the 1st of a month.',
  'savings.insufficient_balance':
    'Insufficient balance: {{available}} available, {{requested}} requested.',
  'savings.not_withdrawable': 'Simpanan {{kind}} cannot be withdrawn while a member.',
  'savings.pokok_exceeds_amount':
    'The deposit exceeds the simpanan pokok; {{remaining}} remains to be paid.',
  'savings.session_not_open': 'Open a teller session first.',
  'savings.session_already_open': 'You still have an open teller session.',
  'savings.session_not_found': 'Teller session not found.',
  'savings.transfer_to_self': 'You cannot transfer to your own account.',
  'savings.account_not_found': 'Savings account not found.',
  'savings.month_not_ended': 'The month {{month}} has not ended yet.',
  'savings.exit_has_pending_holds':
    'Money is still held on the {{kind}} savings; resolve it before the member leaves.',
  'savings.payroll_file_unreadable': 'The {{format}} file cannot be read.',
  'savings.payroll_file_empty': 'The file has no header row and member rows.',
  'savings.payroll_unknown_column':
    'Unknown column "{{column}}". Accepted columns: nomor_anggota, nama, periode, simpanan_wajib, simpanan_sukarela, angsuran_pinjaman.',
  'savings.payroll_missing_column': 'The header row must have a "{{column}}" column.',
  'savings.payroll_duplicate_column':
    'The column "{{column}}" appears more than once in the header.',
  'savings.payroll_member_number_invalid':
    'Member number "{{value}}" is not valid: use digits, at most 6.',
  'savings.payroll_period_invalid':
    'Period "{{value}}" is not valid: use yyyy-mm, for example 2026-03.',
  'savings.payroll_period_mismatch':
    "The row's period {{rowPeriod}} differs from the period being imported ({{period}}).",
  'savings.payroll_amount_invalid':
    'Amount "{{value}}" in column {{column}} is not valid: use whole rupiah, for example 25000 or 25.000.',
  'savings.payroll_duplicate_member':
    'Member number {{memberNumber}} appears more than once in the file (rows {{rowNumbers}}); merge them into one row.',
  'savings.payroll_loans_unavailable':
    'Row skipped: loan repayments cannot be posted yet because the loans module is not available.',
  'savings.payroll_nothing_to_post': 'Row skipped: there is no deduction to post.',
  'savings.payroll_already_posted':
    "This member's simpanan {{kinds}} deductions for {{period}} were already posted.",
  'savings.payroll_import_not_found': 'Payroll import not found.',
  'savings.term_deposit_unavailable':
    'This cooperative takes no term deposits: its chart of accounts has no {{controlCode}} Simpanan berjangka account.',
  'savings.term_deposit_amount_invalid': 'A term deposit must be more than zero.',
  'savings.term_deposit_not_found': 'Term deposit not found.',
  'savings.term_deposit_already_closed': 'This term deposit has already been closed ({{outcome}}).',
  'savings.term_deposit_due':
    'This term deposit matured on {{maturityDate}}; it is paid out at maturity, without a penalty.',
  'savings.maturity_date_in_future':
    '{{asOf}} has not come yet; term deposits are paid on or after their maturity date.',
  'savings.exit_has_term_deposits':
    'The member still has {{count}} running term deposit(s); break or mature them before leaving.',
  'loans.lending_unavailable':
    'This cooperative does not lend: its chart of accounts has no {{controlCode}} Piutang pinjaman anggota account.',
  'loans.product_not_found': 'Loan product {{code}} not found.',
  'loans.product_inactive': 'Loan product {{code}} is no longer offered.',
  'loans.tenor_not_offered':
    'This product does not offer {{installments}} installments; choose one of {{tenors}}.',
  'loans.amount_out_of_range': 'The loan amount must be between Rp{{minimum}} and Rp{{maximum}}.',
  'loans.loan_not_found': 'Loan not found.',
  'loans.application_already_decided': 'This application has already been decided ({{status}}).',
  'loans.self_approval_forbidden': 'You may not decide on your own loan application.',
  'loans.decision_already_recorded': 'You have already recorded a decision on this application.',
  'loans.limit_exceeded':
    'The loan exceeds the lending limit (BMPP): at most Rp{{limit}} for this borrower.',
  'loans.plafond_exceeded':
    "The loan exceeds the plafond set by the member's savings: at most Rp{{limit}}.",
  'loans.not_approved':
    'The loan is not fully approved yet; {{missing}} more approval(s) are needed.',
  'loans.already_disbursed': 'This loan has already been disbursed.',
  'loans.not_active': 'This loan is not running ({{status}}).',
  'loans.repayment_exceeds_outstanding':
    'The payment exceeds everything the loan still owes; at most Rp{{maximum}}.',
  'loans.day_end_date_in_future':
    'The day-end cannot be run for {{businessDate}}: that date has not come yet.',
  'loans.day_end_date_before_last_run':
    'The day-end cannot be run for {{businessDate}}: the day-end of {{lastBusinessDate}} has already been run.',
  'loans.invalid_collectibility_settings': 'The collectibility settings are not valid: {{reason}}',
  'loans.partner_bank_not_found': 'Partner bank not found.',
  'loans.partner_bank_already_exists': 'A partner bank with code {{code}} already exists.',
  'loans.facility_not_found': 'Bank facility not found.',
  'loans.facility_already_exists':
    'A facility with agreement number {{agreementNumber}} already exists.',
  'loans.facility_inactive': 'This bank facility is closed.',
  'loans.facility_kind_mismatch': 'This action does not apply to a {{kind}} facility.',
  'loans.facility_plafond_exceeded': "Exceeds the facility's plafond; Rp{{available}} available.",
  'loans.facility_quota_exceeded':
    "Exceeds the facility's quota per member; Rp{{available}} available.",
  'loans.facility_repayment_exceeds_outstanding':
    'The principal paid exceeds what is owed to the bank; at most Rp{{outstanding}}.',
  'loans.loan_already_assigned': 'This loan is already funded by a bank facility.',
  'loans.loan_not_assignable': 'A loan in status {{status}} cannot be funded by this facility.',
  'loans.channeling_not_found': 'This loan is not channeled through a bank.',
  'loans.bank_decision_already_recorded': "The bank's decision on this loan is already recorded.",
  'loans.bank_not_approved': 'The bank has not approved this loan ({{status}}).',
  'loans.channeling_already_disbursed': 'This channeled loan is already disbursed.',
  'loans.loan_is_channeled':
    'This loan is channeled through a bank; record its disbursement in the channeling flow.',
  'loans.channeling_not_active': 'This channeled loan is not running ({{status}}).',
  'loans.collection_exceeds_outstanding':
    'The payment exceeds what remains owed to the bank; at most Rp{{maximum}}.',
  'loans.nothing_to_remit': 'No collection awaits remittance to the bank.',
  'loans.self_reschedule_forbidden':
    'You may not reschedule your own loan; another board member decides.',
  'loans.reschedule_date_invalid':
    'The effective date {{effectiveDate}} is not valid: it must be from {{earliest}} and at most {{maximumDays}} days later.',
  'loans.nothing_to_reschedule':
    "This loan's principal is repaid; the remaining interest or penalty is paid, not rescheduled.",
  'loans.reschedule_tenor_too_long':
    'The new schedule is too long: at most {{maximum}} new installments.',
  'loans.payroll_no_active_loan': 'The repayment was not posted: this member has no running loan.',
  'shu.components_not_whole':
    'The SHU components must add up to 100%; they add up to {{total}} basis points.',
  'shu.participation_not_whole':
    'The weights of the jasa usaha business lines must add up to 100%; they add up to {{total}} basis points.',
  'shu.duplicate_key': '{{key}} appears twice in the SHU rules.',
  'shu.cadangan_required':
    'The SHU rules must include the cadangan (reserve) component (0% is allowed).',
  'shu.component_needs_account':
    'Component {{key}} needs a name and the code of the account it is credited to.',
  'shu.account_missing':
    'The chart of accounts has no account {{code}}, which the SHU distribution needs.',
  'shu.rules_frozen':
    'The SHU rules of fiscal year {{year}} were used for a distribution the RAT approved and can no longer change.',
  'shu.rules_changed':
    'The SHU rules changed (version {{version}}) after the proposal was made. Make a new proposal.',
  'shu.year_not_closed': 'Fiscal year {{year}} has not been closed into SHU tahun berjalan yet.',
  'shu.distribution_not_found': 'SHU distribution not found.',
  'shu.distribution_already_approved':
    'Fiscal year {{year}} already has an SHU distribution that is approved or being approved.',
  'shu.not_proposed':
    'Only a proposed SHU distribution can have its approval recorded (status now: {{status}}).',
  'shu.not_awaiting_countersign':
    'This SHU distribution is not awaiting the pengawas countersignature (status: {{status}}).',
  'shu.countersigner_must_differ':
    'The approval must be countersigned by someone other than the person who recorded it.',
  'shu.approved_figures_mismatch':
    'The figures the RAT approved differ from the proposal ({{key}}: proposed Rp{{proposed}}, approved Rp{{approved}}). Make a new proposal with the approved rules.',
  'shu.not_approved':
    'The SHU distribution is not yet approved by the RAT and countersigned by a pengawas (status: {{status}}).',
  'shu.not_posted':
    'The SHU distribution is not posted yet (status: {{status}}); members’ SHU is paid out after posting.',
  'shu.distribution_member_not_found': 'This member has no share in this SHU distribution.',
  'shu.share_already_paid':
    'This member’s SHU for fiscal year {{year}} was already paid on {{paidAt}}.',
  'shu.nothing_to_pay': 'This member’s SHU in this distribution is Rp0; there is nothing to pay.',
};

/** English sentences explaining a member's SHU ("my SHU"); `{{name}}` from the parameters. */
export const shuExplanationMessagesEn: Record<ShuExplanationKey, string> = {
  'shu.explain.surplus':
    "The cooperative's surplus (SHU) for fiscal year {{year}} up to {{asOf}}: Rp{{surplus}} (revenue Rp{{revenue}} less expenses Rp{{expenses}}).",
  'shu.explain.non_member':
    'Of that surplus, Rp{{nonMemberSurplus}} came from business with non-members. That part is not shared among members; it goes to the reserve and the cooperative’s funds.',
  'shu.explain.pools':
    'Under the SHU rules, jasa modal (return on capital) gets {{modalPercent}}% (Rp{{modalPool}}) and jasa usaha (return on business) {{usahaPercent}}% (Rp{{usahaPool}}).',
  'shu.explain.capital_average_daily_balance':
    'Your average daily savings balance ({{kinds}}) is Rp{{member}} of all members’ Rp{{total}}. Your jasa modal: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.capital_year_end_balance':
    'Your savings balance ({{kinds}}) is Rp{{member}} of all members’ Rp{{total}}. Your jasa modal: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.participation':
    'Your {{lineEn}} is Rp{{member}} of all members’ Rp{{total}}. Your jasa usaha from this line: Rp{{member}} ÷ Rp{{total}} × Rp{{pool}} = Rp{{share}}.',
  'shu.explain.total': 'Your SHU: Rp{{jasaModal}} + Rp{{jasaUsaha}} = Rp{{share}}.',
  'shu.explain.tax': 'Tax withheld at {{ratePercent}}%: Rp{{tax}}. You receive Rp{{net}}.',
  'shu.explain.estimate':
    'This is a running estimate: it changes with every transaction and is final only once the annual members’ meeting (RAT) approves it.',
};
