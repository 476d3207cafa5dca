import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  type AidCriterionCheck,
  type AidScheme,
  type AidSchemeMatch,
  ApiError,
  api,
  type CreateAidSchemeRequest,
} from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { centsToEuros, eurosToCents, useFormatDate, useFormatMoney } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { useTerritories } from '../../components/reference.tsx';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { NeedsNav } from './needs-nav.tsx';

const LEVELS = ['territorial', 'national', 'european'] as const;
const CATEGORIES = ['TPE', 'PME', 'ETI', 'GE'] as const;
const STAGES = ['idea', 'pilot', 'project', 'industrial', 'market'] as const;

const split = (list: string | number | undefined) =>
  typeof list === 'string' && list !== '' ? list.split(', ') : [];

/** Names of codes and amounts as people read them, for the conditions and the reasons. */
function useAidWords() {
  const { t } = useTranslation();
  const territories = useTerritories();
  const money = useFormatMoney();
  const date = useFormatDate();
  const region = (code: string) => territories?.regions.find((r) => r.code === code)?.name ?? code;
  const departement = (code: string) => {
    const name = territories?.departements.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const section = (code: string) => {
    const label = territories?.nafSections.find((s) => s.code === code)?.label;
    return label ? `${code} — ${label}` : code;
  };
  const stage = (code: string) => t(`projects.stage.${code}`, { defaultValue: code });
  const naf = (sections: string[], divisions: string[]) =>
    [...sections.map(section), ...divisions.map((d) => t('aidSchemes.division', { code: d }))].join(' ; ');
  const territory = (regions: string[], departements: string[]) =>
    [...regions.map(region), ...departements.map(departement)].join(', ');
  const range = (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? t('aidSchemes.cond.amountBetween', { min: money(min), max: money(max) })
      : min !== null
        ? t('aidSchemes.cond.amountMin', { min: money(min) })
        : max !== null
          ? t('aidSchemes.cond.amountMax', { max: money(max) })
          : '';
  return { t, money, date, region, departement, section, stage, naf, territory, range };
}

/** A scheme's conditions, one line per criterion that has one. */
export function SchemeConditions({ scheme }: { scheme: AidScheme }) {
  const w = useAidWords();
  const { t } = w;
  const lines = [
    scheme.categories.length > 0
      ? t('aidSchemes.cond.categories', { list: scheme.categories.join(', ') })
      : null,
    scheme.nafSections.length + scheme.nafDivisions.length > 0
      ? t('aidSchemes.cond.naf', { list: w.naf(scheme.nafSections, scheme.nafDivisions) })
      : null,
    scheme.regions.length + scheme.departements.length > 0
      ? t('aidSchemes.cond.territory', { list: w.territory(scheme.regions, scheme.departements) })
      : null,
    scheme.projectStages.length > 0
      ? t('aidSchemes.cond.stages', { list: scheme.projectStages.map(w.stage).join(', ') })
      : null,
    scheme.amountMinCents !== null || scheme.amountMaxCents !== null
      ? w.range(scheme.amountMinCents, scheme.amountMaxCents)
      : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return <p className="muted">{t('aidSchemes.cond.openToAll')}</p>;
  return (
    <ul className="plain-list aid-conditions">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The sentence saying why a criterion matched, failed or could not be decided. */
function useReasonText() {
  const w = useAidWords();
  const { t } = w;
  return (check: AidCriterionCheck): string => {
    const p = check.params;
    const str = (key: string) => (p[key] === undefined ? '' : String(p[key]));
    const num = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : null);
    switch (check.reason) {
      case 'OPEN':
        return p.closesOn
          ? t('aidSchemes.reason.OPEN_UNTIL', { date: w.date(str('closesOn')) })
          : t('aidSchemes.reason.OPEN');
      case 'CLOSED':
        return t('aidSchemes.reason.CLOSED', { date: w.date(str('closesOn')) });
      case 'NOT_YET_OPEN':
        return t('aidSchemes.reason.NOT_YET_OPEN', { date: w.date(str('opensOn')) });
      case 'CATEGORY_IN':
      case 'CATEGORY_NOT_IN':
      case 'CATEGORY_MISSING':
        return t(`aidSchemes.reason.${check.reason}`, { value: str('value'), allowed: str('allowed') });
      case 'NAF_SECTION_IN':
        return t('aidSchemes.reason.NAF_SECTION_IN', { value: w.section(str('value')) });
      case 'NAF_DIVISION_IN':
        return t('aidSchemes.reason.NAF_DIVISION_IN', { value: str('value') });
      case 'NAF_NOT_IN':
      case 'NAF_MISSING':
        return t(`aidSchemes.reason.${check.reason}`, {
          value: str('value'),
          list: w.naf(split(p.sections), split(p.divisions)),
        });
      case 'DEPARTEMENT_IN':
        return t('aidSchemes.reason.DEPARTEMENT_IN', { value: w.departement(str('value')) });
      case 'REGION_IN':
        return t('aidSchemes.reason.REGION_IN', { value: w.region(str('value')) });
      case 'TERRITORY_NOT_IN':
        return t('aidSchemes.reason.TERRITORY_NOT_IN', {
          place: p.departement ? w.departement(str('departement')) : w.region(str('region')),
          list: w.territory(split(p.regions), split(p.departements)),
        });
      case 'TERRITORY_MISSING':
        return t('aidSchemes.reason.TERRITORY_MISSING', {
          list: w.territory(split(p.regions), split(p.departements)),
        });
      case 'STAGE_IN':
      case 'STAGE_NOT_IN':
      case 'STAGE_NOT_KNOWN':
        return t(`aidSchemes.reason.${check.reason}`, {
          value: w.stage(str('value')),
          allowed: split(p.allowed).map(w.stage).join(', '),
        });
      case 'AMOUNT_IN':
      case 'AMOUNT_BELOW_MIN':
      case 'AMOUNT_ABOVE_MAX':
      case 'AMOUNT_NOT_KNOWN':
        return t(`aidSchemes.reason.${check.reason}`, {
          value: num('value') !== null ? w.money(num('value')!) : '',
          min: num('min') !== null ? w.money(num('min')!) : '',
          max: num('max') !== null ? w.money(num('max')!) : '',
          range: w.range(num('min'), num('max')),
        });
      default:
        return t('aidSchemes.reason.NO_CONDITION');
    }
  };
}

const STATUS_MARK = { matched: '✓', failed: '✗', unknown: '?' } as const;

/** Each criterion with a condition: ✓ matched, ✗ failed, ? unknown, and why. */
export function MatchChecks({ match }: { match: AidSchemeMatch }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const checks = match.checks.filter((check) => check.reason !== 'NO_CONDITION');
  if (checks.length === 0) return <p className="muted">{t('aidSchemes.cond.openToAll')}</p>;
  return (
    <ul className="aid-checks">
      {checks.map((check) => (
        <li key={check.criterion} className={`aid-check aid-check-${check.status}`}>
          <span className="aid-mark" role="img" aria-label={t(`aidSchemes.status.${check.status}`)}>
            {STATUS_MARK[check.status]}
          </span>
          <span>
            <strong>{t(`aidSchemes.criterion.${check.criterion}`)}</strong> — {reasonText(check)}
            {check.organisation ? (
              <span className="muted"> {t('aidSchemes.via', { name: check.organisation.name })}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function VerdictBadge({ verdict }: { verdict: AidSchemeMatch['verdict'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge aid-verdict aid-verdict-${verdict}`}>{t(`aidSchemes.verdict.${verdict}`)}</span>
  );
}

export function LevelBadge({ level }: { level: AidScheme['level'] }) {
  const { t } = useTranslation();
  return <span className={`badge aid-level aid-level-${level}`}>{t(`aidSchemes.level.${level}`)}</span>;
}

function Deadline({ scheme }: { scheme: AidScheme }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  if (scheme.isClosed && scheme.closesOn) {
    return (
      <span className="aid-deadline aid-closed">
        {t('aidSchemes.closedOn', { date: date(scheme.closesOn) })}
      </span>
    );
  }
  return (
    <span className="aid-deadline">
      {scheme.closesOn
        ? t('aidSchemes.closesOn', { date: date(scheme.closesOn) })
        : t('aidSchemes.noDeadline')}
      {scheme.opensOn ? ` · ${t('aidSchemes.opensOn', { date: date(scheme.opensOn) })}` : ''}
    </span>
  );
}

/** The catalogue of aid schemes, what my companies may claim, and the staff's form. */
export function AidSchemesPage() {
  const { t } = useTranslation();
  const title = t('aidSchemes.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const [showArchived, setShowArchived] = useState(false);
  const list = useApi(() => api.aidSchemes(slug, showArchived), `aid-schemes-${slug}-${showArchived}`);
  const mine = useApi(() => api.myAidSchemes(slug), `aid-schemes-mine-${slug}`);
  const [level, setLevel] = useState<string>('');
  const [openOnly, setOpenOnly] = useState(true);
  const [editing, setEditing] = useState<AidScheme | 'new' | null>(null);
  const [archiving, setArchiving] = useState<AidScheme | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo?: AidScheme } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'failed') {
    if (list.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  const data = list.data;
  const reload = () => {
    list.reload();
    mine.reload();
  };
  const shown = data.schemes.filter(
    (scheme) =>
      (level === '' || scheme.level === level) && (!openOnly || !scheme.isClosed || scheme.archivedAt),
  );

  async function archive(scheme: AidScheme, isArchived: boolean) {
    setIsBusy(true);
    setError(null);
    try {
      const changed = await api.archiveAidScheme(slug, scheme.id, isArchived);
      setNotice(
        isArchived
          ? { text: t('aidSchemes.archived', { name: changed.name }), undo: changed }
          : { text: t('aidSchemes.restored', { name: changed.name }) },
      );
      setArchiving(null);
      reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : null);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="needs" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('aidSchemes.intro')}</p>
        </div>
      </header>
      <NeedsNav slug={slug} />

      {notice ? (
        <SuccessBanner>
          <span>{notice.text}</span>
          {notice.undo ? (
            <button
              type="button"
              className="button button-small"
              disabled={isBusy}
              onClick={() => notice.undo && archive(notice.undo, false)}
            >
              {t('aidSchemes.undo')}
            </button>
          ) : null}
        </SuccessBanner>
      ) : null}
      <ErrorBanner error={error} />

      <MyCompanies state={mine} />

      <section aria-labelledby="aid-catalogue-title">
        <div className="section-head">
          <h2 id="aid-catalogue-title">{t('aidSchemes.catalogue')}</h2>
          {data.canManage && editing === null ? (
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {t('aidSchemes.new')}
            </button>
          ) : null}
        </div>
        {editing !== null ? (
          <SchemeForm
            slug={slug}
            scheme={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={(saved, isNew) => {
              setEditing(null);
              setNotice({ text: t(isNew ? 'aidSchemes.created' : 'aidSchemes.saved', { name: saved.name }) });
              reload();
            }}
          />
        ) : null}
        <div className="aid-filters">
          <div className="field">
            <label htmlFor="aid-level-filter">{t('aidSchemes.filterLevel')}</label>
            <select id="aid-level-filter" value={level} onChange={(event) => setLevel(event.target.value)}>
              <option value="">{t('aidSchemes.allLevels')}</option>
              {LEVELS.map((value) => (
                <option key={value} value={value}>
                  {t(`aidSchemes.level.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="check">
            <input
              id="aid-open-only"
              type="checkbox"
              checked={openOnly}
              onChange={(event) => setOpenOnly(event.target.checked)}
            />
            <label htmlFor="aid-open-only">{t('aidSchemes.openOnly')}</label>
          </div>
          {data.canManage ? (
            <div className="check">
              <input
                id="aid-show-archived"
                type="checkbox"
                checked={showArchived}
                onChange={(event) => setShowArchived(event.target.checked)}
              />
              <label htmlFor="aid-show-archived">{t('aidSchemes.showArchived')}</label>
            </div>
          ) : null}
        </div>
        {shown.length === 0 ? (
          <EmptyState title={t('aidSchemes.empty')}>
            {data.canManage ? t('aidSchemes.emptyStaffHint') : t('aidSchemes.emptyHint')}
          </EmptyState>
        ) : (
          <ul className="aid-cards">
            {shown.map((scheme) => (
              <li key={scheme.id} className={`card aid-card${scheme.archivedAt ? ' aid-archived' : ''}`}>
                <div className="aid-card-head">
                  <h3>{scheme.name}</h3>
                  <LevelBadge level={scheme.level} />
                </div>
                <p className="muted aid-funder">
                  {scheme.funder}
                  {scheme.isFromFederation ? ` · ${t('aidSchemes.fromFederation')}` : ''}
                </p>
                <Deadline scheme={scheme} />
                {scheme.description ? <p className="aid-description">{scheme.description}</p> : null}
                <h4 className="aid-subtitle">{t('aidSchemes.conditions')}</h4>
                <SchemeConditions scheme={scheme} />
                <div className="aid-card-actions">
                  {scheme.url ? (
                    <a href={scheme.url} target="_blank" rel="noreferrer noopener">
                      {t('aidSchemes.website')}
                    </a>
                  ) : null}
                  {scheme.canEdit && !scheme.archivedAt ? (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing(scheme)}
                      >
                        {t('aidSchemes.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        onClick={() => setArchiving(scheme)}
                      >
                        {t('aidSchemes.archive')}
                      </button>
                    </>
                  ) : null}
                  {scheme.canEdit && scheme.archivedAt ? (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={isBusy}
                      onClick={() => archive(scheme, false)}
                    >
                      {t('aidSchemes.restore')}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        isOpen={archiving !== null}
        title={t('aidSchemes.archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('aidSchemes.archive')}
        isBusy={isBusy}
        onConfirm={() => archiving && archive(archiving, true)}
        onCancel={() => setArchiving(null)}
      >
        <p>{t('aidSchemes.archiveText')}</p>
      </ConfirmDialog>
    </div>
  );
}

function MyCompanies({
  state,
}: {
  state: ReturnType<typeof useApi<Awaited<ReturnType<typeof api.myAidSchemes>>>>;
}) {
  const { t } = useTranslation();
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'failed') return <ErrorBanner error={state.error} onRetry={state.reload} />;
  const { organisations } = state.data;
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="aid-mine-title" className="aid-mine">
      <h2 id="aid-mine-title">{t('aidSchemes.forMe.title')}</h2>
      <p className="muted">{t('aidSchemes.forMe.intro')}</p>
      {organisations.map((organisation) => {
        const claimable = organisation.matches.filter((m) => m.verdict !== 'not-eligible');
        const refused = organisation.matches.filter((m) => m.verdict === 'not-eligible');
        return (
          <div key={organisation.id} className="card aid-company">
            <h3>{organisation.name}</h3>
            {claimable.length === 0 ? (
              <p className="muted">{t('aidSchemes.forMe.none')}</p>
            ) : (
              <ul className="aid-matches">
                {claimable.map((match) => (
                  <li key={match.scheme.id} className="aid-match">
                    <div className="aid-card-head">
                      <strong>{match.scheme.name}</strong>
                      <VerdictBadge verdict={match.verdict} />
                    </div>
                    <MatchChecks match={match} />
                  </li>
                ))}
              </ul>
            )}
            {refused.length > 0 ? (
              <details className="aid-refused">
                <summary>{t('aidSchemes.forMe.notEligible', { count: refused.length })}</summary>
                <ul className="aid-matches">
                  {refused.map((match) => (
                    <li key={match.scheme.id} className="aid-match">
                      <strong>{match.scheme.name}</strong>
                      <MatchChecks match={match} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

interface Draft {
  name: string;
  funder: string;
  level: (typeof LEVELS)[number];
  description: string;
  url: string;
  categories: string[];
  nafSections: string[];
  nafDivisions: string;
  regions: string[];
  departements: string[];
  projectStages: string[];
  amountMin: string;
  amountMax: string;
  opensOn: string;
  closesOn: string;
}

function draftOf(scheme: AidScheme | null): Draft {
  return {
    name: scheme?.name ?? '',
    funder: scheme?.funder ?? '',
    level: scheme?.level ?? 'territorial',
    description: scheme?.description ?? '',
    url: scheme?.url ?? '',
    categories: scheme?.categories ?? [],
    nafSections: scheme?.nafSections ?? [],
    nafDivisions: (scheme?.nafDivisions ?? []).join(', '),
    regions: scheme?.regions ?? [],
    departements: scheme?.departements ?? [],
    projectStages: scheme?.projectStages ?? [],
    amountMin: scheme?.amountMinCents != null ? centsToEuros(scheme.amountMinCents) : '',
    amountMax: scheme?.amountMaxCents != null ? centsToEuros(scheme.amountMaxCents) : '',
    opensOn: scheme?.opensOn ?? '',
    closesOn: scheme?.closesOn ?? '',
  };
}

function toggle(values: readonly string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function SchemeForm({
  slug,
  scheme,
  onCancel,
  onDone,
}: {
  slug: string;
  scheme: AidScheme | null;
  onCancel: () => void;
  onDone: (saved: AidScheme, isNew: boolean) => void;
}) {
  const { t } = useTranslation();
  const territories = useTerritories();
  const [draft, setDraft] = useState<Draft>(() => draftOf(scheme));
  const [error, setError] = useState<ApiError | null>(null);
  const [amountError, setAmountError] = useState<{ field: 'amountMin' | 'amountMax' } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const fe = (path: string) => fieldError(error, path);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const amount = (text: string) => (text.trim() === '' ? null : eurosToCents(text));
    const amountMinCents = amount(draft.amountMin);
    const amountMaxCents = amount(draft.amountMax);
    if (draft.amountMin.trim() !== '' && amountMinCents === null) {
      setAmountError({ field: 'amountMin' });
      return;
    }
    if (draft.amountMax.trim() !== '' && amountMaxCents === null) {
      setAmountError({ field: 'amountMax' });
      return;
    }
    setAmountError(null);
    const body: CreateAidSchemeRequest = {
      name: draft.name,
      funder: draft.funder,
      level: draft.level,
      description: draft.description,
      url: draft.url.trim(),
      categories: draft.categories,
      nafSections: draft.nafSections,
      nafDivisions: draft.nafDivisions
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      regions: draft.regions,
      departements: draft.departements,
      projectStages: draft.projectStages,
      amountMinCents,
      amountMaxCents,
      opensOn: draft.opensOn || null,
      closesOn: draft.closesOn || null,
    };
    setIsBusy(true);
    setError(null);
    try {
      const saved = scheme
        ? await api.updateAidScheme(slug, scheme.id, body)
        : await api.createAidScheme(slug, body);
      onDone(saved, scheme === null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : null);
    } finally {
      setIsBusy(false);
    }
  }

  const knownFields = [
    'name',
    'funder',
    'level',
    'url',
    'description',
    'nafDivisions',
    'amountMinCents',
    'amountMaxCents',
    'opensOn',
    'closesOn',
  ];
  const isElsewhere = error && !knownFields.some((field) => fe(field));
  return (
    <form className="card form aid-form" onSubmit={submit} noValidate>
      <h3>{scheme ? t('aidSchemes.form.editTitle') : t('aidSchemes.form.newTitle')}</h3>
      {isElsewhere ? <ErrorBanner error={error} /> : null}
      <TextField
        label={t('aidSchemes.form.name')}
        value={draft.name}
        required
        maxLength={200}
        onChange={(event) => set({ name: event.target.value })}
        error={fe('name')}
      />
      <TextField
        label={t('aidSchemes.form.funder')}
        value={draft.funder}
        maxLength={200}
        onChange={(event) => set({ funder: event.target.value })}
        error={fe('funder')}
      />
      <div className="field">
        <label htmlFor="aid-level">{t('aidSchemes.form.level')}</label>
        <select
          id="aid-level"
          value={draft.level}
          onChange={(event) => set({ level: event.target.value as Draft['level'] })}
        >
          {LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`aidSchemes.level.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('aidSchemes.form.url')}
        type="url"
        value={draft.url}
        placeholder="https://"
        onChange={(event) => set({ url: event.target.value })}
        error={fe('url')}
      />
      <div className={fe('description') ? 'field field-invalid' : 'field'}>
        <label htmlFor="aid-description">{t('aidSchemes.form.description')}</label>
        <textarea
          id="aid-description"
          rows={3}
          maxLength={4000}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </div>
      <fieldset className="form-group">
        <legend>{t('aidSchemes.form.rule')}</legend>
        <p className="field-hint">{t('aidSchemes.form.ruleHint')}</p>
        <div className="field">
          <span className="eligibility-label">{t('aidSchemes.form.categories')}</span>
          <div className="check-row">
            {CATEGORIES.map((category) => (
              <div className="check" key={category}>
                <input
                  id={`aid-category-${category}`}
                  type="checkbox"
                  checked={draft.categories.includes(category)}
                  onChange={() => set({ categories: toggle(draft.categories, category) })}
                />
                <label htmlFor={`aid-category-${category}`}>{category}</label>
              </div>
            ))}
          </div>
        </div>
        <div className="field">
          <span className="eligibility-label">{t('aidSchemes.form.stages')}</span>
          <div className="check-row">
            {STAGES.map((stage) => (
              <div className="check" key={stage}>
                <input
                  id={`aid-stage-${stage}`}
                  type="checkbox"
                  checked={draft.projectStages.includes(stage)}
                  onChange={() => set({ projectStages: toggle(draft.projectStages, stage) })}
                />
                <label htmlFor={`aid-stage-${stage}`}>{t(`projects.stage.${stage}`)}</label>
              </div>
            ))}
          </div>
        </div>
        <div className="field">
          <label htmlFor="aid-sections">{t('aidSchemes.form.nafSections')}</label>
          <select
            id="aid-sections"
            multiple
            size={5}
            value={draft.nafSections}
            onChange={(event) => set({ nafSections: [...event.target.selectedOptions].map((o) => o.value) })}
          >
            {(territories?.nafSections ?? []).map((section) => (
              <option key={section.code} value={section.code}>
                {section.code} — {section.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('aidSchemes.form.nafDivisions')}
          hint={t('aidSchemes.form.nafDivisionsHint')}
          value={draft.nafDivisions}
          onChange={(event) => set({ nafDivisions: event.target.value })}
          error={fe('nafDivisions')}
        />
        <div className="field">
          <label htmlFor="aid-regions">{t('aidSchemes.form.regions')}</label>
          <select
            id="aid-regions"
            multiple
            size={5}
            value={draft.regions}
            onChange={(event) => set({ regions: [...event.target.selectedOptions].map((o) => o.value) })}
          >
            {(territories?.regions ?? []).map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="aid-departements">{t('aidSchemes.form.departements')}</label>
          <select
            id="aid-departements"
            multiple
            size={5}
            value={draft.departements}
            onChange={(event) => set({ departements: [...event.target.selectedOptions].map((o) => o.value) })}
          >
            {(territories?.departements ?? []).map((departement) => (
              <option key={departement.code} value={departement.code}>
                {departement.code} — {departement.name}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('aidSchemes.form.territoryHint')}</p>
        </div>
        <div className="aid-form-row">
          <TextField
            label={t('aidSchemes.form.amountMin')}
            inputMode="decimal"
            value={draft.amountMin}
            onChange={(event) => set({ amountMin: event.target.value })}
            error={
              amountError?.field === 'amountMin' ? t('aidSchemes.form.amountInvalid') : fe('amountMinCents')
            }
          />
          <TextField
            label={t('aidSchemes.form.amountMax')}
            inputMode="decimal"
            value={draft.amountMax}
            onChange={(event) => set({ amountMax: event.target.value })}
            error={
              amountError?.field === 'amountMax' ? t('aidSchemes.form.amountInvalid') : fe('amountMaxCents')
            }
          />
        </div>
        <div className="aid-form-row">
          <TextField
            label={t('aidSchemes.form.opensOn')}
            type="date"
            value={draft.opensOn}
            onChange={(event) => set({ opensOn: event.target.value })}
            error={fe('opensOn')}
          />
          <TextField
            label={t('aidSchemes.form.closesOn')}
            type="date"
            value={draft.closesOn}
            onChange={(event) => set({ closesOn: event.target.value })}
            error={fe('closesOn')}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {scheme ? t('aidSchemes.form.save') : t('aidSchemes.form.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={isBusy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
