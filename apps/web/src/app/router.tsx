import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireSession } from '../features/auth/RequireSession';
import { ActiveContextProvider } from '../features/cooperative-context/ActiveContextProvider';
import { HomePage } from '../features/home/HomePage';
import { ledgerRoutes } from '../features/ledger/ledger-routes';
import { loansRoutes } from '../features/loans/loans-routes';
import { membersRoutes } from '../features/members/members-routes';
import { savingsRoutes } from '../features/savings/savings-routes';
import { shuRoutes } from '../features/shu/shu-routes';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

/** Routes are Indonesian words, like the people who type and share them. */
export function createRouter() {
  return createBrowserRouter([
    { path: '/masuk', element: <LoginPage /> },
    {
      element: (
        <RequireSession>
          {(session) => (
            <ActiveContextProvider session={session}>
              <AppLayout />
            </ActiveContextProvider>
          )}
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomePage /> },
        ...ledgerRoutes,
        ...membersRoutes,
        ...savingsRoutes,
        ...loansRoutes,
        ...shuRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
