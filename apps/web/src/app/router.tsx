import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation, useParams } from 'react-router';
import { ErrorBanner, Loading } from '../components/feedback.tsx';
import { LogoMark } from '../components/logo.tsx';
import { NotFoundPage } from '../components/not-found.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { PublicLayout } from '../components/public-layout.tsx';
import { AcceptInvitationPage } from '../features/accounts/accept-invitation-page.tsx';
import { AccountPage } from '../features/accounts/account-page.tsx';
import { ForgotPasswordPage } from '../features/accounts/forgot-password-page.tsx';
import { ResetPasswordPage } from '../features/accounts/reset-password-page.tsx';
import { SignInPage } from '../features/accounts/sign-in-page.tsx';
import { AlliancesPage } from '../features/alliances/alliances-page.tsx';
import { EventsPage } from '../features/events/events-page.tsx';
import { FederationPage } from '../features/federation/federation-page.tsx';
import { GroupsPage } from '../features/groups/groups-page.tsx';
import { NeedsPage } from '../features/needs/needs-page.tsx';
import { NetworkHomePage } from '../features/networks/network-home-page.tsx';
import { NetworkUnavailable } from '../features/networks/network-unavailable.tsx';
import { OutboxPage } from '../features/outbox/outbox-page.tsx';
import { PurchasingPage } from '../features/purchasing/purchasing-page.tsx';
import { SharingPage } from '../features/sharing/sharing-page.tsx';
import { TendersPage } from '../features/tenders/tenders-page.tsx';
import { TerritoryPage } from '../features/territory/territory-page.tsx';
import { defaultNetworkSlug, didSignOut, rememberNetwork, useMe, useSession } from './session.tsx';

// Members and directory load when first opened: the first screen stays light.
const DirectoryPage = lazy(() =>
  import('../features/directory/directory-page.tsx').then((m) => ({ default: m.DirectoryPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/directory/organisation-page.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const JoinPage = lazy(() =>
  import('../features/membership/join-page.tsx').then((m) => ({ default: m.JoinPage })),
);
const QuestionsPage = lazy(() =>
  import('../features/questions/questions-page.tsx').then((m) => ({ default: m.QuestionsPage })),
);
const AidSchemesPage = lazy(() =>
  import('../features/needs/aid-schemes-page.tsx').then((m) => ({ default: m.AidSchemesPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/needs/projects-page.tsx').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('../features/needs/project-page.tsx').then((m) => ({ default: m.ProjectPage })),
);
const FunderReportsPage = lazy(() =>
  import('../features/needs/funder-reports-page.tsx').then((m) => ({ default: m.FunderReportsPage })),
);
const RelocationPage = lazy(() =>
  import('../features/needs/relocation-page.tsx').then((m) => ({ default: m.RelocationPage })),
);
const TenderPage = lazy(() =>
  import('../features/tenders/tender-page.tsx').then((m) => ({ default: m.TenderPage })),
);
const CampaignPage = lazy(() =>
  import('../features/purchasing/campaign-page.tsx').then((m) => ({ default: m.CampaignPage })),
);
const SavingsPage = lazy(() =>
  import('../features/purchasing/savings-page.tsx').then((m) => ({ default: m.SavingsPage })),
);
const SupplierOfferPage = lazy(() =>
  import('../features/purchasing/supplier-offer-page.tsx').then((m) => ({ default: m.SupplierOfferPage })),
);
const ShowcasePage = lazy(() =>
  import('../features/showcase/showcase-page.tsx').then((m) => ({ default: m.ShowcasePage })),
);
const ShowcaseAdminPage = lazy(() =>
  import('../features/showcase/showcase-admin-page.tsx').then((m) => ({ default: m.ShowcaseAdminPage })),
);
const GroupPage = lazy(() =>
  import('../features/groups/group-page.tsx').then((m) => ({ default: m.GroupPage })),
);
const GroupThreadPage = lazy(() =>
  import('../features/groups/thread-page.tsx').then((m) => ({ default: m.ThreadPage })),
);
const MembershipPage = lazy(() =>
  import('../features/membership/membership-page.tsx').then((m) => ({ default: m.MembershipPage })),
);
const AlertsPage = lazy(() =>
  import('../features/alerts/alerts-page.tsx').then((m) => ({ default: m.AlertsPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const NotificationPreferencesPage = lazy(() =>
  import('../features/notifications/preferences-page.tsx').then((m) => ({
    default: m.NotificationPreferencesPage,
  })),
);
const UnsubscribePage = lazy(() =>
  import('../features/notifications/unsubscribe-page.tsx').then((m) => ({ default: m.UnsubscribePage })),
);

import { Shell } from './shell.tsx';

export function AppRouter() {
  return (
    <BrowserRouter>
      <SessionGate>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
            <Route path="/rfq/:token" element={<SupplierOfferPage />} />
            <Route path="/vitrine/:slug" element={<ShowcasePage />} />
            <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
            <Route element={<RequireSignIn />}>
              <Route element={<Shell />}>
                <Route index element={<HomeRedirect />} />
                <Route path="n/:slug" element={<NetworkScope />}>
                  <Route index element={<NetworkHomePage />} />
                  <Route path="directory" element={<DirectoryPage />} />
                  <Route path="organisations/:id" element={<OrganisationPage />} />
                  <Route path="membership" element={<MembershipPage />} />
                  <Route path="showcase" element={<ShowcaseAdminPage />} />
                  <Route path="groups" element={<GroupsPage />} />
                  {/* peer-exchange:groups-routes */}
                  <Route path="groups/:groupSlug" element={<GroupPage />} />
                  <Route path="groups/:groupSlug/posts/:postId" element={<GroupThreadPage />} />
                  {/* peer-exchange:alerts-routes */}
                  <Route path="alerts" element={<AlertsPage />} />
                  {/* peer-exchange:notes-questions-routes */}
                  <Route path="questions" element={<QuestionsPage />} />
                  <Route path="needs" element={<NeedsPage />} />
                  <Route path="aid-schemes" element={<AidSchemesPage />} />
                  <Route path="projects" element={<ProjectsPage />} />
                  <Route path="projects/:id" element={<ProjectPage />} />
                  <Route path="relocation" element={<RelocationPage />} />
                  <Route path="funder-reports" element={<FunderReportsPage />} />
                  <Route path="purchasing" element={<PurchasingPage />} />
                  <Route path="purchasing/savings" element={<SavingsPage />} />
                  <Route path="purchasing/:id" element={<CampaignPage />} />
                  <Route path="tenders" element={<TendersPage />} />
                  <Route path="tenders/:id" element={<TenderPage />} />
                  <Route path="alliances" element={<AlliancesPage />} />
                  <Route path="sharing" element={<SharingPage />} />
                  <Route path="events" element={<EventsPage />} />
                  <Route path="federation" element={<FederationPage />} />
                  <Route path="territory" element={<TerritoryPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route path="outbox" element={<OutboxPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="notifications/preferences" element={<NotificationPreferencesPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="join" element={<JoinPage />} />
                <Route path="join/:slug" element={<JoinPage />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundRoute />} />
          </Routes>
        </Suspense>
      </SessionGate>
    </BrowserRouter>
  );
}

/** Nothing is shown until we know whether someone is signed in. */
function SessionGate({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { me, loadError, reload } = useSession();
  if (loadError) {
    return (
      <PublicLayout>
        <section className="card card-form">
          <h1>{t('error.title')}</h1>
          <ErrorBanner error={loadError} onRetry={reload} />
        </section>
      </PublicLayout>
    );
  }
  if (me === undefined) {
    return (
      <div className="boot">
        <LogoMark size={48} />
        <Loading />
      </div>
    );
  }
  return <>{children}</>;
}

function RequireSignIn() {
  const { me } = useSession();
  const location = useLocation();
  if (!me) {
    const here = location.pathname + location.search;
    const isPlain = here === '/' || didSignOut();
    return <Navigate to={isPlain ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

function HomeRedirect() {
  const me = useMe();
  const slug = defaultNetworkSlug(me);
  if (slug) return <Navigate to={`/n/${slug}`} replace />;
  return <NoNetworkPage />;
}

/**
 * Pages of one network. A network I cannot see shows the same "not found" whether it exists
 * or not, and nothing of it is fetched: the server refuses it anyway.
 */
function NetworkScope() {
  const me = useMe();
  const { slug = '' } = useParams();
  const isVisible = me.memberships.some((m) => m.slug === slug);
  useEffect(() => {
    if (isVisible) rememberNetwork(slug);
  }, [isVisible, slug]);
  if (!isVisible) return <NetworkUnavailable />;
  return <Outlet />;
}

function NoNetworkPage() {
  const { t } = useTranslation();
  usePageTitle(t('noNetwork.title'));
  return (
    <div className="page page-narrow">
      <h1>{t('noNetwork.title')}</h1>
      <div className="card">
        <p className="lead">{t('noNetwork.text')}</p>
        <p>{t('noNetwork.join')}</p>
        <Link to="/join" className="button button-primary">
          {t('join.title')}
        </Link>
      </div>
    </div>
  );
}

/** An unknown address: inside the shell when signed in, on the public layout otherwise. */
function NotFoundRoute() {
  const { me } = useSession();
  if (me) {
    return (
      <Shell>
        <NotFoundPage />
      </Shell>
    );
  }
  return (
    <PublicLayout>
      <section className="card card-form">
        <NotFoundPage />
      </section>
    </PublicLayout>
  );
}
