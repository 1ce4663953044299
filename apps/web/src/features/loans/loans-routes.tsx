import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';

// Each screen is its own chunk: a member's phone downloads the apply form and their loans, never
// the committee queue, product settings or the teller screen.
const LoansHomePage = lazy(() =>
  import('./LoansHomePage').then((module) => ({ default: module.LoansHomePage })),
);
const ProductsPage = lazy(() =>
  import('./ProductsPage').then((module) => ({ default: module.ProductsPage })),
);
const ProductFormPage = lazy(() =>
  import('./ProductsPage').then((module) => ({ default: module.ProductFormPage })),
);
const QueuePage = lazy(() =>
  import('./QueuePage').then((module) => ({ default: module.QueuePage })),
);
const LoanDetailPage = lazy(() =>
  import('./LoanDetailPage').then((module) => ({ default: module.LoanDetailPage })),
);
const LoanTellerPage = lazy(() =>
  import('./LoanTellerPage').then((module) => ({ default: module.LoanTellerPage })),
);
const PortfolioPage = lazy(() =>
  import('./PortfolioPage').then((module) => ({ default: module.PortfolioPage })),
);
const CollectionsPage = lazy(() =>
  import('./PortfolioPage').then((module) => ({ default: module.CollectionsPage })),
);
const BankFacilitiesPage = lazy(() =>
  import('./BankFacilitiesPage').then((module) => ({ default: module.BankFacilitiesPage })),
);
const FacilityDetailPage = lazy(() =>
  import('./FacilityDetailPage').then((module) => ({ default: module.FacilityDetailPage })),
);
const DayEndSettingsPage = lazy(() =>
  import('./DayEndSettingsPage').then((module) => ({ default: module.DayEndSettingsPage })),
);
const ApplyLoanPage = lazy(() =>
  import('./member-loan-pages').then((module) => ({ default: module.ApplyLoanPage })),
);
const MyLoansPage = lazy(() =>
  import('./member-loan-pages').then((module) => ({ default: module.MyLoansPage })),
);

function loading(element: ReactNode) {
  return <Suspense fallback={<LoadingMessage />}>{element}</Suspense>;
}

/** `/pinjaman/...`: the back office's menu, products, queue and teller; members apply and follow. */
export const loansRoutes: RouteObject[] = [
  { path: 'pinjaman', element: loading(<LoansHomePage />) },
  { path: 'pinjaman/produk', element: loading(<ProductsPage />) },
  { path: 'pinjaman/produk/baru', element: loading(<ProductFormPage />) },
  { path: 'pinjaman/produk/:code', element: loading(<ProductFormPage />) },
  { path: 'pinjaman/antrean', element: loading(<QueuePage />) },
  { path: 'pinjaman/kasir', element: loading(<LoanTellerPage />) },
  { path: 'pinjaman/portofolio', element: loading(<PortfolioPage />) },
  { path: 'pinjaman/penagihan', element: loading(<CollectionsPage />) },
  { path: 'pinjaman/fasilitas', element: loading(<BankFacilitiesPage />) },
  { path: 'pinjaman/fasilitas/:facilityId', element: loading(<FacilityDetailPage />) },
  { path: 'pinjaman/tutup-hari', element: loading(<DayEndSettingsPage />) },
  { path: 'pinjaman/ajukan', element: loading(<ApplyLoanPage />) },
  { path: 'pinjaman/saya', element: loading(<MyLoansPage />) },
  // Last, so the words above are never read as a loan id.
  { path: 'pinjaman/:loanId', element: loading(<LoanDetailPage />) },
];
