import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';

/** The same answer whether the network does not exist or is not mine: nothing about it leaks. */
export function NetworkUnavailable() {
  const { t } = useTranslation();
  usePageTitle(t('networkUnavailable.title'));
  return (
    <div className="page page-narrow not-found" data-testid="network-unavailable">
      <h1>{t('networkUnavailable.title')}</h1>
      <p className="lead">{t('networkUnavailable.text')}</p>
      <Link to="/" className="button button-primary">
        {t('networkUnavailable.back')}
      </Link>
    </div>
  );
}
