import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api.ts';
import { ErrorBanner, SuccessBanner } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { NewPasswordFields } from './new-password-fields.tsx';
import { findPasswordProblem, MIN_PASSWORD_LENGTH, type PasswordProblem } from './password.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found = findPasswordProblem(password, confirmation);
    setProblem(found);
    if (found) return;
    setIsBusy(true);
    try {
      await api.confirmPasswordReset(token, password);
      setIsDone(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <PublicLayout>
      <section className="card card-form" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.title')}</h1>
        {!token ? (
          <>
            <div className="banner banner-error" role="alert">
              {t('reset.missingToken')}
            </div>
            <p className="form-footer">
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          </>
        ) : isDone ? (
          <>
            <SuccessBanner>{t('reset.done')}</SuccessBanner>
            <Link to="/sign-in" className="button button-primary button-block">
              {t('reset.signIn')}
            </Link>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <p className="muted">{t('reset.intro', { min: MIN_PASSWORD_LENGTH })}</p>
            <ErrorBanner error={error} />
            {error ? (
              <p>
                <Link to="/forgot-password">{t('reset.askAgain')}</Link>
              </p>
            ) : null}
            <NewPasswordFields
              password={password}
              confirmation={confirmation}
              problem={problem}
              onPasswordChange={setPassword}
              onConfirmationChange={setConfirmation}
            />
            <button type="submit" className="button button-primary button-block" disabled={isBusy}>
              {t('reset.submit')}
            </button>
          </form>
        )}
      </section>
    </PublicLayout>
  );
}
