import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from './api.ts';
import { rememberNetwork } from './session.tsx';

type Membership = Me['memberships'][number];

/** Federations first with their member networks under them, then the other networks. */
export function groupNetworks(memberships: readonly Membership[]) {
  const federations = memberships.filter((m) => m.kind === 'federation');
  const federationIds = new Set(federations.map((f) => f.networkId));
  const groups = federations.map((federation) => ({
    federation,
    networks: [federation, ...memberships.filter((m) => m.parentId === federation.networkId)],
  }));
  const others = memberships.filter(
    (m) => m.kind !== 'federation' && !(m.parentId && federationIds.has(m.parentId)),
  );
  return { groups, others };
}

/** Choose the network to work in; the page stays on the same capability. */
export function NetworkSwitcher({ me, currentSlug }: { me: Me; currentSlug: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  if (me.memberships.length === 0) return null;
  const { groups, others } = groupNetworks(me.memberships);
  const isKnown = me.memberships.some((m) => m.slug === currentSlug);

  function switchTo(slug: string) {
    rememberNetwork(slug);
    const capability = /^\/n\/[^/]+\/([^/]+)/.exec(location.pathname)?.[1];
    navigate(capability ? `/n/${slug}/${capability}` : `/n/${slug}`);
  }

  return (
    <div className="network-switcher">
      <label htmlFor="network-switcher">{t('switcher.label')}</label>
      <select
        id="network-switcher"
        value={isKnown ? currentSlug : ''}
        onChange={(event) => switchTo(event.target.value)}
      >
        {isKnown ? null : (
          <option value="" disabled>
            {t('switcher.choose')}
          </option>
        )}
        {groups.map(({ federation, networks }) => (
          <optgroup key={federation.networkId} label={federation.name}>
            {networks.map((network) => (
              <option key={network.networkId} value={network.slug}>
                {network.name}
              </option>
            ))}
          </optgroup>
        ))}
        {others.length > 0 && groups.length > 0 ? (
          <optgroup label={t('switcher.otherNetworks')}>
            {others.map((network) => (
              <option key={network.networkId} value={network.slug}>
                {network.name}
              </option>
            ))}
          </optgroup>
        ) : (
          others.map((network) => (
            <option key={network.networkId} value={network.slug}>
              {network.name}
            </option>
          ))
        )}
      </select>
    </div>
  );
}
