import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type Application, api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useBandLabel } from '../../components/reference.tsx';
import { CategoryBadge } from '../directory/labels.tsx';
import { useSizeRuleText } from './join-page.tsx';

const ORDER: Record<Application['status'], number> = { pending: 0, approved: 1, rejected: 2, withdrawn: 3 };

/** Membership applications, pending first, with the size-rule check; approve, or reject with a reason. */
export function ApplicationsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const applications = useApi(() => api.applications(slug), `applications-${slug}`);
  const settings = useApi(() => api.settings(slug), `settings-${slug}`);
  const sizeRule = useSizeRuleText();
  const rule = settings.data ? sizeRule(settings.data.minStaff, settings.data.maxStaff) : null;
  const [toReject, setToReject] = useState<Application | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reasonId = useId();

  async function decide(application: Application, decision: 'approve' | 'reject', why = '') {
    setBusyId(application.id);
    setError(null);
    setDone(null);
    try {
      await api.decide(slug, application.id, decision, why);
      setDone(
        t(decision === 'approve' ? 'applications.approved' : 'applications.rejectedDone', {
          organisation: application.organisation.name,
        }),
      );
      setToReject(null);
      setReason('');
      applications.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setBusyId(null);
    }
  }

  if (applications.state === 'loading') return <Loading />;
  if (applications.state === 'failed')
    return <ErrorBanner error={applications.error} onRetry={applications.reload} />;
  const sorted = [...applications.data.applications].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt),
  );
  const pending = sorted.filter((a) => a.status === 'pending').length;

  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title" className="visually-hidden">
        {t('membership.tab.applications')}
      </h2>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {error && !toReject ? <ErrorBanner error={error} /> : null}
      <p className="muted">
        {t('applications.pendingCount', { count: pending })}
        {rule ? ` ${t('applications.rule', { rule })}` : ''}
      </p>
      {sorted.length === 0 ? (
        <EmptyState title={t('applications.empty')}>{t('applications.emptyHint')}</EmptyState>
      ) : (
        <ul className="applications">
          {sorted.map((application) => (
            <ApplicationCard
              key={application.id}
              slug={slug}
              application={application}
              isBusy={busyId === application.id}
              onApprove={() => void decide(application, 'approve')}
              onReject={() => {
                setError(null);
                setReason('');
                setToReject(application);
              }}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={toReject !== null}
        title={t('applications.rejectTitle', { organisation: toReject?.organisation.name ?? '' })}
        confirmLabel={t('applications.reject')}
        isBusy={busyId !== null}
        isConfirmDisabled={reason.trim() === ''}
        onConfirm={() => toReject && void decide(toReject, 'reject', reason.trim())}
        onCancel={() => setToReject(null)}
      >
        <p>{t('applications.rejectText')}</p>
        {error && toReject ? <ErrorBanner error={error} /> : null}
        <div className="field">
          <label htmlFor={reasonId}>{t('applications.reason')}</label>
          <textarea
            id={reasonId}
            rows={3}
            maxLength={2000}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      </ConfirmDialog>
    </section>
  );
}

function ApplicationCard({
  slug,
  application,
  isBusy,
  onApprove,
  onReject,
}: {
  slug: string;
  application: Application;
  isBusy: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const bandLabel = useBandLabel();
  const titleId = useId();
  const { organisation } = application;
  return (
    <li className="card application" aria-labelledby={titleId}>
      <div className="application-head">
        <div className="application-title">
          <h3 id={titleId}>
            {application.status === 'approved' ? (
              <Link to={`/n/${slug}/organisations/${organisation.id}`}>{organisation.name}</Link>
            ) : (
              organisation.name
            )}
          </h3>
          {organisation.category ? <CategoryBadge category={organisation.category} /> : null}
        </div>
        <span className={`badge badge-application badge-application-${application.status}`}>
          {t(`applications.status.${application.status}`)}
        </span>
      </div>
      <dl className="application-facts">
        <div>
          <dt>{t('organisation.siret')}</dt>
          <dd>{organisation.siret ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('organisation.headcount')}</dt>
          <dd>
            {organisation.headcountBand
              ? bandLabel(organisation.headcountBand)
              : t('organisation.notProvided')}{' '}
            <span className={`badge badge-fit badge-fit-${application.sizeFit}`}>
              {t(`applications.fit.${application.sizeFit}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('applications.applicant')}</dt>
          <dd>
            {application.applicant.displayName} ·{' '}
            <a href={`mailto:${application.applicant.email}`}>{application.applicant.email}</a>
          </dd>
        </div>
        <div>
          <dt>{t('applications.received')}</dt>
          <dd>{formatDate(application.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('applications.charter')}</dt>
          <dd>
            {application.charterVersion
              ? t('applications.charterAccepted', { version: application.charterVersion })
              : t('applications.noCharter')}
          </dd>
        </div>
      </dl>
      {application.message ? (
        <blockquote className="application-message">{application.message}</blockquote>
      ) : null}
      {application.status === 'rejected' && application.decisionReason ? (
        <p className="small">
          <strong>{t('applications.reasonGiven')}</strong> {application.decisionReason}
        </p>
      ) : null}
      {application.status === 'pending' ? (
        <div className="application-actions">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={isBusy}
            aria-label={t('applications.approveFor', { organisation: organisation.name })}
            onClick={onApprove}
          >
            {t('applications.approve')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={isBusy}
            aria-label={t('applications.rejectFor', { organisation: organisation.name })}
            onClick={onReject}
          >
            {t('applications.reject')}
          </button>
        </div>
      ) : application.decidedAt ? (
        <p className="muted small">
          {t('applications.decidedOn', { date: formatDate(application.decidedAt) })}
        </p>
      ) : null}
    </li>
  );
}
