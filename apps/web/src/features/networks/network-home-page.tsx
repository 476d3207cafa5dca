import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, type NetworkDetail, type NetworkStats } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { KindBadge, RoleBadges } from '../../components/labels.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { InvitationsSection } from './invitations-section.tsx';
import { MemberNetworks } from './member-networks.tsx';
import { NetworkUnavailable } from './network-unavailable.tsx';
import { PeopleSection } from './people-section.tsx';
import { StatsSection } from './stats-section.tsx';

export function NetworkHomePage() {
  const { slug = '' } = useParams();
  // The network and its member statistics arrive together: the page appears whole, at once.
  const detail = useApi(
    () =>
      Promise.all([api.network(slug), api.stats(slug).catch(() => null)]).then(([network, stats]) => ({
        network,
        stats,
      })),
    slug,
  );
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'failed') {
    if (detail.error.status === 404 || detail.error.status === 403) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  return <NetworkHome network={detail.data.network} stats={detail.data.stats} />;
}

function NetworkHome({ network, stats }: { network: NetworkDetail; stats: NetworkStats | null }) {
  const { t } = useTranslation();
  usePageTitle(network.name);
  const me = useMe();
  const location = useLocation();
  const isWelcome = (location.state as { welcome?: boolean } | null)?.welcome === true;
  const canOpenParent = network.parent ? me.memberships.some((m) => m.slug === network.parent?.slug) : false;
  const isFederation = network.kind === 'federation';

  return (
    <div className="page">
      {isWelcome ? <SuccessBanner>{t('network.welcome', { network: network.name })}</SuccessBanner> : null}
      <header className="network-hero">
        <div className="network-hero-meta">
          <KindBadge kind={network.kind} />
          {network.isDemo ? <span className="badge badge-demo">{t('network.demoNetwork')}</span> : null}
          {network.parent ? (
            <span className="muted">
              {t('network.partOf')}{' '}
              {canOpenParent ? (
                <Link to={`/n/${network.parent.slug}`}>{network.parent.name}</Link>
              ) : (
                network.parent.name
              )}
            </span>
          ) : null}
        </div>
        <h1>{network.name}</h1>
        {network.description ? <p className="lead">{network.description}</p> : null}
        <dl className="stats">
          <div className="stat">
            <dt>{isFederation ? t('network.networksCount') : t('network.membersCount')}</dt>
            <dd>{isFederation ? network.children.length : network.memberCount}</dd>
          </div>
          {isFederation ? (
            <div className="stat">
              <dt>{t('network.membersInNetworks')}</dt>
              <dd>{network.children.reduce((sum, child) => sum + child.memberCount, 0)}</dd>
            </div>
          ) : null}
          <div className="stat stat-wide">
            <dt>{t('network.myRoles')}</dt>
            <dd>
              {network.myRoles.length > 0 ? (
                <RoleBadges roles={network.myRoles} />
              ) : (
                <span className="muted">
                  {me.isInstanceAdmin ? t('network.accessAsAdmin') : t('network.accessAsFederation')}
                </span>
              )}
            </dd>
          </div>
        </dl>
        {isFederation ? null : (
          <div className="hero-actions">
            <Link to={`/n/${network.slug}/directory`} className="button button-secondary button-small">
              {t('networkHome.openDirectory')}
            </Link>
            {network.canManage ? (
              <Link to={`/n/${network.slug}/membership`} className="button button-secondary button-small">
                {t('networkHome.manageMembership')}
              </Link>
            ) : null}
          </div>
        )}
      </header>

      {isFederation || !stats ? null : <StatsSection slug={network.slug} stats={stats} />}

      {isFederation || network.children.length > 0 ? <MemberNetworks network={network} /> : null}

      <div className={network.canManage ? 'columns' : undefined}>
        <PeopleSection slug={network.slug} canManage={network.canManage} />
        {network.canManage ? <InvitationsSection network={network} /> : null}
      </div>
    </div>
  );
}
