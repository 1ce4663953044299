import type { IncomeStatement, StatementSection } from '../statements.types.js';
import { movementsOf, type AccountMovement, type MovementInput } from './movements.js';
import { accountLine, groupLabelOf, sectionOf, subtractPairs, sumPairs } from './report-groups.js';

/** Expense groups in the order the statement shows them; others follow as "Beban lain-lain". */
const expenseGroupOrder = ['harga_pokok', 'beban_usaha', 'beban_perkoperasian'];
const taxGroup = 'beban_pajak';

function linesOf(movements: readonly AccountMovement[]) {
  return movements.map((movement) => accountLine(movement.account, movement.amount));
}

/**
 * Laporan Hasil Usaha for the period beside the prior period: partisipasi anggota (revenue from
 * accounts marked `participation: 'member'`) apart from pendapatan dari non-anggota (every other
 * revenue), then expenses by group, SHU before tax, beban pajak, SHU after tax. The totals are
 * expected without year-end closing entries, so the last month of a closed year still shows its
 * revenue and expenses.
 */
export function computeIncomeStatement(input: MovementInput): IncomeStatement {
  const movements = movementsOf(input);
  const revenue = movements.filter((movement) => movement.account.class === 'revenue');
  const member = sectionOf(
    'partisipasi_anggota',
    'Partisipasi anggota',
    linesOf(revenue.filter((movement) => movement.account.participation === 'member')),
  );
  const nonMember = sectionOf(
    'pendapatan_non_anggota',
    'Pendapatan dari non-anggota',
    linesOf(revenue.filter((movement) => movement.account.participation !== 'member')),
  );
  const expenses = movements.filter((movement) => movement.account.class === 'expense');
  const expenseSections = expenseSectionsOf(
    expenses.filter((movement) => movement.account.reportGroup !== taxGroup),
  );
  const tax = sectionOf(
    taxGroup,
    groupLabelOf(taxGroup),
    linesOf(expenses.filter((movement) => movement.account.reportGroup === taxGroup)),
  );
  const revenueTotal = sumPairs([member.total, nonMember.total]);
  const totalExpenses = sumPairs(expenseSections.map((section) => section.total));
  const shuBeforeTax = subtractPairs(revenueTotal, totalExpenses);
  return {
    periods: input.periods,
    revenue: { member, nonMember, total: revenueTotal },
    expenses: expenseSections,
    totalExpenses,
    shuBeforeTax,
    tax,
    shuAfterTax: subtractPairs(shuBeforeTax, tax.total),
  };
}

/** One section per known expense group that has lines, then the rest together. */
function expenseSectionsOf(expenses: readonly AccountMovement[]): StatementSection[] {
  const known = expenseGroupOrder.map((group) =>
    sectionOf(
      group,
      groupLabelOf(group),
      linesOf(expenses.filter((movement) => movement.account.reportGroup === group)),
    ),
  );
  const other = sectionOf(
    'beban_lain',
    'Beban lain-lain',
    linesOf(
      expenses.filter((movement) => !expenseGroupOrder.includes(movement.account.reportGroup)),
    ),
  );
  return [...known, other].filter((section) => section.lines.length > 0);
}
