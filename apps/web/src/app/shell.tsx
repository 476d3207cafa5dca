import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { Footer } from '../components/footer.tsx';
import { initials } from '../components/format.ts';
import { Icon } from '../components/icons.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Logo } from '../components/logo.tsx';
import { AlertBanner } from '../features/alerts/alert-banner.tsx';
import { NotificationBell } from '../features/notifications/bell.tsx';
import { ApiError, api, type Me } from './api.ts';
import { CAPABILITIES } from './capabilities.ts';
import { NetworkSwitcher } from './network-switcher.tsx';
import { canManageNetwork, canManageSomething, defaultNetworkSlug, useMe, useSession } from './session.tsx';

const OutboxAvailability = createContext(false);

/** Whether this person can read the development outbox here (screens link to it only then). */
export function useIsOutboxAvailable(): boolean {
  return useContext(OutboxAvailability);
}

/** Whether the development outbox exists here: not when an SMTP server sends real mail. */
function useOutboxAvailability(me: Me): boolean {
  const mayRead = canManageSomething(me);
  const [isAvailable, setIsAvailable] = useState(mayRead);
  useEffect(() => {
    if (!mayRead) {
      setIsAvailable(false);
      return;
    }
    let isCurrent = true;
    api.outbox().then(
      () => isCurrent && setIsAvailable(true),
      (error: unknown) => {
        if (isCurrent && error instanceof ApiError && error.code === 'NOT_AVAILABLE') setIsAvailable(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [mayRead]);
  return isAvailable;
}

export function Shell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const match = useMatch('/n/:slug/*');
  const routeSlug = match?.params.slug;
  // On a network I cannot see, the navigation still leads to my own networks.
  const navSlug =
    routeSlug && me.memberships.some((m) => m.slug === routeSlug) ? routeSlug : defaultNetworkSlug(me);
  const [isNavOpen, setIsNavOpen] = useState(false);
  // An organisation's page belongs to the directory.
  const isOrganisationPage = /^\/n\/[^/]+\/organisations\//.test(location.pathname);
  const isOutboxAvailable = useOutboxAvailability(me);

  // A page change closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger.
  useEffect(() => setIsNavOpen(false), [location.pathname]);

  return (
    <OutboxAvailability.Provider value={isOutboxAvailable}>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="topbar">
          <button
            type="button"
            className="icon-button nav-toggle"
            aria-expanded={isNavOpen}
            aria-controls="side-nav"
            onClick={() => setIsNavOpen((open) => !open)}
          >
            <Icon name={isNavOpen ? 'close' : 'menu'} size={22} />
            <span className="visually-hidden">{isNavOpen ? t('nav.close') : t('nav.open')}</span>
          </button>
          <Link to="/" className="logo-link" aria-label={t('nav.homeLink')}>
            <Logo />
          </Link>
          <NetworkSwitcher me={me} currentSlug={navSlug} />
          <div className="topbar-end">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu me={me} />
          </div>
        </header>
        {me.isDemo ? (
          <p className="demo-banner">
            <span className="badge badge-demo">{t('demo.badge')}</span>{' '}
            <span className="demo-text">{t('demo.text')}</span>
          </p>
        ) : null}
        <AlertBanner />
        <div className="layout">
          <nav
            id="side-nav"
            className={isNavOpen ? 'side-nav is-open' : 'side-nav'}
            aria-label={t('nav.label')}
          >
            {navSlug ? (
              <ul>
                <li>
                  <NavLink to={`/n/${navSlug}`} end>
                    <Icon name="home" />
                    <span>{t('nav.home')}</span>
                  </NavLink>
                </li>
                {canManageNetwork(me, navSlug) ? (
                  <li>
                    <NavLink to={`/n/${navSlug}/membership`}>
                      <Icon name="people" />
                      <span>{t('nav.membership')}</span>
                    </NavLink>
                  </li>
                ) : null}
                {CAPABILITIES.map((capability) => (
                  <li key={capability.id}>
                    <NavLink
                      to={`/n/${navSlug}/${capability.id}`}
                      className={({ isActive }) =>
                        isActive || (capability.id === 'directory' && isOrganisationPage)
                          ? 'active'
                          : undefined
                      }
                    >
                      <Icon name={capability.icon} />
                      <span>{t(`capability.${capability.id}.title`)}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="side-nav-tools">
              {isOutboxAvailable ? (
                <li>
                  <NavLink to="/outbox">
                    <Icon name="outbox" />
                    <span>{t('outbox.navLabel')}</span>
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/join">
                  <Icon name="alliances" />
                  <span>{t('userMenu.join')}</span>
                </NavLink>
              </li>
              <li>
                <NavLink to="/account">
                  <Icon name="account" />
                  <span>{t('account.title')}</span>
                </NavLink>
              </li>
            </ul>
          </nav>
          <main id="main" className="main" tabIndex={-1}>
            {children ?? <Outlet />}
          </main>
        </div>
        <Footer />
      </div>
    </OutboxAvailability.Provider>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={container}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={isOpen}
        aria-controls="user-menu-panel"
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.displayName)}
        </span>
        <span className="user-menu-name">{me.displayName}</span>
        <span className="visually-hidden">{t('userMenu.label')}</span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div id="user-menu-panel" className="user-menu-panel" hidden={!isOpen}>
        <p className="user-menu-who">
          <strong>{me.displayName}</strong>
          <span>{me.email}</span>
        </p>
        <Link to="/account" className="user-menu-item" onClick={() => setIsOpen(false)}>
          <Icon name="account" size={18} />
          {t('account.title')}
        </Link>
        <Link to="/join" className="user-menu-item" onClick={() => setIsOpen(false)}>
          <Icon name="alliances" size={18} />
          {t('userMenu.join')}
        </Link>
        <button
          type="button"
          className="user-menu-item"
          onClick={() => {
            setIsOpen(false);
            void signOut().then(() => navigate('/sign-in', { replace: true }));
          }}
        >
          <Icon name="signOut" size={18} />
          {t('userMenu.signOut')}
        </button>
      </div>
    </div>
  );
}
