import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type CreatedRfqInvitation, type RfqInvitation } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', '');

/** A date input's value (YYYY-MM-DD), `days` from today in the person's time zone. */
function dateInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const STATUS_BADGE: Record<RfqInvitation['status'], string> = {
  pending: 'badge-status-pending',
  answered: 'badge-status-accepted',
  expired: 'badge-status-expired',
  revoked: 'badge-status-revoked',
};

/**
 * Staff: ask suppliers for a quote through a personal link (no account needed), see who opened
 * and answered, revoke a link. The link is shown once, right after it is created.
 */
export function RfqPanel({
  slug,
  campaign,
}: {
  slug: string;
  campaign: { id: string; status: 'open' | 'closed' | 'awarded' };
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const list = useApi(() => api.rfqInvitations(slug, campaign.id), `rfq-${slug}-${campaign.id}`);
  const [created, setCreated] = useState<CreatedRfqInvitation | null>(null);
  const [toRevoke, setToRevoke] = useState<RfqInvitation | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [isRevoking, setIsRevoking] = useState(false);
  const isAwarded = campaign.status === 'awarded';

  async function revoke() {
    if (!toRevoke) return;
    setIsRevoking(true);
    setRevokeError(null);
    try {
      await api.revokeRfqInvitation(slug, campaign.id, toRevoke.id);
      setRevoked(toRevoke.supplierName);
      if (created?.invitation.id === toRevoke.id) setCreated(null);
      setToRevoke(null);
      list.reload();
    } catch (caught) {
      setRevokeError(asApiError(caught));
      setToRevoke(null);
    } finally {
      setIsRevoking(false);
    }
  }

  const invitations = list.state === 'ready' ? list.data.invitations : [];
  return (
    <section className="card rfq-panel" aria-labelledby="rfq-panel-title">
      <h2 id="rfq-panel-title" className="card-title">
        {t('purchasingRfq.panel.title')}
      </h2>
      <p className="muted">{t('purchasingRfq.panel.intro')}</p>
      {created ? <CreatedLink created={created} onDone={() => setCreated(null)} /> : null}
      {isAwarded ? (
        <p className="notice">{t('purchasingRfq.panel.closed')}</p>
      ) : (
        <InviteForm
          slug={slug}
          campaignId={campaign.id}
          onCreated={(next) => {
            setCreated(next);
            setRevoked(null);
            list.reload();
          }}
        />
      )}
      <h3 className="rfq-subtitle">{t('purchasingRfq.panel.listTitle')}</h3>
      {revoked ? (
        <SuccessBanner>{t('purchasingRfq.panel.revoked', { supplier: revoked })}</SuccessBanner>
      ) : null}
      {revokeError ? <ErrorBanner error={revokeError} /> : null}
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'failed' ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' && invitations.length === 0 ? (
        <EmptyState title={t('purchasingRfq.panel.empty')}>{t('purchasingRfq.panel.emptyHint')}</EmptyState>
      ) : null}
      {invitations.length > 0 ? (
        <div className="table-scroll">
          <table className="table purchasing-table rfq-table">
            <thead>
              <tr>
                <th scope="col">{t('purchasingRfq.panel.supplier')}</th>
                <th scope="col">{t('purchasingRfq.panel.status')}</th>
                <th scope="col">{t('purchasingRfq.panel.expires')}</th>
                <th scope="col">{t('purchasingRfq.panel.opened')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('purchasingRfq.panel.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">
                    {invitation.supplierName}
                    {invitation.email ? <span className="field-hint">{invitation.email}</span> : null}
                  </th>
                  <td data-label={t('purchasingRfq.panel.status')}>
                    <span className={`badge ${STATUS_BADGE[invitation.status]}`}>
                      {t(`purchasingRfq.status.${invitation.status}`)}
                    </span>
                    {invitation.answeredAt ? (
                      <span className="field-hint">
                        {t(
                          invitation.status === 'answered'
                            ? 'purchasingRfq.panel.answeredAt'
                            : 'purchasingRfq.panel.offerAt',
                          { date: formatDate(invitation.answeredAt, true) },
                        )}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('purchasingRfq.panel.expires')}>{formatDate(invitation.expiresAt)}</td>
                  <td data-label={t('purchasingRfq.panel.opened')}>
                    {invitation.lastOpenedAt
                      ? formatDate(invitation.lastOpenedAt, true)
                      : t('purchasingRfq.panel.neverOpened')}
                  </td>
                  <td>
                    {invitation.status === 'pending' || invitation.status === 'answered' ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setToRevoke(invitation)}
                      >
                        {t('purchasingRfq.panel.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={toRevoke !== null}
        title={t('purchasingRfq.panel.revokeTitle', { supplier: toRevoke?.supplierName ?? '' })}
        confirmLabel={t('purchasingRfq.panel.revokeConfirm')}
        isBusy={isRevoking}
        onConfirm={() => void revoke()}
        onCancel={() => setToRevoke(null)}
      >
        <p>{t('purchasingRfq.panel.revokeText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function InviteForm({
  slug,
  campaignId,
  onCreated,
}: {
  slug: string;
  campaignId: string;
  onCreated: (created: CreatedRfqInvitation) => void;
}) {
  const { t } = useTranslation();
  const [supplierName, setSupplierName] = useState('');
  const [email, setEmail] = useState('');
  const [expiresOn, setExpiresOn] = useState(() => dateInDays(14));
  const [error, setError] = useState<ApiError | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!supplierName.trim()) problems.supplierName = t('purchasingRfq.panel.nameRequired');
    // The link works until the end of the chosen day, in the person's time zone.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59`) : null;
    if (!expiresAt || Number.isNaN(expiresAt.getTime()))
      problems.expiresAt = t('purchasingRfq.panel.dateInvalid');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0 || !expiresAt) return;
    setIsBusy(true);
    setError(null);
    try {
      const created = await api.inviteSupplier(slug, campaignId, {
        supplierName: supplierName.trim(),
        email: email.trim() || null,
        expiresAt: expiresAt.toISOString(),
      });
      setSupplierName('');
      setEmail('');
      setExpiresOn(dateInDays(14));
      onCreated(created);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const errorOf = (path: string) => localErrors[path] ?? fieldError(error, path);
  return (
    <form onSubmit={submit} noValidate className="rfq-invite-form">
      <h3 className="rfq-subtitle">{t('purchasingRfq.panel.inviteTitle')}</h3>
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <div className="form-row">
        <TextField
          label={t('purchasingRfq.panel.supplierName')}
          required
          maxLength={200}
          autoComplete="organization"
          value={supplierName}
          error={errorOf('supplierName')}
          onChange={(event) => setSupplierName(event.target.value)}
        />
        <TextField
          label={t('purchasingRfq.panel.email')}
          hint={t('purchasingRfq.panel.emailHint')}
          type="email"
          maxLength={254}
          autoComplete="off"
          value={email}
          error={errorOf('email')}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('purchasingRfq.panel.expiresOn')}
          hint={t('purchasingRfq.panel.expiresHint')}
          type="date"
          required
          min={dateInDays(0)}
          value={expiresOn}
          error={errorOf('expiresAt')}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {t('purchasingRfq.panel.create')}
      </button>
    </form>
  );
}

/** The new link, once: copy it now, it is never shown again. */
function CreatedLink({ created, onDone }: { created: CreatedRfqInvitation; onDone: () => void }) {
  const { t } = useTranslation();
  const [isCopied, setIsCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.link);
      setIsCopied(true);
      setCopyFailed(false);
    } catch {
      setCopyFailed(true);
    }
  }

  return (
    <div className="rfq-link" role="status">
      <p className="rfq-link-title">
        {t('purchasingRfq.panel.linkFor', { supplier: created.invitation.supplierName })}
      </p>
      <p className="rfq-link-warning">{t('purchasingRfq.panel.linkOnce')}</p>
      {created.isMailed ? (
        <p>{t('purchasingRfq.panel.mailed', { email: created.invitation.email ?? '' })}</p>
      ) : null}
      <div className="rfq-link-row">
        <label htmlFor="rfq-link-value" className="visually-hidden">
          {t('purchasingRfq.panel.linkLabel')}
        </label>
        <input
          id="rfq-link-value"
          className="rfq-link-input"
          readOnly
          value={created.link}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {isCopied ? t('purchasingRfq.panel.copied') : t('purchasingRfq.panel.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('purchasingRfq.panel.hideLink')}
        </button>
      </div>
      {copyFailed ? <p className="field-error">{t('purchasingRfq.panel.copyFailed')}</p> : null}
    </div>
  );
}
