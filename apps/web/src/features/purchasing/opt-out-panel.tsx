import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type CampaignDetail } from '../../app/api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/feedback.tsx';
import { useFormatDate, useFormatMoney, useFormatNumber } from '../../components/format.ts';

/**
 * After the award, each of my companies sees what it would pay and may opt out (or come back)
 * until the opt-out deadline; the others' shares are then computed again.
 */
export function OptOutPanel({
  slug,
  campaign,
  onChange,
}: {
  slug: string;
  campaign: CampaignDetail;
  onChange: (next: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const [leaving, setLeaving] = useState<{ id: string; name: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const award = campaign.award;
  if (!award) return null;
  const canAct = !award.isFinal && campaign.myOrganisations.length > 0;

  async function decide(organisation: { id: string; name: string }, isOut: boolean) {
    setIsBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await api.optOut(slug, campaign.id, organisation.id, isOut);
      setDone(
        isOut
          ? t('purchasing.optOut.doneOut', { organisation: organisation.name })
          : t('purchasing.optOut.doneIn', { organisation: organisation.name }),
      );
      setLeaving(null);
      onChange(next);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      setLeaving(null);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="opt-out-title">
      <h2 id="opt-out-title" className="card-title">
        {t('purchasing.optOut.title')}
      </h2>
      <p className="muted">
        {award.isFinal || !award.optOutDeadline
          ? t('purchasing.optOut.final')
          : t('purchasing.optOut.until', { date: formatDate(award.optOutDeadline, true) })}
      </p>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {error ? <ErrorBanner error={error} /> : null}
      <ul className="opt-out-list">
        {campaign.myCommitments.map((commitment) => {
          const share = award.shares.find((s) => s.organisationId === commitment.organisationId);
          const organisation = { id: commitment.organisationId, name: commitment.organisationName };
          return (
            <li key={commitment.organisationId} className="opt-out-item">
              <div>
                <strong>{commitment.organisationName}</strong>
                {commitment.optedOutAt ? (
                  <p>
                    <span className="badge badge-opted-out">{t('purchasing.optOut.out')}</span>{' '}
                    {t('purchasing.optOut.outSince', { date: formatDate(commitment.optedOutAt, true) })}
                  </p>
                ) : share ? (
                  <p>
                    {t('purchasing.optOut.youPay', {
                      amount: formatMoney(share.shareCents),
                      quantity: formatNumber(share.quantity),
                      unit: campaign.unit,
                      price: formatMoney(Math.round(share.shareCents / share.quantity)),
                    })}
                  </p>
                ) : null}
              </div>
              {canAct ? (
                commitment.optedOutAt ? (
                  <button
                    type="button"
                    className="button"
                    disabled={isBusy}
                    onClick={() => void decide(organisation, false)}
                  >
                    {t('purchasing.optOut.rejoin')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={isBusy}
                    onClick={() => setLeaving(organisation)}
                  >
                    {t('purchasing.optOut.leave')}
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        isOpen={leaving !== null}
        title={t('purchasing.optOut.confirmTitle', { organisation: leaving?.name ?? '' })}
        confirmLabel={t('purchasing.optOut.leave')}
        isBusy={isBusy}
        onConfirm={() => leaving && void decide(leaving, true)}
        onCancel={() => setLeaving(null)}
      >
        <p>{t('purchasing.optOut.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
