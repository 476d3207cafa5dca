import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NetworkDetail } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../components/feedback.tsx';
import { KindBadge } from '../../components/labels.tsx';

/** The networks of a federation, as cards that open each one. */
export function MemberNetworks({ network }: { network: NetworkDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <section className="section" aria-labelledby="member-networks-title">
      <h2 id="member-networks-title">{t('network.memberNetworks')}</h2>
      {network.children.length === 0 ? (
        <EmptyState title={t('network.noMemberNetworks')}>{t('network.noMemberNetworksHint')}</EmptyState>
      ) : (
        <ul className="network-cards">
          {network.children.map((child) => {
            const canOpen = me.memberships.some((m) => m.slug === child.slug);
            const body = (
              <>
                <span className="network-card-top">
                  <KindBadge kind={child.kind} />
                  <span className="network-card-count">
                    {t('network.memberCount', { count: child.memberCount })}
                  </span>
                </span>
                <span className="network-card-name">{child.name}</span>
                <span className="network-card-description">{child.description}</span>
              </>
            );
            return (
              <li key={child.id}>
                {canOpen ? (
                  <Link to={`/n/${child.slug}`} className="network-card">
                    {body}
                  </Link>
                ) : (
                  <div className="network-card">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
