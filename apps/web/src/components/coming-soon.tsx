import { useTranslation } from 'react-i18next';
import type { CapabilityId } from '../app/capabilities.ts';
import { Icon } from './icons.tsx';
import { usePageTitle } from './page-title.ts';

/** The page of a capability that is not built yet: what it will do, plainly, in the user's language. */
export function ComingSoon({ capability }: { capability: CapabilityId }) {
  const { t } = useTranslation();
  const title = t(`capability.${capability}.title`);
  usePageTitle(title);
  const points = t(`capability.${capability}.points`, { returnObjects: true }) as unknown;
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name={capability} size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <span className="badge badge-soon">{t('comingSoon.badge')}</span>
        </div>
      </header>
      <section className="card" aria-labelledby="coming-soon-what">
        <h2 id="coming-soon-what" className="card-title">
          {t('comingSoon.what')}
        </h2>
        <p className="lead">{t(`capability.${capability}.description`)}</p>
        {Array.isArray(points) ? (
          <ul className="checklist">
            {points.map((point) => (
              <li key={String(point)}>{String(point)}</li>
            ))}
          </ul>
        ) : null}
        <p className="muted">{t('comingSoon.note')}</p>
      </section>
    </div>
  );
}
