import { lazy, Suspense } from 'react';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useActiveContext } from '../cooperative-context/ActiveContextProvider';
import { chooseHome } from './choose-home';
import { MemberHome } from './MemberHome';
import { NoCooperativeHome } from './NoCooperativeHome';

// Most people are members on a phone: board and oversight screens load only for those who need them.
const BackOfficeHome = lazy(() =>
  import('./BackOfficeHome').then((module) => ({ default: module.BackOfficeHome })),
);
const OversightHome = lazy(() =>
  import('../oversight/OversightHome').then((module) => ({ default: module.OversightHome })),
);

/** `/`: the home that fits the active context's roles. */
export function HomePage() {
  const { session, active } = useActiveContext();
  const home = chooseHome(active);
  switch (home.kind) {
    case 'member':
      return <MemberHome person={session.person} membership={home.membership} />;
    case 'back-office':
      return (
        <Suspense fallback={<LoadingMessage />}>
          <BackOfficeHome membership={home.membership} />
        </Suspense>
      );
    case 'oversight':
      return (
        <Suspense fallback={<LoadingMessage />}>
          <OversightHome scopes={home.scopes} />
        </Suspense>
      );
    case 'no-cooperative':
      return <NoCooperativeHome />;
  }
}
