import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';

/**
 * Whether the network's rule forbids business between members (`noBusiness` in its settings).
 * Undefined while loading: a « sell » feature stays hidden until the answer is known.
 */
export function useNoBusiness(slug: string): boolean | undefined {
  const settings = useApi(() => api.settings(slug), `no-business-${slug}`);
  if (settings.state === 'ready') return settings.data.noBusiness;
  return settings.state === 'failed' ? false : undefined;
}

/** Where a « sell » feature would be: why it is not there. */
export function NoBusinessNotice({ what }: { what: 'offer' | 'relocation' }) {
  const { t } = useTranslation();
  return (
    <p className="banner banner-info no-business-notice" role="note">
      <span>
        <strong>{t('noBusiness.rule')}</strong> {t(`noBusiness.why.${what}`)}
      </span>
    </p>
  );
}
