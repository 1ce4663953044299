import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';

// Each screen of the books is its own chunk: a member's phone never downloads them, and an
// officer downloads only the screen they open.
const LedgerLayout = lazy(() =>
  import('./LedgerLayout').then((module) => ({ default: module.LedgerLayout })),
);
const LedgerOverview = lazy(() =>
  import('./LedgerOverview').then((module) => ({ default: module.LedgerOverview })),
);
const AccountsPage = lazy(() =>
  import('./AccountsPage').then((module) => ({ default: module.AccountsPage })),
);
const JournalListPage = lazy(() =>
  import('./JournalListPage').then((module) => ({ default: module.JournalListPage })),
);
const JournalEntryPage = lazy(() =>
  import('./JournalEntryPage').then((module) => ({ default: module.JournalEntryPage })),
);
const ManualJournalPage = lazy(() =>
  import('./ManualJournalPage').then((module) => ({ default: module.ManualJournalPage })),
);
const GeneralLedgerPage = lazy(() =>
  import('./GeneralLedgerPage').then((module) => ({ default: module.GeneralLedgerPage })),
);
const TrialBalancePage = lazy(() =>
  import('./TrialBalancePage').then((module) => ({ default: module.TrialBalancePage })),
);
const StatementsPage = lazy(() =>
  import('./StatementsPage').then((module) => ({ default: module.StatementsPage })),
);
const PeriodsPage = lazy(() =>
  import('./PeriodsPage').then((module) => ({ default: module.PeriodsPage })),
);
const CooperativeFiguresPage = lazy(() =>
  import('./CooperativeFiguresPage').then((module) => ({
    default: module.CooperativeFiguresPage,
  })),
);

function loading(element: ReactNode) {
  return <Suspense fallback={<LoadingMessage />}>{element}</Suspense>;
}

/** `/pembukuan/...` for the board and staff, `/angka` for every member. */
export const ledgerRoutes: RouteObject[] = [
  {
    path: 'pembukuan',
    element: loading(<LedgerLayout />),
    children: [
      { index: true, element: <LedgerOverview /> },
      { path: 'akun', element: <AccountsPage /> },
      { path: 'jurnal', element: <JournalListPage /> },
      { path: 'jurnal/:entryId', element: <JournalEntryPage /> },
      { path: 'jurnal-manual', element: <ManualJournalPage /> },
      { path: 'buku-besar/:accountId', element: <GeneralLedgerPage /> },
      { path: 'neraca-saldo', element: <TrialBalancePage /> },
      { path: 'laporan', element: <StatementsPage /> },
      { path: 'periode', element: <PeriodsPage /> },
    ],
  },
  { path: 'angka', element: loading(<CooperativeFiguresPage />) },
];
