/** The sections of the books, in menu order (routes in ledger-routes.tsx). */
export const ledgerSections = [
  { key: 'accounts', path: '/pembukuan/akun' },
  { key: 'journal', path: '/pembukuan/jurnal' },
  { key: 'manual', path: '/pembukuan/jurnal-manual' },
  { key: 'trialBalance', path: '/pembukuan/neraca-saldo' },
  { key: 'statements', path: '/pembukuan/laporan' },
  { key: 'periods', path: '/pembukuan/periode' },
] as const;
