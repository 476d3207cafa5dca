import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FacetValue, NetworkStats } from '../../app/api.ts';
import { EmptyState } from '../../components/feedback.tsx';
import { useFormatNumber } from '../../components/format.ts';

const MAX_BARS = 8;

/**
 * The members of the network by sector, size and département, as bar charts drawn in CSS:
 * each bar is a list item with its number written out, so the chart reads without the picture.
 */
export function StatsSection({ slug, stats }: { slug: string; stats: NetworkStats }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('stats.title')}</h2>
      {stats.memberCount > 0 ? (
        <p className="muted stats-lead">{t('stats.memberCount', { count: stats.memberCount })}</p>
      ) : null}
      {stats.memberCount === 0 ? (
        <EmptyState title={t('stats.empty')}>{t('stats.emptyHint')}</EmptyState>
      ) : null}
      {stats.memberCount > 0 ? (
        <div className="charts">
          <BarChart id="chart-sector" title={t('stats.bySector')} values={stats.bySection} />
          <BarChart
            id="chart-size"
            title={t('stats.bySize')}
            values={(['TPE', 'PME', 'ETI', 'GE'] as const)
              .map((category) => ({
                value: category,
                label: t(`category.${category}.long`),
                count: stats.byCategory.find((c) => c.value === category)?.count ?? 0,
              }))
              .filter((v) => v.count > 0)}
            keepOrder
          />
          <BarChart
            id="chart-departement"
            title={t('stats.byDepartement')}
            values={stats.byDepartement}
            linkTo={(value) => `/n/${slug}/directory?departement=${encodeURIComponent(value)}`}
          />
        </div>
      ) : null}
    </section>
  );
}

function BarChart({
  id,
  title,
  values,
  keepOrder = false,
  linkTo,
}: {
  id: string;
  title: string;
  values: FacetValue[];
  keepOrder?: boolean;
  linkTo?: (value: string) => string;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const sorted = keepOrder ? values : [...values].sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, MAX_BARS);
  const others = sorted.slice(MAX_BARS).reduce((sum, v) => sum + v.count, 0);
  const max = Math.max(1, ...shown.map((v) => v.count), others);
  return (
    <figure className="card chart" aria-labelledby={id}>
      <figcaption id={id} className="card-title">
        {title}
      </figcaption>
      {shown.length === 0 ? (
        <p className="muted small">{t('stats.noData')}</p>
      ) : (
        <ul className="bars">
          {shown.map((value) => (
            <li key={value.value} className="bar-row">
              <span className="bar-label">
                {linkTo ? <Link to={linkTo(value.value)}>{value.label}</Link> : value.label}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(value.count / max) * 100}%` }} />
              </span>
              <span className="bar-count">{formatNumber(value.count)}</span>
            </li>
          ))}
          {others > 0 ? (
            <li className="bar-row bar-others">
              <span className="bar-label">{t('stats.others')}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(others / max) * 100}%` }} />
              </span>
              <span className="bar-count">{formatNumber(others)}</span>
            </li>
          ) : null}
        </ul>
      )}
    </figure>
  );
}
