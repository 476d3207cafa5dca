import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { ApplicationsTab } from './applications-tab.tsx';
import { ImportTab } from './import-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { RegisterTab } from './register-tab.tsx';
import { SettingsTab } from './settings-tab.tsx';

const TABS = ['applications', 'members', 'register', 'import', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** Staff run membership here: applications, members and dues, imports, the network's rules. */
export function MembershipPage() {
  const { t } = useTranslation();
  usePageTitle(t('membership.title'));
  const { slug = '' } = useParams();
  const detail = useApi(() => api.network(slug), slug);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'applications';
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'failed') {
    if (detail.error.status === 404 || detail.error.status === 403) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data.canManage) return <NetworkUnavailable />;

  function select(next: Tab) {
    setParams(next === 'applications' ? {} : { tab: next }, { replace: true });
  }

  // Arrow keys move between tabs, as in every tab list.
  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? 'applications';
    select(next);
    tabs.current[TABS.indexOf(next)]?.focus();
  }

  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="people" size={28} />
        </div>
        <div>
          <h1>{t('membership.title')}</h1>
          <p className="muted">{detail.data.name}</p>
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label={t('membership.title')} onKeyDown={onKeyDown}>
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => select(name)}
          >
            {t(`membership.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'applications' ? <ApplicationsTab slug={slug} /> : null}
        {tab === 'members' ? <MembersTab slug={slug} /> : null}
        {tab === 'register' ? <RegisterTab slug={slug} onImport={() => select('import')} /> : null}
        {tab === 'import' ? <ImportTab slug={slug} onShowRegister={() => select('register')} /> : null}
        {tab === 'settings' ? <SettingsTab slug={slug} /> : null}
      </div>
    </div>
  );
}
