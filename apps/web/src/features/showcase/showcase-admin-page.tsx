import type { ShowcaseAdmin } from '@meute/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { ShowcaseConsent } from './showcase-consent.tsx';
import { ShowcaseSettings } from './showcase-settings.tsx';

/** /n/:slug/showcase: staff set up the public showcase; members choose what their companies show. */
export function ShowcaseAdminPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  usePageTitle(t('showcase.admin.title'));
  const loaded = useApi(() => api.showcaseAdmin(slug), `showcase-admin-${slug}`);
  const [override, setOverride] = useState<ShowcaseAdmin | null>(null);
  const view = override?.network.slug === slug ? override : loaded.data;

  return (
    <div className="page showcase-admin">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="external" size={28} />
        </div>
        <div>
          <h1>{t('showcase.admin.title')}</h1>
          <p className="muted">{t('showcase.admin.intro')}</p>
        </div>
      </header>
      {loaded.state === 'failed' ? <ErrorBanner error={loaded.error} onRetry={loaded.reload} /> : null}
      {!view ? (
        loaded.state === 'loading' ? (
          <Loading />
        ) : null
      ) : (
        <>
          {view.canManage ? (
            <ShowcaseSettings view={view} onSaved={setOverride} />
          ) : (
            <p className="muted">
              {view.settings.isPublished ? (
                <a href={`/vitrine/${slug}`} target="_blank" rel="noopener">
                  {t('showcase.admin.open')}
                </a>
              ) : (
                t('showcase.settings.notPublishedYet')
              )}
            </p>
          )}
          {view.canManage && view.myOrganisations.length === 0 ? null : (
            <ShowcaseConsent view={view} onSaved={setOverride} />
          )}
        </>
      )}
    </div>
  );
}
