import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../app/api.ts';
import { ErrorBanner, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await api.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <PublicLayout>
      <section className="card card-form" aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('forgot.title')}</h1>
        {sentTo ? (
          <>
            <SuccessBanner>{t('forgot.sent', { email: sentTo })}</SuccessBanner>
            <p className="muted">{t('forgot.sentHint')}</p>
          </>
        ) : (
          <form onSubmit={submit}>
            <p className="muted">{t('forgot.intro')}</p>
            <ErrorBanner error={error} />
            <TextField
              label={t('field.email')}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <button type="submit" className="button button-primary button-block" disabled={isBusy}>
              {t('forgot.submit')}
            </button>
          </form>
        )}
        <p className="form-footer">
          <Link to="/sign-in">{t('forgot.back')}</Link>
        </p>
      </section>
    </PublicLayout>
  );
}
