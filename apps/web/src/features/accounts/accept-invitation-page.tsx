import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type InvitationPreview } from '../../app/api.ts';
import { rememberNetwork, useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { KindBadge } from '../../components/labels.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { NewPasswordFields } from './new-password-fields.tsx';
import { findPasswordProblem, type PasswordProblem } from './password.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const { me } = useSession();
  // The preview depends on who is signed in (hasAccount is the same, but we reload after sign-out).
  const preview = useApi(() => api.previewInvitation(token), `${token}:${me?.id ?? ''}`);

  return (
    <PublicLayout>
      <section className="card card-form" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t('invitation.title')}</h1>
        {preview.state === 'loading' ? <Loading /> : null}
        {preview.state === 'failed' ? (
          <>
            <ErrorBanner error={preview.error} />
            <p className="form-footer">
              <Link to="/">{t('invitation.goHome')}</Link>
            </p>
          </>
        ) : null}
        {preview.state === 'ready' ? <InvitationDetails token={token} invitation={preview.data} /> : null}
      </section>
    </PublicLayout>
  );
}

function InvitationDetails({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const { me, setMe, signOut } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PasswordProblem | undefined>();
  const [isNameMissing, setIsNameMissing] = useState(false);

  const isForMe = me ? me.email.toLowerCase() === invitation.email.toLowerCase() : false;
  const next = `/invitations/${encodeURIComponent(token)}`;

  async function accept(body: { displayName?: string; password?: string }) {
    setIsBusy(true);
    setError(null);
    try {
      const result = await api.acceptInvitation(token, body);
      setMe(result.me);
      rememberNetwork(result.networkSlug);
      navigate(`/n/${result.networkSlug}`, { replace: true, state: { welcome: true } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      setIsBusy(false);
    }
  }

  function submitNewcomer(event: FormEvent) {
    event.preventDefault();
    const found = findPasswordProblem(password, confirmation);
    setProblem(found);
    setIsNameMissing(!displayName.trim());
    if (!found && displayName.trim()) void accept({ displayName: displayName.trim(), password });
  }

  return (
    <>
      <div className="invitation-summary">
        <p className="lead">
          <Trans
            i18nKey="invitation.summary"
            values={{
              inviter: invitation.invitedBy,
              network: invitation.networkName,
              role: t(`role.${invitation.role}`),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
        <dl className="facts">
          <div>
            <dt>{t('invitation.network')}</dt>
            <dd>
              {invitation.networkName} <KindBadge kind={invitation.networkKind} />
            </dd>
          </div>
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>{t(`role.${invitation.role}`)}</dd>
          </div>
          <div>
            <dt>{t('invitation.for')}</dt>
            <dd>{invitation.email}</dd>
          </div>
        </dl>
      </div>
      <ErrorBanner error={error} />
      {me && !isForMe ? (
        <>
          <p>{t('invitation.wrongAccount', { current: me.email, invited: invitation.email })}</p>
          <button
            type="button"
            className="button button-secondary button-block"
            onClick={() => void signOut()}
          >
            {t('invitation.signOutFirst')}
          </button>
        </>
      ) : me && isForMe ? (
        <button
          type="button"
          className="button button-primary button-block"
          disabled={isBusy}
          onClick={() => void accept({})}
        >
          {t('invitation.accept')}
        </button>
      ) : invitation.hasAccount ? (
        <>
          <p>{t('invitation.signInFirst', { email: invitation.email })}</p>
          <Link
            className="button button-primary button-block"
            to={`/sign-in?next=${encodeURIComponent(next)}&email=${encodeURIComponent(invitation.email)}`}
          >
            {t('invitation.signInToAccept')}
          </Link>
        </>
      ) : (
        <form onSubmit={submitNewcomer} noValidate>
          <h2 className="card-title">{t('invitation.newcomerTitle')}</h2>
          <TextField
            label={t('field.displayName')}
            name="name"
            autoComplete="name"
            required
            maxLength={120}
            hint={t('invitation.nameHint')}
            error={isNameMissing ? t('invitation.nameRequired') : undefined}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            problem={problem}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
          />
          <button type="submit" className="button button-primary button-block" disabled={isBusy}>
            {t('invitation.join', { network: invitation.networkName })}
          </button>
        </form>
      )}
    </>
  );
}
