import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type MemberOrganisation } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate, useFormatMoney } from '../../components/format.ts';
import { CategoryBadge } from '../directory/labels.tsx';

type DuesKind = 'entry' | 'yearly';

/** Member organisations: who accepted which charter, and the dues of a year, paid or not. */
export function MembersTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const members = useApi(() => api.members(slug, year), `members-${slug}-${year}`);
  const settings = useApi(() => api.settings(slug), `settings-${slug}`);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [onlyUnpaid, setOnlyUnpaid] = useState(false);

  async function record(member: MemberOrganisation, kind: DuesKind, paid: boolean) {
    const current = kind === 'entry' ? member.entryFee : member.yearlyDues;
    const fallback = kind === 'entry' ? settings.data?.entryFeeCents : settings.data?.yearlyDuesCents;
    setBusy(`${member.organisation.id}-${kind}`);
    setError(null);
    try {
      await api.recordDues(slug, {
        organisationId: member.organisation.id,
        kind,
        year,
        amountCents: current?.amountCents ?? fallback ?? 0,
        paid,
      });
      members.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setBusy(null);
    }
  }

  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  return (
    <section aria-labelledby="members-title">
      <div className="row-between members-bar">
        <h2 id="members-title" className="card-title">
          {t('members.title')}
          {members.state === 'ready' ? <span className="count">{members.data.members.length}</span> : null}
        </h2>
        <div className="field field-inline">
          <label htmlFor="members-year">{t('members.year')}</label>
          <select id="members-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      {members.state === 'loading' ? <Loading /> : null}
      {members.state === 'failed' ? <ErrorBanner error={members.error} onRetry={members.reload} /> : null}
      {members.state === 'ready' && members.data.members.length === 0 ? (
        <EmptyState title={t('members.empty')}>{t('members.emptyHint')}</EmptyState>
      ) : null}
      {members.state === 'ready' && members.data.members.length > 0 ? (
        <div className="members-summary">
          <p>
            {t('members.duesSummary', {
              year,
              paid: members.data.members.filter((m) => m.yearlyDues?.paidAt).length,
              count: members.data.members.length,
            })}
          </p>
          <div className="check">
            <input
              id="members-unpaid"
              type="checkbox"
              checked={onlyUnpaid}
              onChange={(event) => setOnlyUnpaid(event.target.checked)}
            />
            <label htmlFor="members-unpaid">{t('members.onlyUnpaid', { year })}</label>
          </div>
        </div>
      ) : null}
      {members.state === 'ready' && members.data.members.length > 0 ? (
        <table className="table members-table">
          <thead>
            <tr>
              <th scope="col">{t('members.organisation')}</th>
              <th scope="col">{t('members.charter')}</th>
              <th scope="col">{t('members.entryFee')}</th>
              <th scope="col">{t('members.yearlyDues', { year })}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.members
              .filter((member) => !onlyUnpaid || !member.yearlyDues?.paidAt)
              .map((member) => (
                <MemberRow
                  key={member.organisation.id}
                  slug={slug}
                  member={member}
                  busy={busy}
                  onRecord={(kind, paid) => void record(member, kind, paid)}
                />
              ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function MemberRow({
  slug,
  member,
  busy,
  onRecord,
}: {
  slug: string;
  member: MemberOrganisation;
  busy: string | null;
  onRecord: (kind: DuesKind, paid: boolean) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { organisation } = member;
  return (
    <tr>
      <th scope="row" data-label={t('members.organisation')}>
        <span className="member-name">
          <Link to={`/n/${slug}/organisations/${organisation.id}`}>{organisation.name}</Link>
          {organisation.category ? <CategoryBadge category={organisation.category} /> : null}
        </span>
        <span className="muted small cell-stack">
          {[organisation.commune, t('members.joined', { date: formatDate(member.joinedAt) })]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </th>
      <td data-label={t('members.charter')}>
        {member.charterVersion ? (
          <>
            <span className="cell-stack">
              {t('members.charterVersion', { version: member.charterVersion })}
            </span>
            <span className="muted small cell-stack">
              {member.charterAcceptedBy
                ? t('members.acceptedBy', {
                    name: member.charterAcceptedBy,
                    date: member.charterAcceptedAt ? formatDate(member.charterAcceptedAt) : '—',
                  })
                : member.charterAcceptedAt
                  ? t('members.acceptedOn', { date: formatDate(member.charterAcceptedAt) })
                  : null}
            </span>
          </>
        ) : (
          <span className="muted">{t('members.noCharter')}</span>
        )}
      </td>
      <td data-label={t('members.entryFee')}>
        <Dues
          dues={member.entryFee}
          organisation={organisation.name}
          kindLabel={t('members.entryFee')}
          isBusy={busy === `${organisation.id}-entry`}
          onRecord={(paid) => onRecord('entry', paid)}
        />
      </td>
      <td data-label={t('members.yearlyDuesShort')}>
        <Dues
          dues={member.yearlyDues}
          organisation={organisation.name}
          kindLabel={t('members.yearlyDuesShort')}
          isBusy={busy === `${organisation.id}-yearly`}
          onRecord={(paid) => onRecord('yearly', paid)}
        />
      </td>
    </tr>
  );
}

function Dues({
  dues,
  organisation,
  kindLabel,
  isBusy,
  onRecord,
}: {
  dues: MemberOrganisation['entryFee'];
  organisation: string;
  kindLabel: string;
  isBusy: boolean;
  onRecord: (paid: boolean) => void;
}) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const isPaid = Boolean(dues?.paidAt);
  return (
    <span className="dues">
      <span>
        {dues ? <strong>{formatMoney(dues.amountCents)}</strong> : null}{' '}
        {isPaid && dues?.paidAt ? (
          <span className="badge badge-paid">{t('members.paidOn', { date: formatDate(dues.paidAt) })}</span>
        ) : (
          <span className="badge badge-unpaid">{t('members.unpaid')}</span>
        )}
      </span>
      <button
        type="button"
        className={isPaid ? 'link-button link-quiet small' : 'button button-secondary button-small'}
        disabled={isBusy}
        aria-label={t(isPaid ? 'members.markUnpaidFor' : 'members.markPaidFor', {
          kind: kindLabel,
          organisation,
        })}
        onClick={() => onRecord(!isPaid)}
      >
        {isPaid ? t('members.markUnpaid') : t('members.markPaid')}
      </button>
    </span>
  );
}
