import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';

// Each screen is its own chunk, and so are the SHU texts (shu-texts.ts): a member's phone
// downloads "SHU saya", never the board's dashboard, simulation or year-end wizard.
const ShuDashboardPage = lazy(() =>
  import('./ShuDashboardPage').then((module) => ({ default: module.ShuDashboardPage })),
);
const SimulationPage = lazy(() =>
  import('./SimulationPage').then((module) => ({ default: module.SimulationPage })),
);
const YearEndPage = lazy(() =>
  import('./YearEndPage').then((module) => ({ default: module.YearEndPage })),
);
const MyShuPage = lazy(() =>
  import('./member-shu-pages').then((module) => ({ default: module.MyShuPage })),
);
const MemberShuPage = lazy(() =>
  import('./member-shu-pages').then((module) => ({ default: module.MemberShuPage })),
);

const CashPayoutPage = lazy(() =>
  import('./CashPayoutPage').then((module) => ({ default: module.CashPayoutPage })),
);

function loading(element: ReactNode) {
  return <Suspense fallback={<LoadingMessage />}>{element}</Suspense>;
}

/**
 * `/shu/...`: the board's running SHU, simulation and year end; members read "SHU saya"; tellers
 * pay owed SHU in cash.
 */
export const shuRoutes: RouteObject[] = [
  { path: 'shu', element: loading(<ShuDashboardPage />) },
  { path: 'shu/simulasi', element: loading(<SimulationPage />) },
  { path: 'shu/tutup-tahun', element: loading(<YearEndPage />) },
  { path: 'shu/saya', element: loading(<MyShuPage />) },
  { path: 'shu/bayar-tunai', element: loading(<CashPayoutPage />) },
  { path: 'shu/anggota/:membershipId', element: loading(<MemberShuPage />) },
];
