import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api.ts';
import { settleLocaleAfterSignIn, useSession } from '../../app/session.tsx';
import { ErrorBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';

/** Only addresses inside the app, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (me && !isBusy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const person = await settleLocaleAfterSignIn(await api.signIn(email.trim(), password));
      setMe(person);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      setIsBusy(false);
    }
  }

  return (
    <PublicLayout wide>
      <div className="sign-in">
        <section className="sign-in-intro" aria-labelledby="sign-in-motto">
          <p id="sign-in-motto" className="motto">
            {t('signIn.motto')}
          </p>
          <p className="lead">{t('signIn.pitch')}</p>
          <ul className="checklist">
            <li>{t('signIn.point1')}</li>
            <li>{t('signIn.point2')}</li>
            <li>{t('signIn.point3')}</li>
          </ul>
        </section>
        <section className="card card-form" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">{t('signIn.title')}</h1>
          <form onSubmit={submit} noValidate={false}>
            <ErrorBanner error={error} />
            <TextField
              label={t('field.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <TextField
              label={t('field.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <button type="submit" className="button button-primary button-block" disabled={isBusy}>
              {isBusy ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
          <p className="form-footer">
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </p>
        </section>
      </div>
    </PublicLayout>
  );
}
