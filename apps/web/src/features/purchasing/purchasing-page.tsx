import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type CampaignSummary } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { type EligibilityDraft, EligibilityFields, OPEN_TO_ALL } from './eligibility.tsx';

export const ALLOCATION_RULES = ['equal-unit-price', 'proportional-with-fixed-costs', 'shapley'] as const;

/** The purchase campaigns of a network, newest deadline first; staff open new ones here. */
export function PurchasingPage() {
  const { t } = useTranslation();
  const title = t('capability.purchasing.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const campaigns = useApi(() => api.campaigns(slug), `campaigns-${slug}`);
  const [isCreating, setIsCreating] = useState(false);

  if (campaigns.state === 'loading') return <Loading />;
  if (campaigns.state === 'failed') {
    if (campaigns.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={campaigns.error} onRetry={campaigns.reload} />
      </div>
    );
  }
  const { canManage } = campaigns.data;
  return (
    <div className="page">
      <header className="page-header savings-header">
        <div className="page-header-icon">
          <Icon name="purchasing" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('purchasing.intro')}</p>
        </div>
        <Link
          className="button button-secondary button-small savings-link"
          to={`/n/${slug}/purchasing/savings`}
        >
          {t('purchasingSavings.link')}
        </Link>
      </header>
      {canManage && !isCreating ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => setIsCreating(true)}>
            {t('purchasing.new')}
          </button>
        </p>
      ) : null}
      {isCreating ? <NewCampaignForm slug={slug} onCancel={() => setIsCreating(false)} /> : null}
      {campaigns.data.campaigns.length === 0 ? (
        <EmptyState title={t('purchasing.empty')}>
          {canManage ? t('purchasing.emptyHintStaff') : t('purchasing.emptyHint')}
        </EmptyState>
      ) : (
        <ul className="campaigns">
          {campaigns.data.campaigns.map((campaign) => (
            <CampaignCard key={campaign.id} slug={slug} campaign={campaign} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: CampaignSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-campaign-${status}`}>{t(`purchasing.status.${status}`)}</span>;
}

function CampaignCard({ slug, campaign }: { slug: string; campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className="card campaign-card">
      <div className="campaign-card-head">
        <h2 className="card-title">
          <Link to={`/n/${slug}/purchasing/${campaign.id}`}>{campaign.title}</Link>
        </h2>
        <StatusBadge status={campaign.status} />
      </div>
      <p className="muted">
        {[
          campaign.category,
          t('purchasing.unitIs', { unit: campaign.unit }),
          t('purchasing.deadlineOn', { date: formatDate(campaign.commitmentDeadline, true) }),
          t(`purchasing.rule.${campaign.allocationRule}.name`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}

/** Opening a campaign: what is bought, in which unit, until when, and the rule that splits the cost. */
function NewCampaignForm({ slug, onCancel }: { slug: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [specification, setSpecification] = useState('');
  const [unit, setUnit] = useState('');
  const [deadline, setDeadline] = useState('');
  const [rule, setRule] = useState<(typeof ALLOCATION_RULES)[number]>('equal-unit-price');
  const [eligibility, setEligibility] = useState<EligibilityDraft>(OPEN_TO_ALL);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const created = await api.createCampaign(slug, {
        title,
        category,
        specification,
        unit,
        // A local date and time from the picker, sent with its offset.
        commitmentDeadline: deadline ? new Date(deadline).toISOString() : '',
        allocationRule: rule,
        eligibility,
      });
      void navigate(`/n/${slug}/purchasing/${created.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="new-campaign-title">
      <h2 id="new-campaign-title" className="card-title">
        {t('purchasing.new')}
      </h2>
      <form onSubmit={submit} noValidate>
        {error && !error.field ? <ErrorBanner error={error} /> : null}
        <TextField
          label={t('purchasing.field.title')}
          required
          maxLength={200}
          value={title}
          error={fieldError(error, 'title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="form-row">
          <TextField
            label={t('purchasing.field.category')}
            maxLength={120}
            value={category}
            error={fieldError(error, 'category')}
            onChange={(event) => setCategory(event.target.value)}
          />
          <TextField
            label={t('purchasing.field.unit')}
            hint={t('purchasing.field.unitHint')}
            required
            maxLength={40}
            value={unit}
            error={fieldError(error, 'unit')}
            onChange={(event) => setUnit(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="campaign-specification">{t('purchasing.field.specification')}</label>
          <textarea
            id="campaign-specification"
            rows={4}
            maxLength={5000}
            value={specification}
            onChange={(event) => setSpecification(event.target.value)}
          />
        </div>
        <TextField
          label={t('purchasing.field.deadline')}
          type="datetime-local"
          required
          value={deadline}
          error={fieldError(error, 'commitmentDeadline')}
          onChange={(event) => setDeadline(event.target.value)}
        />
        <fieldset className="form-group">
          <legend>{t('purchasing.field.rule')}</legend>
          <p className="field-hint">{t('purchasing.field.ruleHint')}</p>
          {ALLOCATION_RULES.map((value) => (
            <div className="check" key={value}>
              <input
                id={`rule-${value}`}
                type="radio"
                name="allocation-rule"
                checked={rule === value}
                onChange={() => setRule(value)}
              />
              <label htmlFor={`rule-${value}`}>
                <strong>{t(`purchasing.rule.${value}.name`)}</strong> — {t(`purchasing.rule.${value}.text`)}
              </label>
            </div>
          ))}
        </fieldset>
        <EligibilityFields
          value={eligibility}
          onChange={setEligibility}
          error={fieldError(error, 'eligibility')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('purchasing.open')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
