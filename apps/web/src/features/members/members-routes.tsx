import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';

const MembersPage = lazy(() =>
  import('./MembersPage').then((module) => ({ default: module.MembersPage })),
);
const MemberDetailPage = lazy(() =>
  import('./MemberDetailPage').then((module) => ({ default: module.MemberDetailPage })),
);
const ApplicationsPage = lazy(() =>
  import('./ApplicationsPage').then((module) => ({ default: module.ApplicationsPage })),
);
const ApplyPage = lazy(() =>
  import('./ApplyPage').then((module) => ({ default: module.ApplyPage })),
);

function loading(element: ReactNode) {
  return <Suspense fallback={<LoadingMessage />}>{element}</Suspense>;
}

/** `/anggota/...` for the back office; `/daftar-anggota` for anyone signed in who wants to join. */
export const membersRoutes: RouteObject[] = [
  { path: 'anggota', element: loading(<MembersPage />) },
  // Listed before :membershipId so "permohonan" is never read as an id.
  { path: 'anggota/permohonan', element: loading(<ApplicationsPage />) },
  { path: 'anggota/:membershipId', element: loading(<MemberDetailPage />) },
  { path: 'daftar-anggota', element: loading(<ApplyPage />) },
];
