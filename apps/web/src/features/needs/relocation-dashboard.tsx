import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type RelocationDashboard } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatMoney, useFormatNumber } from '../../components/format.ts';

/** The staff's view of the challenge: counters, then per département, per member and per year. */
export function RelocationDashboardView({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const dashboard = useApi(() => api.relocationDashboard(slug), `relocation-dashboard-${slug}`);
  if (dashboard.state === 'loading') return <Loading />;
  if (dashboard.state === 'failed') return <ErrorBanner error={dashboard.error} onRetry={dashboard.reload} />;
  const data = dashboard.data;
  return (
    <section aria-labelledby="relocation-dashboard-title" className="relocation-dashboard">
      <h2 id="relocation-dashboard-title">{t('relocation.dashboardTitle')}</h2>
      {data.totals.lineCount === 0 ? (
        <EmptyState title={t('relocation.emptyDashboard')}>{t('relocation.emptyDashboardHint')}</EmptyState>
      ) : (
        <DashboardBody slug={slug} data={data} />
      )}
    </section>
  );
}

function DashboardBody({ slug, data }: { slug: string; data: RelocationDashboard }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const number = useFormatNumber();
  const { totals } = data;
  const share = totals.listedCents > 0 ? Math.round((100 * totals.broughtBackCents) / totals.listedCents) : 0;
  return (
    <>
      <dl className="stats relocation-stats">
        <div className="stat">
          <dt>{t('relocation.card.replaced')}</dt>
          <dd>
            {number(totals.replacedCount)} / {number(totals.lineCount)}
          </dd>
        </div>
        <div className="stat relocation-stat-lead">
          <dt>{t('relocation.card.broughtBackOfListed')}</dt>
          <dd>
            {money(totals.broughtBackCents)}{' '}
            <span className="relocation-of">/ {money(totals.listedCents)}</span>
          </dd>
          <dd className="relocation-share">{t('relocation.card.share', { percent: share })}</dd>
        </div>
        <div className="stat">
          <dt>{t('relocation.card.members')}</dt>
          <dd>{number(totals.organisationCount)}</dd>
        </div>
      </dl>

      <h3 id="relocation-by-member">{t('relocation.byMember')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
      <section className="table-scroll" aria-labelledby="relocation-by-member" tabIndex={0}>
        <table className="table relocation-table">
          <thead>
            <tr>
              <th scope="col">{t('relocation.column.member')}</th>
              <th scope="col" className="relocation-optional">
                {t('relocation.column.departement')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.replaced')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.listed')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.broughtBack')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byMember.map((member) => (
              <tr key={member.organisationId}>
                <th scope="row">
                  <Link to={`/n/${slug}/organisations/${member.organisationId}`}>
                    {member.organisationName}
                  </Link>
                </th>
                <td className="relocation-optional">{member.departement ?? '—'}</td>
                <td className="relocation-number">
                  {number(member.replacedCount)} / {number(member.lineCount)}
                </td>
                <td className="relocation-number">{money(member.listedCents)}</td>
                <td className="relocation-number">{money(member.broughtBackCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h3 id="relocation-by-departement">{t('relocation.byDepartement')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
      <section className="table-scroll" aria-labelledby="relocation-by-departement" tabIndex={0}>
        <table className="table relocation-table">
          <thead>
            <tr>
              <th scope="col">{t('relocation.column.departement')}</th>
              <th scope="col" className="relocation-number relocation-optional">
                {t('relocation.column.members')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.replaced')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.listed')}
              </th>
              <th scope="col" className="relocation-number">
                {t('relocation.column.broughtBack')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byDepartement.map((row) => (
              <tr key={row.code ?? 'none'}>
                <th scope="row">
                  {row.code ? `${row.code} ${row.name ?? ''}` : t('relocation.noDepartement')}
                </th>
                <td className="relocation-number relocation-optional">{number(row.organisationCount)}</td>
                <td className="relocation-number">
                  {number(row.replacedCount)} / {number(row.lineCount)}
                </td>
                <td className="relocation-number">{money(row.listedCents)}</td>
                <td className="relocation-number">{money(row.broughtBackCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {data.byYear.length > 0 ? (
        <>
          <h3 id="relocation-by-year">{t('relocation.byYear')}</h3>
          <p className="muted">{t('relocation.byYearHint')}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, and keyboard users must be able to scroll it too. */}
          <section className="table-scroll" aria-labelledby="relocation-by-year" tabIndex={0}>
            <table className="table relocation-table">
              <thead>
                <tr>
                  <th scope="col">{t('relocation.column.year')}</th>
                  <th scope="col" className="relocation-number">
                    {t('relocation.column.replacedLines')}
                  </th>
                  <th scope="col" className="relocation-number">
                    {t('relocation.column.broughtBack')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byYear.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td className="relocation-number">{number(row.replacedCount)}</td>
                    <td className="relocation-number">{money(row.broughtBackCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </>
  );
}
