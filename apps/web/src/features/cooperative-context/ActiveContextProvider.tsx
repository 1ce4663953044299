import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { browserStorage } from '../../lib/browser-storage';
import type { Session } from '../auth/session';
import {
  listContextChoices,
  oversightChoiceValue,
  resolveActiveContext,
  type ActiveContext,
  type ContextChoice,
} from './active-context';
import { readActiveCooperativeId, storeActiveCooperativeId } from './active-cooperative-storage';

export interface ActiveContextValue {
  session: Session;
  active: ActiveContext;
  choices: ContextChoice[];
  choose: (value: string) => void;
}

const ActiveContextContext = createContext<ActiveContextValue | undefined>(undefined);

/** Holds the signed-in session and the cooperative (or oversight) the person is looking at. */
export function ActiveContextProvider({
  session,
  children,
}: {
  session: Session;
  children: ReactNode;
}) {
  const [storedCooperativeId, setStoredCooperativeId] = useState(() =>
    readActiveCooperativeId(browserStorage()),
  );
  const value = useMemo<ActiveContextValue>(() => {
    const choose = (choice: string) => {
      const cooperativeId = choice === oversightChoiceValue ? null : choice;
      storeActiveCooperativeId(browserStorage(), cooperativeId);
      setStoredCooperativeId(cooperativeId);
    };
    return {
      session,
      active: resolveActiveContext(session, storedCooperativeId),
      choices: listContextChoices(session),
      choose,
    };
  }, [session, storedCooperativeId]);
  return <ActiveContextContext value={value}>{children}</ActiveContextContext>;
}

export function useActiveContext(): ActiveContextValue {
  const value = useContext(ActiveContextContext);
  if (value === undefined)
    throw new Error('useActiveContext is used outside ActiveContextProvider');
  return value;
}
