import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  api,
  type DirectoryFilters,
  type DirectorySearchResult,
  exportUrl,
  type FacetValue,
  type OrganisationSummary,
  queryString,
} from '../../app/api.ts';
import { changedSearchParams } from '../../app/search-params.ts';
import { useMe } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatNumber } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { CommunePicker, type CommuneValue } from '../../components/reference.tsx';
import { DirectoryMap } from './directory-map.tsx';
import { CategoryBadge, MatchReasons } from './labels.tsx';

const PAGE_SIZE = 20;
/** Wide enough for the filters beside the results (the layout's breakpoint). */
const WIDE = '(min-width: 981px)';
const DISTANCES = [10, 20, 30, 50, 100, 200];
const FILTER_KEYS = [
  'q',
  'nafSection',
  'category',
  'departement',
  'competence',
  'certification',
  'near',
  'km',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The directory of the network (or of all my networks): search, facets, distance, list or map. */
export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('capability.directory.title'));
  const { slug = '' } = useParams();
  const me = useMe();
  const network = me.memberships.find((m) => m.slug === slug);
  const [params, setParams] = useSearchParams();
  const isAllNetworks = params.get('scope') === 'all';
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const filters: DirectoryFilters = { network: isAllNetworks ? undefined : slug };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  if (filters.near && !filters.km) filters.km = '30';
  const key = queryString({ ...filters, page: String(page) });
  const results = useApi(() => api.search(filters, page, PAGE_SIZE), key);

  /** Changes some filters; any change of filter goes back to the first page. */
  function update(changes: Partial<Record<FilterKey | 'scope' | 'view' | 'page', string | undefined>>) {
    const next = changedSearchParams(changes);
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  const activeFilters = FILTER_KEYS.filter((name) => name !== 'q' && name !== 'km' && params.get(name));
  // On a phone the filters fold away under their title, so the results come first.
  const [areFiltersOpen, setAreFiltersOpen] = useState(
    () => window.matchMedia(WIDE).matches || activeFilters.length > 0,
  );
  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const follow = (event: MediaQueryListEvent) => setAreFiltersOpen(event.matches);
    wide.addEventListener('change', follow);
    return () => wide.removeEventListener('change', follow);
  }, []);

  return (
    <div className="page page-wide directory">
      <header className="page-header directory-header">
        <div className="page-header-icon">
          <Icon name="directory" size={28} />
        </div>
        <div className="directory-title">
          <h1>{t('capability.directory.title')}</h1>
          <p className="muted">
            {isAllNetworks
              ? t('directory.scopeAll')
              : t('directory.scopeOne', { network: network?.name ?? '' })}
          </p>
          <p className="showcase-directory-link">
            <Link to={`/n/${slug}/showcase`}>{t('showcase.link')}</Link>
          </p>
        </div>
        <fieldset className="directory-export">
          <legend className="visually-hidden">{t('directory.export')}</legend>
          <a className="button button-secondary button-small" href={exportUrl(filters, 'csv')} download>
            {t('directory.exportCsv')}
          </a>
          <a className="button button-secondary button-small" href={exportUrl(filters, 'xlsx')} download>
            {t('directory.exportXlsx')}
          </a>
        </fieldset>
      </header>

      <SearchBox initial={params.get('q') ?? ''} onSearch={(q) => update({ q })} />

      <div className="directory-layout">
        <aside className="directory-filters card" aria-labelledby="filters-title">
          <details open={areFiltersOpen} onToggle={(event) => setAreFiltersOpen(event.currentTarget.open)}>
            <summary className="filters-summary">
              <h2 id="filters-title" className="card-title">
                {t('directory.filters')}
                {activeFilters.length > 0 ? <span className="count">{activeFilters.length}</span> : null}
              </h2>
            </summary>
            <div className="filters-body">
              {activeFilters.length > 0 ? (
                <p className="filters-clear">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      update(
                        Object.fromEntries(FILTER_KEYS.filter((k) => k !== 'q').map((k) => [k, undefined])),
                      )
                    }
                  >
                    {t('directory.clearFilters')}
                  </button>
                </p>
              ) : null}
              {me.memberships.length > 1 ? (
                <div className="field">
                  <label htmlFor="directory-scope">{t('directory.scope')}</label>
                  <select
                    id="directory-scope"
                    value={isAllNetworks ? 'all' : 'one'}
                    onChange={(event) => update({ scope: event.target.value === 'all' ? 'all' : undefined })}
                  >
                    <option value="one">{network?.name}</option>
                    <option value="all">{t('directory.allMyNetworks')}</option>
                  </select>
                </div>
              ) : null}
              <DistanceFilter
                near={filters.near}
                nearName={results.data?.near?.name}
                km={filters.km ?? '30'}
                onNearChange={(near) => update(near ? { near } : { near: undefined, km: undefined })}
                onKmChange={(km) => update({ km })}
              />
              <Facet
                id="facet-section"
                label={t('directory.facet.nafSection')}
                values={results.data?.facets.nafSections}
                selected={filters.nafSection}
                onChange={(value) => update({ nafSection: value })}
              />
              <CategoryFacet
                values={results.data?.facets.categories}
                selected={filters.category}
                onChange={(value) => update({ category: value })}
              />
              <Facet
                id="facet-departement"
                label={t('directory.facet.departement')}
                values={results.data?.facets.departements}
                selected={filters.departement}
                onChange={(value) => update({ departement: value })}
              />
              <Facet
                id="facet-competence"
                label={t('directory.facet.competence')}
                values={results.data?.facets.competences}
                selected={filters.competence}
                onChange={(value) => update({ competence: value })}
              />
              <Facet
                id="facet-certification"
                label={t('directory.facet.certification')}
                values={results.data?.facets.certifications}
                selected={filters.certification}
                onChange={(value) => update({ certification: value })}
              />
            </div>
          </details>
        </aside>

        <section className="directory-results" aria-labelledby="results-title">
          <div className="directory-results-bar">
            <h2 id="results-title" className="directory-count" aria-live="polite">
              {results.state === 'ready'
                ? t('directory.count', { count: results.data.total })
                : t('directory.results')}
            </h2>
            <fieldset className="view-switch">
              <legend className="visually-hidden">{t('directory.view')}</legend>
              <button
                type="button"
                className="view-switch-button"
                aria-pressed={view === 'list'}
                onClick={() => update({ view: undefined, page: params.get('page') ?? undefined })}
              >
                {t('directory.viewList')}
              </button>
              <button
                type="button"
                className="view-switch-button"
                aria-pressed={view === 'map'}
                onClick={() => update({ view: 'map', page: params.get('page') ?? undefined })}
              >
                {t('directory.viewMap')}
              </button>
            </fieldset>
          </div>

          {results.state === 'loading' ? <Loading /> : null}
          {results.state === 'failed' ? <ErrorBanner error={results.error} onRetry={results.reload} /> : null}
          {results.state === 'ready' && results.data.total === 0 ? (
            <EmptyState title={t('directory.empty')}>
              {activeFilters.length > 0 || filters.q ? t('directory.emptyHint') : t('directory.emptyNetwork')}
            </EmptyState>
          ) : null}
          {results.state === 'ready' && results.data.total > 0 ? (
            view === 'map' ? (
              <DirectoryMap filters={filters} slug={slug} near={results.data.near} km={Number(filters.km)} />
            ) : (
              <ResultList
                data={results.data}
                slug={slug}
                page={page}
                onPage={(n) => update({ page: n > 1 ? String(n) : undefined })}
              />
            )
          ) : null}
        </section>
      </div>
    </div>
  );
}

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  }
  return (
    <search>
      <form className="search-box" onSubmit={submit}>
        <label htmlFor="directory-q" className="visually-hidden">
          {t('directory.searchLabel')}
        </label>
        <input
          id="directory-q"
          type="search"
          name="q"
          placeholder={t('directory.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t('directory.search')}
        </button>
      </form>
    </search>
  );
}

function DistanceFilter({
  near,
  nearName,
  km,
  onNearChange,
  onKmChange,
}: {
  near: string | undefined;
  nearName: string | undefined;
  km: string;
  onNearChange: (near: string | undefined) => void;
  onKmChange: (km: string) => void;
}) {
  const { t } = useTranslation();
  const [commune, setCommune] = useState<CommuneValue | null>(
    near ? { code: near, name: nearName ?? near } : null,
  );
  useEffect(() => {
    setCommune(near ? { code: near, name: nearName ?? near } : null);
  }, [near, nearName]);
  return (
    <fieldset className="facet facet-distance">
      <legend>{t('directory.facet.distance')}</legend>
      <CommunePicker
        label={t('directory.nearCommune')}
        value={commune}
        onChange={(value) => {
          setCommune(value);
          onNearChange(value?.code);
        }}
      />
      <div className="field">
        <label htmlFor="directory-km">{t('directory.withinKm')}</label>
        <select id="directory-km" value={km} onChange={(event) => onKmChange(event.target.value)}>
          {DISTANCES.map((value) => (
            <option key={value} value={String(value)}>
              {t('directory.km', { count: value })}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** One facet as a list to pick from, each value with its number of organisations. */
function Facet({
  id,
  label,
  values,
  selected,
  onChange,
}: {
  id: string;
  label: string;
  values: FacetValue[] | undefined;
  selected: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const options = values ?? [];
  const hasSelected = selected ? options.some((o) => o.value === selected) : true;
  if (options.length === 0 && !selected) return null;
  return (
    <div className="field facet">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={selected ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t('directory.facetAll')}</option>
        {hasSelected ? null : <option value={selected}>{selected}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} ({option.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Sizes as toggles: a leader thinks « ETI » or « PME », not in headcount bands. */
function CategoryFacet({
  values,
  selected,
  onChange,
}: {
  values: FacetValue[] | undefined;
  selected: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const counts = new Map((values ?? []).map((v) => [v.value, v.count]));
  const categories = (['TPE', 'PME', 'ETI', 'GE'] as const).filter((c) => counts.has(c) || selected === c);
  if (categories.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{t('directory.facet.category')}</legend>
      <div className="chip-toggles">
        {categories.map((category) => (
          <button
            key={category}
            type="button"
            className="chip-toggle"
            aria-pressed={selected === category}
            title={t(`category.${category}.long`)}
            onClick={() => onChange(selected === category ? undefined : category)}
          >
            {t(`category.${category}.short`)}
            <span className="chip-count">{counts.get(category) ?? 0}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function ResultList({
  data,
  slug,
  page,
  onPage,
}: {
  data: DirectorySearchResult;
  slug: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <ul className="results">
        {data.results.map((organisation) => (
          <ResultCard
            key={organisation.id}
            organisation={organisation}
            slug={slug}
            nearName={data.near?.name}
          />
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('directory.pagination')}>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {t('directory.previous')}
          </button>
          <span aria-current="page">{t('directory.pageOf', { page, pages })}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            {t('directory.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

const MAX_CHIPS = 6;

function ResultCard({
  organisation,
  slug,
  nearName,
}: {
  organisation: OrganisationSummary;
  slug: string;
  nearName: string | undefined;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const titleId = useId();
  const extra = organisation.competences.length - MAX_CHIPS;
  return (
    <li className="result" aria-labelledby={titleId}>
      <div className="result-top">
        <h3 id={titleId} className="result-name">
          <Link to={`/n/${slug}/organisations/${organisation.id}`}>{organisation.name}</Link>
        </h3>
        {organisation.category ? <CategoryBadge category={organisation.category} /> : null}
        {organisation.kind === 'partner' ? (
          <span className="badge badge-partner">{t('organisation.partner')}</span>
        ) : null}
      </div>
      <p className="result-facts">
        {organisation.nafLabel ? <span>{organisation.nafLabel}</span> : null}
        {organisation.commune ? (
          <span>
            {organisation.commune.name}
            {organisation.departement ? ` (${organisation.departement.code})` : ''}
          </span>
        ) : null}
        {organisation.distanceKm !== null ? (
          <span>{t('directory.kmAway', { km: formatNumber(Math.round(organisation.distanceKm)) })}</span>
        ) : null}
      </p>
      {organisation.competences.length > 0 ? (
        <ul className="chips" aria-label={t('organisation.competences')}>
          {organisation.competences.slice(0, MAX_CHIPS).map((competence) => (
            <li key={competence} className="chip">
              {competence}
            </li>
          ))}
          {extra > 0 ? (
            <li className="chip chip-more">{t('directory.moreChips', { count: extra })}</li>
          ) : null}
        </ul>
      ) : null}
      <MatchReasons reasons={organisation.matched} nearName={nearName} />
    </li>
  );
}
