import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RelocationOverview } from '../../app/api.ts';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatMoney, useFormatNumber } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { NeedsNav } from './needs-nav.tsx';
import { RelocationDashboardView } from './relocation-dashboard.tsx';
import { SupplierCard } from './relocation-supplier-card.tsx';
import { SupplierForm } from './relocation-supplier-form.tsx';

/**
 * The relocation challenge: a member lists what it buys outside the network and sees the member
 * companies able to supply it; staff follow how many lines were replaced and the amount brought
 * back. A member's list is confidential to its people and the staff.
 */
export function RelocationPage() {
  const { t } = useTranslation();
  const title = t('relocation.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const overview = useApi(() => api.relocation(slug), `relocation-${slug}`);
  const [isAdding, setIsAdding] = useState(false);

  if (overview.state === 'loading') return <Loading />;
  if (overview.state === 'failed') {
    if (overview.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={overview.error} onRetry={overview.reload} />
      </div>
    );
  }
  const data = overview.data;
  const canList = data.myOrganisations.length > 0;
  const myIds = new Set(data.myOrganisations.map((o) => o.id));
  const mine = data.lines.filter((line) => myIds.has(line.organisationId));
  const othersForStaff = data.lines.filter((line) => !myIds.has(line.organisationId));
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="needs" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{data.canManage ? t('relocation.introStaff') : t('relocation.intro')}</p>
        </div>
      </header>
      <NeedsNav slug={slug} />

      {data.canManage ? <RelocationDashboardView slug={slug} /> : null}

      {canList ? (
        <section aria-labelledby="relocation-mine-title">
          <div className="section-head">
            <h2 id="relocation-mine-title">{t('relocation.mine')}</h2>
            {!isAdding ? (
              <button type="button" className="button button-primary" onClick={() => setIsAdding(true)}>
                {t('relocation.add')}
              </button>
            ) : null}
          </div>
          <p className="muted relocation-confidential">{t('relocation.confidential')}</p>
          {isAdding ? (
            <SupplierForm
              slug={slug}
              organisations={data.myOrganisations}
              onCancel={() => setIsAdding(false)}
              onDone={() => {
                setIsAdding(false);
                overview.reload();
              }}
            />
          ) : null}
          {mine.length === 0 && !isAdding ? (
            <EmptyState title={t('relocation.emptyMine')}>{t('relocation.emptyMineHint')}</EmptyState>
          ) : (
            <ul className="relocation-lines">
              {mine.map((line) => (
                <SupplierCard key={line.id} slug={slug} line={line} onChanged={overview.reload} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data.canManage ? (
        <section aria-labelledby="relocation-all-title">
          <h2 id="relocation-all-title">{t('relocation.allLines')}</h2>
          {othersForStaff.length === 0 ? (
            <EmptyState title={t('relocation.emptyAll')}>{t('relocation.emptyAllHint')}</EmptyState>
          ) : (
            <ul className="relocation-lines">
              {othersForStaff.map((line) => (
                <SupplierCard
                  key={line.id}
                  slug={slug}
                  line={line}
                  onChanged={overview.reload}
                  showOrganisation
                />
              ))}
            </ul>
          )}
        </section>
      ) : (
        <NetworkTotals data={data} />
      )}

      {!canList && !data.canManage ? (
        <EmptyState title={t('relocation.readerTitle')}>{t('relocation.readerHint')}</EmptyState>
      ) : null}
    </div>
  );
}

/** What a member may know of the whole network: totals, once they reveal no single member. */
function NetworkTotals({ data }: { data: RelocationOverview }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const number = useFormatNumber();
  const totals = data.networkTotals;
  return (
    <section aria-labelledby="relocation-network-title">
      <h2 id="relocation-network-title">{t('relocation.networkTitle')}</h2>
      {totals ? (
        <dl className="stats relocation-stats">
          <div className="stat">
            <dt>{t('relocation.card.replaced')}</dt>
            <dd>
              {number(totals.replacedCount)} / {number(totals.lineCount)}
            </dd>
          </div>
          <div className="stat">
            <dt>{t('relocation.card.broughtBack')}</dt>
            <dd>{money(totals.broughtBackCents)}</dd>
          </div>
          <div className="stat">
            <dt>{t('relocation.card.listed')}</dt>
            <dd>{money(totals.listedCents)}</dd>
          </div>
          <div className="stat">
            <dt>{t('relocation.card.members')}</dt>
            <dd>{number(totals.organisationCount)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t(`relocation.hidden.${data.hiddenReason ?? 'TOO_FEW_ORGANISATIONS'}`)}</p>
      )}
    </section>
  );
}
