import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { PeerNav } from '../groups/peer-nav.tsx';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { type Alert, type AlertAcknowledgements, alertsApi, announceAlertsChanged } from './alerts-api.ts';

/**
 * Alerts of a network: raise one (what happened, what to check now), read them, acknowledge for
 * my company; staff follow who has not acknowledged, remind them and close the alert.
 */
export function AlertsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { hash } = useLocation();
  usePageTitle(t('alerts.title'));
  const list = useApi(() => alertsApi.list(slug), `alerts:${slug}`);
  const [isRaising, setIsRaising] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // A link from a notification or an e-mail scrolls to its alert once the list is there.
  useEffect(() => {
    if (list.state !== 'ready' || !hash) return;
    document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [list.state, hash]);

  if (list.state === 'failed' && list.error.code === 'NETWORK_NOT_FOUND') return <NetworkUnavailable />;
  const open = list.data?.alerts.filter((a) => !a.closedAt) ?? [];
  const closed = list.data?.alerts.filter((a) => a.closedAt) ?? [];
  return (
    <div className="page">
      <PeerNav slug={slug} />
      <header className="row-between alerts-header">
        <div>
          <h1>{t('alerts.title')}</h1>
          <p className="muted">{t('alerts.subtitle')}</p>
        </div>
        {list.data?.canRaise && !isRaising ? (
          <button type="button" className="button button-danger" onClick={() => setIsRaising(true)}>
            {t('alerts.raise.open')}
          </button>
        ) : null}
      </header>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      {isRaising ? (
        <RaiseForm
          slug={slug}
          onCancel={() => setIsRaising(false)}
          onRaised={() => {
            setIsRaising(false);
            setNotice(t('alerts.raise.done'));
            list.reload();
            announceAlertsChanged();
          }}
        />
      ) : null}
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'failed' ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' ? (
        <>
          <h2 className="alerts-section-title">{t('alerts.open', { count: open.length })}</h2>
          {open.length === 0 ? (
            <EmptyState title={t('alerts.noOpen')}>{t('alerts.noOpenHint')}</EmptyState>
          ) : (
            <ul className="alert-list">
              {open.map((alert) => (
                <AlertCard
                  key={alert.id}
                  slug={slug}
                  alert={alert}
                  canManage={list.data.canManage}
                  onChanged={(message) => {
                    if (message) setNotice(message);
                    list.reload();
                    announceAlertsChanged();
                  }}
                />
              ))}
            </ul>
          )}
          {closed.length > 0 ? (
            <>
              <h2 className="alerts-section-title">{t('alerts.closed', { count: closed.length })}</h2>
              <ul className="alert-list">
                {closed.map((alert) => (
                  <AlertCard
                    key={alert.id}
                    slug={slug}
                    alert={alert}
                    canManage={list.data.canManage}
                    onChanged={() => list.reload()}
                  />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function RaiseForm({
  slug,
  onCancel,
  onRaised,
}: {
  slug: string;
  onCancel: () => void;
  onRaised: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [checklist, setChecklist] = useState('');
  const [isAnonymous, setIsAnonymous] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await alertsApi.raise(slug, {
        title,
        description,
        checklist: checklist.split('\n').map((line) => line.replace(/^\s*[-•*]\s*/, '').trim()),
        isAnonymous,
      });
      onRaised();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  const descriptionError = fieldError(error, 'description');
  const checklistError = fieldError(error, 'checklist');
  return (
    <form className="card alert-form" onSubmit={submit} noValidate>
      <h2 className="alert-form-title">{t('alerts.raise.title')}</h2>
      <p className="muted">{t('alerts.raise.hint')}</p>
      {error && !fieldError(error, 'title') && !descriptionError && !checklistError ? (
        <ErrorBanner error={error} />
      ) : null}
      <TextField
        label={t('alerts.field.title')}
        placeholder={t('alerts.field.titlePlaceholder')}
        required
        maxLength={200}
        value={title}
        error={fieldError(error, 'title')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className={descriptionError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-description`}>{t('alerts.field.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={5}
          maxLength={8000}
          required
          value={description}
          placeholder={t('alerts.field.descriptionPlaceholder')}
          aria-invalid={descriptionError ? true : undefined}
          onChange={(event) => setDescription(event.target.value)}
        />
        {descriptionError ? <p className="field-error">{descriptionError}</p> : null}
      </div>
      <div className={checklistError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-checklist`}>{t('alerts.field.checklist')}</label>
        <textarea
          id={`${id}-checklist`}
          rows={4}
          value={checklist}
          placeholder={t('alerts.field.checklistPlaceholder')}
          aria-describedby={`${id}-checklist-hint`}
          onChange={(event) => setChecklist(event.target.value)}
        />
        <p id={`${id}-checklist-hint`} className="field-hint">
          {t('alerts.field.checklistHint')}
        </p>
        {checklistError ? <p className="field-error">{checklistError}</p> : null}
      </div>
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={isAnonymous}
          onChange={(event) => setIsAnonymous(event.target.checked)}
        />
        <span>
          {t('alerts.field.anonymous')}
          <span className="field-hint">{t('alerts.field.anonymousHint')}</span>
        </span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-danger button-wraps" disabled={isBusy}>
          {t('alerts.raise.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function AlertCard({
  slug,
  alert,
  canManage,
  onChanged,
}: {
  slug: string;
  alert: Alert;
  canManage: boolean;
  onChanged: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const isOpen = alert.closedAt === null;

  async function run(key: string, work: () => Promise<unknown>, message?: string) {
    setBusy(key);
    setError(null);
    try {
      await work();
      onChanged(message);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(null);
    }
  }

  const raiser = alert.raisedBy
    ? [alert.raisedBy.organisationName, alert.raisedBy.personName].filter(Boolean).join(' — ')
    : t('alerts.anonymousRaiser');
  return (
    <li id={`alert-${alert.id}`} className={isOpen ? 'card alert-card alert-card-open' : 'card alert-card'}>
      <div className="alert-card-head">
        <span className={isOpen ? 'badge badge-alert-open' : 'badge badge-alert-closed'}>
          {isOpen ? t('alerts.status.open') : t('alerts.status.closed')}
        </span>
        <h3>{alert.title}</h3>
      </div>
      <p className="muted alert-meta">
        {t('alerts.raisedOn', { date: formatDate(alert.createdAt, true), who: raiser })}
        {alert.isAnonymous && alert.raisedBy ? ` · ${t('alerts.anonymousToMembers')}` : null}
        {alert.closedAt ? ` · ${t('alerts.closedOn', { date: formatDate(alert.closedAt, true) })}` : null}
      </p>
      <p className="alert-description">{alert.description}</p>
      {alert.checklist.length > 0 ? (
        <div className="alert-checklist">
          <h4>{t('alerts.checklist')}</h4>
          <ul>
            {alert.checklist.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are plain text that may repeat.
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="alert-progress">
        {t('alerts.progress', { done: alert.acknowledgedCount, total: alert.organisationCount })}
      </p>
      <ErrorBanner error={error} />
      {alert.myOrganisations.length > 0 ? (
        <ul className="alert-mine">
          {alert.myOrganisations.map((organisation) =>
            organisation.acknowledgedAt ? (
              <li key={organisation.id} className="alert-acknowledged">
                ✓{' '}
                {organisation.acknowledgedBy
                  ? t('alerts.acknowledgedBy', {
                      organisation: organisation.name,
                      who: organisation.acknowledgedBy,
                      date: formatDate(organisation.acknowledgedAt, true),
                    })
                  : t('alerts.acknowledgedOn', {
                      organisation: organisation.name,
                      date: formatDate(organisation.acknowledgedAt, true),
                    })}
              </li>
            ) : isOpen ? (
              <li key={organisation.id}>
                <button
                  type="button"
                  className="button button-primary button-wraps"
                  disabled={busy !== null}
                  onClick={() =>
                    run(`ack-${organisation.id}`, () =>
                      alertsApi.acknowledge(slug, alert.id, { organisationId: organisation.id }),
                    )
                  }
                >
                  {t('alerts.acknowledgeFor', { organisation: organisation.name })}
                </button>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {canManage ? <StaffFollowUp slug={slug} alert={alert} onChanged={onChanged} /> : null}
    </li>
  );
}

function StaffFollowUp({
  slug,
  alert,
  onChanged,
}: {
  slug: string;
  alert: Alert;
  onChanged: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [isShown, setIsShown] = useState(false);
  const [detail, setDetail] = useState<AlertAcknowledgements | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<'remind' | 'close' | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isOpen = alert.closedAt === null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the counts change.
  useEffect(() => {
    if (!isShown) return;
    alertsApi.acknowledgements(slug, alert.id).then(setDetail, (caught: ApiError) => setError(caught));
  }, [isShown, slug, alert.id, alert.acknowledgedCount, alert.lastRemindedAt]);

  async function confirm() {
    setIsBusy(true);
    setError(null);
    try {
      if (confirming === 'remind') {
        const result = await alertsApi.remind(slug, alert.id);
        onChanged(t('alerts.staff.reminded', { count: result.remindedOrganisations, mails: result.mails }));
      } else {
        await alertsApi.close(slug, alert.id);
        onChanged(t('alerts.staff.closedDone'));
      }
      setConfirming(null);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  const pendingCount = alert.organisationCount - alert.acknowledgedCount;
  return (
    <div className="alert-staff">
      <div className="alert-staff-actions">
        <button
          type="button"
          className="button button-small button-secondary"
          aria-expanded={isShown}
          onClick={() => setIsShown((shown) => !shown)}
        >
          {isShown ? t('alerts.staff.hide') : t('alerts.staff.show')}
        </button>
        {isOpen ? (
          <>
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={pendingCount <= 0}
              onClick={() => setConfirming('remind')}
            >
              {t('alerts.staff.remind', { count: Math.max(0, pendingCount) })}
            </button>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setConfirming('close')}
            >
              {t('alerts.staff.close')}
            </button>
          </>
        ) : null}
        {alert.lastRemindedAt ? (
          <span className="muted">
            {t('alerts.staff.lastReminded', { date: formatDate(alert.lastRemindedAt, true) })}
          </span>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {isShown && detail ? (
        <div className="alert-follow-up">
          <section>
            <h4>{t('alerts.staff.pending', { count: detail.pending.length })}</h4>
            {detail.pending.length === 0 ? (
              <p className="muted">{t('alerts.staff.nobodyPending')}</p>
            ) : (
              <ul className="alert-org-list alert-org-columns">
                {detail.pending.map((organisation) => (
                  <li key={organisation.id}>{organisation.name}</li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h4>{t('alerts.staff.acknowledged', { count: detail.acknowledged.length })}</h4>
            {detail.acknowledged.length === 0 ? (
              <p className="muted">{t('alerts.staff.nobodyYet')}</p>
            ) : (
              <ul className="alert-org-list">
                {detail.acknowledged.map((ack) => (
                  <li key={ack.organisationId}>
                    <strong>{ack.organisationName}</strong>{' '}
                    <span className="muted">
                      {ack.personName
                        ? t('alerts.staff.ackLine', {
                            who: ack.personName,
                            date: formatDate(ack.acknowledgedAt, true),
                          })
                        : t('alerts.staff.ackLineNoName', { date: formatDate(ack.acknowledgedAt, true) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming === 'remind' ? t('alerts.staff.remindTitle') : t('alerts.staff.closeTitle')}
        confirmLabel={
          confirming === 'remind' ? t('alerts.staff.remindConfirm') : t('alerts.staff.closeConfirm')
        }
        isBusy={isBusy}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {confirming === 'remind'
            ? t('alerts.staff.remindText', { count: Math.max(0, pendingCount) })
            : t('alerts.staff.closeText')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
