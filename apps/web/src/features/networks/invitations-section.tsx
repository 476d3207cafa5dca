import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type Invitation, type NetworkDetail, type NetworkRole } from '../../app/api.ts';
import { useIsOutboxAvailable } from '../../app/shell.tsx';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import {
  EmptyState,
  ErrorBanner,
  Loading,
  SuccessBanner,
  useErrorMessage,
} from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';

/** Staff invite people by e-mail to a role they may grant, and follow or revoke the invitations. */
export function InvitationsSection({ network }: { network: NetworkDetail }) {
  const { t } = useTranslation();
  const invitations = useApi(() => api.invitations(network.slug), network.slug);
  const [lastSent, setLastSent] = useState<string | null>(null);
  const isOutboxAvailable = useIsOutboxAvailable();

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card-title">
        {t('invite.title')}
      </h2>
      <p className="muted">{t('invite.intro', { network: network.name })}</p>
      <InviteForm
        network={network}
        onSent={(email) => {
          setLastSent(email);
          invitations.reload();
        }}
      />
      {lastSent ? (
        <SuccessBanner>
          {t('invite.sent', { email: lastSent })}{' '}
          {isOutboxAvailable ? <Link to="/outbox">{t('invite.seeOutbox')}</Link> : null}
        </SuccessBanner>
      ) : null}

      <h3 className="subsection-title">{t('invitations.title')}</h3>
      {invitations.state === 'loading' ? <Loading /> : null}
      {invitations.state === 'failed' ? (
        <ErrorBanner error={invitations.error} onRetry={invitations.reload} />
      ) : null}
      {invitations.state === 'ready' ? (
        <InvitationList
          slug={network.slug}
          invitations={invitations.data.invitations}
          onChanged={invitations.reload}
        />
      ) : null}
    </section>
  );
}

function InviteForm({ network, onSent }: { network: NetworkDetail; onSent: (email: string) => void }) {
  const { t } = useTranslation();
  const roles = network.invitableRoles;
  const defaultRole: NetworkRole | undefined = roles.includes('member_leader') ? 'member_leader' : roles[0];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<NetworkRole | undefined>(defaultRole);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const errorMessage = useErrorMessage();

  if (!defaultRole || !role) return <p className="muted">{t('invite.noRoles')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!role) return;
    setIsBusy(true);
    setError(null);
    try {
      const invitation = await api.invite(network.slug, email.trim(), role);
      setEmail('');
      onSent(invitation.email);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  const isEmailError = error?.field === 'email' || error?.field?.startsWith('body.email');
  return (
    <form className="invite-form" onSubmit={submit} aria-labelledby="invite-title">
      {error && !isEmailError ? <ErrorBanner error={error} /> : null}
      <div className="invite-form-fields">
        <div className={isEmailError ? 'field field-invalid' : 'field'}>
          <label htmlFor="invite-email">{t('field.email')}</label>
          <input
            id="invite-email"
            type="email"
            name="email"
            autoComplete="off"
            required
            placeholder={t('invite.emailPlaceholder')}
            aria-invalid={isEmailError ? true : undefined}
            aria-describedby={isEmailError ? 'invite-email-error' : undefined}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {isEmailError ? (
            <p id="invite-email-error" className="field-error">
              {errorMessage(error)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <select
            id="invite-role"
            value={role}
            onChange={(event) => setRole(event.target.value as NetworkRole)}
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {isBusy ? t('invite.sending') : t('invite.submit')}
      </button>
    </form>
  );
}

function InvitationList({
  slug,
  invitations,
  onChanged,
}: {
  slug: string;
  invitations: Invitation[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function revoke() {
    if (!toRevoke) return;
    setIsBusy(true);
    setError(null);
    try {
      await api.revokeInvitation(slug, toRevoke.id);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
      setToRevoke(null);
    }
  }

  if (invitations.length === 0) {
    return <EmptyState title={t('invitations.empty')}>{t('invitations.emptyHint')}</EmptyState>;
  }
  return (
    <>
      <ErrorBanner error={error} />
      <ul className="invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="invitation">
            <div className="invitation-main">
              <span className="invitation-email">{invitation.email}</span>
              <span className="muted small">
                {t(`role.${invitation.role}`)} ·{' '}
                {t('invitations.sentBy', {
                  name: invitation.invitedBy,
                  date: formatDate(invitation.createdAt),
                })}
              </span>
            </div>
            <div className="invitation-side">
              <span className={`badge badge-status badge-status-${invitation.status}`}>
                {t(`invitations.status.${invitation.status}`)}
              </span>
              {invitation.status === 'pending' ? (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={t('invitations.revokeFor', { email: invitation.email })}
                  onClick={() => setToRevoke(invitation)}
                >
                  {t('invitations.revoke')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        isOpen={toRevoke !== null}
        title={t('invitations.confirmTitle')}
        confirmLabel={t('invitations.revoke')}
        isBusy={isBusy}
        onConfirm={() => void revoke()}
        onCancel={() => setToRevoke(null)}
      >
        <p>{t('invitations.confirmText', { email: toRevoke?.email ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
