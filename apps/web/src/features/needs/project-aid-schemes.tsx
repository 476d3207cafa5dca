import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { eurosToCents } from '../../components/format.ts';
import { LevelBadge, MatchChecks, VerdictBadge } from './aid-schemes-page.tsx';

/** The open aid schemes a collective project may claim, and why, checked with an amount to ask for. */
export function ProjectAidSchemes({ slug, projectId }: { slug: string; projectId: string }) {
  const { t } = useTranslation();
  const [amountText, setAmountText] = useState('');
  const [amountCents, setAmountCents] = useState<number | undefined>(undefined);
  const [isAmountInvalid, setIsAmountInvalid] = useState(false);
  const result = useApi(
    () => api.projectAidSchemes(slug, projectId, amountCents),
    `project-aid-${slug}-${projectId}-${amountCents ?? ''}`,
  );

  function check(event: React.FormEvent) {
    event.preventDefault();
    if (amountText.trim() === '') {
      setIsAmountInvalid(false);
      setAmountCents(undefined);
      return;
    }
    const cents = eurosToCents(amountText);
    setIsAmountInvalid(cents === null);
    if (cents !== null) setAmountCents(cents);
  }

  return (
    <section aria-labelledby="project-aid-title" className="aid-project">
      <h2 id="project-aid-title">{t('aidSchemes.project.title')}</h2>
      <form className="aid-amount-form" onSubmit={check}>
        <div className={isAmountInvalid ? 'field field-invalid' : 'field'}>
          <label htmlFor="project-aid-amount">{t('aidSchemes.project.amount')}</label>
          <input
            id="project-aid-amount"
            inputMode="decimal"
            value={amountText}
            aria-invalid={isAmountInvalid || undefined}
            onChange={(event) => setAmountText(event.target.value)}
          />
          {isAmountInvalid ? <p className="field-error">{t('aidSchemes.form.amountInvalid')}</p> : null}
        </div>
        <button type="submit" className="button button-secondary">
          {t('aidSchemes.project.check')}
        </button>
      </form>
      {result.state === 'loading' ? <Loading /> : null}
      {result.state === 'failed' ? <ErrorBanner error={result.error} onRetry={result.reload} /> : null}
      {result.state === 'ready' ? (
        result.data.matches.length === 0 ? (
          <EmptyState title={t('aidSchemes.project.none')}>{t('aidSchemes.project.noneHint')}</EmptyState>
        ) : (
          <ul className="aid-matches">
            {result.data.matches.map((match) => (
              <li key={match.scheme.id} className="card aid-match">
                <div className="aid-card-head">
                  <strong>{match.scheme.name}</strong>
                  <span className="aid-badges">
                    <LevelBadge level={match.scheme.level} />
                    <VerdictBadge verdict={match.verdict} />
                  </span>
                </div>
                <MatchChecks match={match} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
