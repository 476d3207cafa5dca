import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Locale, type Me, whenSessionLost } from './api.ts';
import { applyLocale, currentLocale, readLocaleCookie } from './i18n/index.ts';

interface Session {
  /** Undefined while the first /api/auth/me is in flight; null when nobody is signed in. */
  me: Me | null | undefined;
  /** A failure other than "not signed in" while loading the session. */
  loadError: ApiError | null;
  /** Records the person the API just returned (sign-in, invitation accepted, profile saved). */
  setMe: (me: Me | null) => void;
  reload: () => void;
  signOut: () => Promise<void>;
  /** Changes the language now, and remembers it in the account when someone is signed in. */
  changeLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const LAST_NETWORK_KEY = 'meute.lastNetwork';

// Signing out on purpose leads to a plain sign-in page, not one that offers to come back here.
let hasSignedOut = false;

/** Whether the person left by signing out (rather than losing their session). */
export function didSignOut(): boolean {
  return hasSignedOut;
}

// A language picked before signing in is a choice the account then keeps.
let isLocaleChosenSignedOut = false;

/**
 * The person just signed in: keep the language they picked on the sign-in screen (and save it
 * in their account), or else switch to their account's language.
 */
export async function settleLocaleAfterSignIn(person: Me): Promise<Me> {
  if (isLocaleChosenSignedOut) {
    isLocaleChosenSignedOut = false;
    const chosen = currentLocale();
    return chosen === person.locale ? person : api.updateMe({ locale: chosen });
  }
  applyLocale(person.locale);
  return person;
}

export function rememberNetwork(slug: string) {
  try {
    localStorage.setItem(LAST_NETWORK_KEY, slug);
  } catch {
    // Private browsing may refuse storage: the app still works, it just forgets.
  }
}

export function lastNetwork(): string | null {
  try {
    return localStorage.getItem(LAST_NETWORK_KEY);
  } catch {
    return null;
  }
}

/** Where to land: the network chosen last time, else one where I have a role, else a federation. */
export function defaultNetworkSlug(me: Me): string | undefined {
  const remembered = lastNetwork();
  if (remembered && me.memberships.some((m) => m.slug === remembered)) return remembered;
  return (
    me.memberships.find((m) => m.roles.length > 0)?.slug ??
    me.memberships.find((m) => m.kind === 'federation')?.slug ??
    me.memberships[0]?.slug
  );
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how `reload` asks again.
  useEffect(() => {
    let isCurrent = true;
    setLoadError(null);
    api.me().then(
      (person) => {
        if (!isCurrent) return;
        // The device's explicit choice wins; otherwise the account's language.
        if (!readLocaleCookie()) applyLocale(person.locale);
        setMeState(person);
      },
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) setMeState(null);
        else setLoadError(error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', ''));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [attempt]);

  const setMe = useCallback((person: Me | null) => {
    if (person) hasSignedOut = false;
    setMeState(person);
    setLoadError(null);
  }, []);

  const signOut = useCallback(async () => {
    hasSignedOut = true;
    try {
      await api.signOut();
    } finally {
      setMeState(null);
    }
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      applyLocale(locale);
      if (!me) isLocaleChosenSignedOut = true;
      else if (me.locale !== locale) setMeState(await api.updateMe({ locale }));
    },
    [me],
  );

  useEffect(() => whenSessionLost(() => setMeState(null)), []);

  const value = useMemo<Session>(
    () => ({ me, loadError, setMe, reload: () => setAttempt((n) => n + 1), signOut, changeLocale }),
    [me, loadError, setMe, signOut, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in person; only for screens behind <RequireSignIn>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in person');
  return me;
}

/** Staff of a network, federation staff and instance administrators run something: they get the outbox. */
export function canManageSomething(me: Me): boolean {
  return (
    me.isInstanceAdmin ||
    me.memberships.some((m) => m.roles.includes('staff') || m.roles.includes('federation_staff'))
  );
}

/** Whether this person runs the network: its staff, the staff of its federation, or an administrator. */
export function canManageNetwork(me: Me, slug: string): boolean {
  if (me.isInstanceAdmin) return true;
  const network = me.memberships.find((m) => m.slug === slug);
  if (!network) return false;
  if (network.roles.includes('staff') || network.roles.includes('federation_staff')) return true;
  const parent = me.memberships.find((m) => m.networkId === network.parentId);
  return Boolean(parent?.roles.includes('federation_staff'));
}
