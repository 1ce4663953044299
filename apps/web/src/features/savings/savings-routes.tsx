import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';

// Each screen is its own chunk: a member's phone downloads only what it opens, and the teller
// screen (camera, receipts) never reaches a member.
const TellerPage = lazy(() =>
  import('./TellerPage').then((module) => ({ default: module.TellerPage })),
);
const ArrearsPage = lazy(() =>
  import('./ArrearsPage').then((module) => ({ default: module.ArrearsPage })),
);
const SavingsOverviewPage = lazy(() =>
  import('./ArrearsPage').then((module) => ({ default: module.SavingsOverviewPage })),
);
const HistoryPage = lazy(() =>
  import('./member-pages').then((module) => ({ default: module.HistoryPage })),
);
const PassbookPage = lazy(() =>
  import('./member-pages').then((module) => ({ default: module.PassbookPage })),
);
const TransferPage = lazy(() =>
  import('./member-pages').then((module) => ({ default: module.TransferPage })),
);
const MemberCardPage = lazy(() =>
  import('./member-pages').then((module) => ({ default: module.MemberCardPage })),
);
const PinPage = lazy(() =>
  import('./member-pages').then((module) => ({ default: module.PinPage })),
);

function loading(element: ReactNode) {
  return <Suspense fallback={<LoadingMessage />}>{element}</Suspense>;
}

/** `/kasir` and `/simpanan/...` for the back office; history, transfer, card and PIN for members. */
export const savingsRoutes: RouteObject[] = [
  { path: 'kasir', element: loading(<TellerPage />) },
  { path: 'simpanan', element: loading(<SavingsOverviewPage />) },
  { path: 'simpanan/tunggakan', element: loading(<ArrearsPage />) },
  { path: 'simpanan/riwayat', element: loading(<HistoryPage />) },
  { path: 'simpanan/buku/:accountId', element: loading(<PassbookPage />) },
  { path: 'simpanan/transfer', element: loading(<TransferPage />) },
  { path: 'kartu', element: loading(<MemberCardPage />) },
  { path: 'pin', element: loading(<PinPage />) },
];
