import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Locale } from '../../app/api.ts';
import { applyLocale } from '../../app/i18n/index.ts';
import { useMe, useSession } from '../../app/session.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { RoleBadges } from '../../components/labels.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { ContactSection } from './contact-section.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const me = useMe();
  const { setMe } = useSession();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setIsSaved(false);
    try {
      const person = await api.updateMe({ displayName: displayName.trim(), locale });
      applyLocale(person.locale);
      setMe(person);
      setIsSaved(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const networksWithRoles = me.memberships.filter((m) => m.roles.length > 0);

  return (
    <div className="page page-narrow">
      <header className="page-header">
        <div>
          <h1>{t('account.title')}</h1>
          <p className="muted">{me.email}</p>
        </div>
      </header>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile" className="card-title">
          {t('account.profile')}
        </h2>
        <form onSubmit={submit} className="form-narrow">
          {isSaved ? <SuccessBanner>{t('account.saved')}</SuccessBanner> : null}
          <ErrorBanner error={error} />
          <TextField
            label={t('field.displayName')}
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <div className="field">
            <label htmlFor="account-locale">{t('account.language')}</label>
            <select
              id="account-locale"
              value={locale}
              onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'fr')}
            >
              <option value="fr" lang="fr">
                Français
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
            <p className="field-hint">{t('account.languageHint')}</p>
          </div>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('action.save')}
          </button>
        </form>
      </section>
      <ContactSection />
      <section className="card" aria-labelledby="account-networks">
        <h2 id="account-networks" className="card-title">
          {t('account.myNetworks')}
        </h2>
        {me.isInstanceAdmin ? <p>{t('account.instanceAdmin')}</p> : null}
        {networksWithRoles.length === 0 ? (
          <p className="muted">{t('account.noRoles')}</p>
        ) : (
          <ul className="plain-list">
            {networksWithRoles.map((membership) => (
              <li key={membership.networkId} className="row-between">
                <span>{membership.name}</span>
                <RoleBadges roles={membership.roles} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
