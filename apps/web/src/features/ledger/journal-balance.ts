import { parseLineAmount } from './rupiah';

export type Side = 'debit' | 'credit';

/** One line of the manual-journal form as typed: the amount is still the person's text. */
export interface DraftLine {
  accountId: string;
  side: Side;
  amount: string;
}

export type JournalProblem =
  | { kind: 'too_few_lines' }
  | { kind: 'account_missing'; lineNumbers: number[] }
  | { kind: 'amount_invalid'; lineNumbers: number[] }
  | { kind: 'one_sided' }
  | { kind: 'not_balanced'; difference: string };

export interface JournalCheck {
  /** Sums of the valid amounts per side, as decimal strings (BigInt inside, never floats). */
  debitTotal: string;
  creditTotal: string;
  /** debitTotal - creditTotal. */
  difference: string;
  isBalanced: boolean;
  problems: JournalProblem[];
  /** Lines ready for the API when there are no problems. */
  lines: { accountId: string; side: Side; amount: string }[];
}

/**
 * Checks a manual journal the way the ledger will: at least two lines, an account and a positive
 * whole amount on each, something on both sides, and debits equal to credits. Line numbers in
 * problems start at 1, as the form shows them.
 */
export function checkManualJournal(lines: readonly DraftLine[]): JournalCheck {
  let debit = 0n;
  let credit = 0n;
  const missingAccounts: number[] = [];
  const invalidAmounts: number[] = [];
  const ready: JournalCheck['lines'] = [];
  for (const [index, line] of lines.entries()) {
    const amount = parseLineAmount(line.amount);
    if (line.accountId === '') missingAccounts.push(index + 1);
    if (amount === null) {
      invalidAmounts.push(index + 1);
      continue;
    }
    if (line.side === 'debit') debit += amount;
    else credit += amount;
    ready.push({ accountId: line.accountId, side: line.side, amount: amount.toString() });
  }
  const problems: JournalProblem[] = [];
  if (lines.length < 2) problems.push({ kind: 'too_few_lines' });
  if (missingAccounts.length > 0)
    problems.push({ kind: 'account_missing', lineNumbers: missingAccounts });
  if (invalidAmounts.length > 0)
    problems.push({ kind: 'amount_invalid', lineNumbers: invalidAmounts });
  const hasBothSides =
    lines.some((line) => line.side === 'debit') && lines.some((line) => line.side === 'credit');
  if (lines.length >= 2 && !hasBothSides) problems.push({ kind: 'one_sided' });
  const difference = debit - credit;
  if (difference !== 0n) problems.push({ kind: 'not_balanced', difference: difference.toString() });
  return {
    debitTotal: debit.toString(),
    creditTotal: credit.toString(),
    difference: difference.toString(),
    isBalanced: difference === 0n && debit > 0n,
    problems,
    lines: ready,
  };
}
