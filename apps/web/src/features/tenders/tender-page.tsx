import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { NotFoundPage } from '../../components/not-found.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { GroupementSection } from './groupement-section.tsx';
import { CoverageMatrix, TenderMap } from './tender-map.tsx';
import { type ConsortiumRun, type TenderDetail, tendersApi } from './tenders-api.ts';

/** A tender: its lots and requirements; staff compose the groupings that answer it. */
export function TenderPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const tender = useApi(() => tendersApi.get(slug, id), `tender-${slug}-${id}`);
  const formatDate = useFormatDate();
  // A new run of the builder brings new proposals to record: the groupement section reloads.
  const [runs, setRuns] = useState(0);
  usePageTitle(tender.state === 'ready' ? tender.data.title : t('capability.tenders.title'));

  if (tender.state === 'loading') return <Loading />;
  if (tender.state === 'failed') {
    if (tender.error.status === 404) return <NotFoundPage />;
    return (
      <div className="page">
        <ErrorBanner error={tender.error} onRetry={tender.reload} />
      </div>
    );
  }
  const data = tender.data;
  return (
    <div className="page">
      <p>
        <Link to={`/n/${slug}/tenders`}>← {t('capability.tenders.title')}</Link>
      </p>
      <header>
        <h1>{data.title}</h1>
        <p className="muted">
          {[
            data.buyer,
            data.submissionDeadline
              ? t('tenders.deadlineOn', { date: formatDate(data.submissionDeadline, true) })
              : null,
            t(`tenders.source.${data.source}`),
            data.noticeId ? t('tenders.notice', { id: data.noticeId }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      <section aria-labelledby="tender-lots">
        <h2 id="tender-lots">{t('tenders.lots')}</h2>
        {data.lots.map((lot) => (
          <article className="card" key={lot.id}>
            <h3 className="card-title">
              {lot.id} — {lot.title}
            </h3>
            {lot.place || lot.cpvCodes.length > 0 ? (
              <p className="muted">
                {[lot.place, lot.cpvCodes.length > 0 ? `CPV ${lot.cpvCodes.join(', ')}` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ) : null}
            {lot.requirements.length === 0 ? (
              <p className="muted">{t('tenders.noRequirement')}</p>
            ) : (
              <ul>
                {lot.requirements.map((req) => (
                  <li key={req.id}>
                    {t(`tenders.kind.${req.kind}`)} : <strong>{req.label}</strong>
                    {req.quantity > 0 ? ` — ${t('tenders.quantity', { quantity: req.quantity })}` : null}
                  </li>
                ))}
              </ul>
            )}
            {data.unmappedCpv[lot.id]?.length ? (
              <p className="field-hint">
                {t('tenders.unmapped', { codes: data.unmappedCpv[lot.id]?.join(', ') })}
              </p>
            ) : null}
          </article>
        ))}
      </section>
      {data.canManage ? (
        <ConsortiumBuilder slug={slug} tender={data} onRun={() => setRuns((count) => count + 1)} />
      ) : null}
      {!data.canManage && data.lastRun ? <RunResult run={data.lastRun} /> : null}
      <GroupementSection key={runs} slug={slug} tenderId={data.id} lots={data.lots} />
    </div>
  );
}

/** Bounds of the builder, pinned and excluded companies, and the proposed groupings. */
function ConsortiumBuilder({
  slug,
  tender,
  onRun,
}: {
  slug: string;
  tender: TenderDetail;
  onRun: () => void;
}) {
  const { t } = useTranslation();
  const [minMembers, setMinMembers] = useState(String(tender.lastRun?.bounds.minMembers ?? 2));
  const [maxMembers, setMaxMembers] = useState(String(tender.lastRun?.bounds.maxMembers ?? 5));
  const [maxDistance, setMaxDistance] = useState(
    tender.lastRun?.bounds.maxDistanceKm ? String(tender.lastRun.bounds.maxDistanceKm) : '',
  );
  const [choice, setChoice] = useState<Record<string, 'pinned' | 'excluded' | ''>>(() => {
    const initial: Record<string, 'pinned' | 'excluded' | ''> = {};
    for (const id of tender.lastRun?.bounds.pinned ?? []) initial[id] = 'pinned';
    for (const id of tender.lastRun?.bounds.excluded ?? []) initial[id] = 'excluded';
    return initial;
  });
  const [run, setRun] = useState<ConsortiumRun | null>(tender.lastRun);
  const [pinnedTeam, setPinnedTeam] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function compose(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const picked = (kind: 'pinned' | 'excluded') =>
        Object.entries(choice)
          .filter(([, value]) => value === kind)
          .map(([id]) => id);
      setRun(
        await tendersApi.runConsortium(slug, tender.id, {
          minMembers: Number(minMembers) || 2,
          maxMembers: Number(maxMembers) || 5,
          maxDistanceKm: Number(maxDistance) > 0 ? Number(maxDistance) : null,
          pinned: picked('pinned'),
          excluded: picked('excluded'),
        }),
      );
      onRun();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="consortium-title">
      <h2 id="consortium-title">{t('tenders.builder.title')}</h2>
      <p className="muted">{t('tenders.builder.intro')}</p>
      <form className="card" onSubmit={compose} noValidate>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="form-row">
          <TextField
            label={t('tenders.builder.minMembers')}
            type="number"
            min={1}
            max={10}
            value={minMembers}
            onChange={(event) => setMinMembers(event.target.value)}
          />
          <TextField
            label={t('tenders.builder.maxMembers')}
            type="number"
            min={1}
            max={10}
            value={maxMembers}
            onChange={(event) => setMaxMembers(event.target.value)}
          />
          <TextField
            label={t('tenders.builder.maxDistance')}
            hint={t('tenders.builder.maxDistanceHint')}
            type="number"
            min={0}
            value={maxDistance}
            onChange={(event) => setMaxDistance(event.target.value)}
          />
        </div>
        {tender.pastTeams.length > 0 ? (
          <div className="field">
            <label htmlFor="past-team">{t('tenders.builder.pastTeam')}</label>
            <select
              id="past-team"
              value=""
              onChange={(event) => {
                const team = tender.pastTeams.find((past) => past.groupementId === event.target.value);
                if (!team) return;
                // Keep the team, and let the builder add the trades it lacks.
                setChoice((current) => {
                  const next = { ...current };
                  for (const member of team.members) next[member.id] = 'pinned';
                  return next;
                });
                setPinnedTeam(team.tenderTitle);
              }}
            >
              <option value="">{t('tenders.builder.pastTeamNone')}</option>
              {tender.pastTeams.map((team) => (
                <option key={team.groupementId} value={team.groupementId}>
                  {team.tenderTitle} — {team.members.map((member) => member.name).join(', ')}
                </option>
              ))}
            </select>
            <p className="field-hint">
              {pinnedTeam
                ? t('tenders.builder.pastTeamPinned', { title: pinnedTeam })
                : t('tenders.builder.pastTeamHint')}
            </p>
          </div>
        ) : null}
        {tender.organisations.length > 0 ? (
          <details>
            <summary>{t('tenders.builder.pinExclude')}</summary>
            {tender.organisations.map((organisation) => (
              <div className="form-row" key={organisation.id}>
                <label htmlFor={`choice-${organisation.id}`}>{organisation.name}</label>
                <select
                  id={`choice-${organisation.id}`}
                  value={choice[organisation.id] ?? ''}
                  onChange={(event) =>
                    setChoice({
                      ...choice,
                      [organisation.id]: event.target.value as 'pinned' | 'excluded' | '',
                    })
                  }
                >
                  <option value="">{t('tenders.builder.free')}</option>
                  <option value="pinned">{t('tenders.builder.pinned')}</option>
                  <option value="excluded">{t('tenders.builder.excluded')}</option>
                </select>
              </div>
            ))}
          </details>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {isBusy ? t('tenders.builder.running') : t('tenders.builder.run')}
          </button>
        </div>
      </form>
      {run ? <RunResult run={run} /> : null}
    </section>
  );
}

function RunResult({ run }: { run: ConsortiumRun }) {
  const { t } = useTranslation();
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  // Shares and distances mean something only when capacities are asked and the place is known.
  const members = run.groupings.flatMap((grouping) => grouping.members);
  const showShares = members.some((member) => member.workShare > 0);
  const showDistances = members.some((member) => member.distanceKm > 0);
  return (
    <div className="consortium-result" aria-live="polite">
      <p>
        <strong>{t(`tenders.status.${run.status}`)}</strong>{' '}
        <span className="muted">{t('tenders.builder.candidates', { count: run.candidates })}</span>
      </p>
      {run.groupings.map((grouping) => (
        <article
          className="card"
          key={grouping.rank}
          aria-label={t('tenders.builder.grouping', { rank: grouping.rank })}
        >
          <h3 className="card-title">
            {t('tenders.builder.grouping', { rank: grouping.rank })}
            {grouping.proved ? ` — ${t('tenders.builder.proved')}` : ''}
          </h3>
          <ul>
            {grouping.members.map((member) => (
              <li key={member.organisationId}>
                <strong>{member.name}</strong>
                {[
                  showShares ? t('tenders.builder.share', { share: percent(member.workShare) }) : null,
                  showDistances ? t('tenders.builder.distance', { km: Math.round(member.distanceKm) }) : null,
                  member.pinned ? t('tenders.builder.pinned') : null,
                ]
                  .filter(Boolean)
                  .map((part) => ` · ${part}`)
                  .join('')}
              </li>
            ))}
          </ul>
          {grouping.rank === 1 ? (
            <TenderMap
              place={run.place ?? null}
              maxDistanceKm={run.bounds.maxDistanceKm}
              members={grouping.members.map((member) => ({ ...member, point: member.point ?? null }))}
            />
          ) : null}
          <CoverageMatrix members={grouping.members} coverage={grouping.coverage} />
        </article>
      ))}
      {run.infeasibility ? (
        <article className="card">
          <h3 className="card-title">{t('tenders.builder.missing')}</h3>
          <ul>
            {run.infeasibility.uncovered.map((uncovered) => (
              <li key={uncovered.requirementId}>
                <strong>
                  {uncovered.lotId} · {uncovered.label}
                </strong>
                {' — '}
                {uncovered.nearest.length === 0
                  ? t('tenders.builder.nobody')
                  : t('tenders.builder.nearest', {
                      names: uncovered.nearest
                        .map((holder) =>
                          holder.distanceKm === null
                            ? holder.name
                            : `${holder.name} (${Math.round(holder.distanceKm)} km)`,
                        )
                        .join(', '),
                    })}
                {uncovered.outside && uncovered.outside.length > 0 ? (
                  <p className="muted">
                    {t('tenders.builder.outside', {
                      names: uncovered.outside
                        .map((holder) =>
                          holder.distanceKm === null
                            ? `${holder.name} (${holder.networkName})`
                            : `${holder.name} (${holder.networkName}, ${Math.round(holder.distanceKm)} km)`,
                        )
                        .join(', '),
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
    </div>
  );
}
