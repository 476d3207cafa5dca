import type { PublicShowcase } from '@meute/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { changedSearchParams } from '../../app/search-params.ts';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { useFranceShapes } from '../directory/directory-map.tsx';
import { MAP_HEIGHT, MAP_WIDTH } from '../directory/france-map.ts';

type Company = PublicShowcase['companies'][number];
const FILTERS = ['q', 'competence', 'departement'] as const;

/** A text in the reader's language, or in the other one when the network wrote only that. */
function inLanguage(text: { fr: string; en: string }, language: string): string {
  const wanted = language === 'en' ? text.en : text.fr;
  return wanted || text.fr || text.en;
}

/**
 * Public: a network's collective offer, searchable without an account. `?preview=1` shows the
 * network's staff the page before it is published (through their own, signed-in route).
 */
export function ShowcasePage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const isPreview = params.get('preview') === '1' && Boolean(me);
  const query = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const key = `showcase-${slug}-${isPreview}-${FILTERS.map((k) => query[k]).join('|')}-${i18n.language}`;
  const loaded = useApi(
    () => (isPreview ? api.showcasePreview(slug, query) : api.publicShowcase(slug, query)),
    key,
  );
  // The full offer (totals, filters) stays what the first answer said while the list is searched.
  const [offer, setOffer] = useState<PublicShowcase | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready' && !query.q && !query.competence && !query.departement)
      setOffer(loaded.data);
  }, [loaded.state, loaded.data, query.q, query.competence, query.departement]);
  const view = loaded.data ?? offer;
  usePageTitle(view ? t('showcase.page.title', { network: view.network.name }) : t('showcase.link'));

  const update = (changes: Partial<Record<(typeof FILTERS)[number], string>>) => {
    setParams(changedSearchParams(changes), { replace: true });
  };

  if (loaded.state === 'failed' && !view) {
    const isGone = loaded.error.status === 404;
    return (
      <PublicLayout>
        <section className="card card-form" aria-labelledby="showcase-gone-title">
          <h1 id="showcase-gone-title">{isGone ? t('showcase.page.unknownTitle') : t('error.title')}</h1>
          <ErrorBanner error={loaded.error} onRetry={isGone ? undefined : loaded.reload} />
          {isGone ? <p className="muted">{t('showcase.page.unknownHint')}</p> : null}
        </section>
      </PublicLayout>
    );
  }
  if (!view) {
    return (
      <PublicLayout wide>
        <Loading />
      </PublicLayout>
    );
  }
  const totals = offer ?? view;
  const headline = inLanguage(view.headline, i18n.language);
  const description = inLanguage(view.description, i18n.language);
  return (
    <PublicLayout wide>
      {isPreview ? (
        <div className="banner showcase-preview" role="status">
          <span>{t('showcase.page.preview')}</span>
          <Link to={`/n/${slug}/showcase`}>{t('showcase.page.backToSettings')}</Link>
        </div>
      ) : null}
      <section className="card showcase-hero" aria-labelledby="showcase-title">
        <p className="showcase-eyebrow">{t('showcase.page.eyebrow')}</p>
        <h1 id="showcase-title">{view.network.name}</h1>
        {headline ? <p className="lead">{headline}</p> : null}
        {description ? <p className="showcase-description">{description}</p> : null}
        <ul className="showcase-figures">
          <li>{t('showcase.page.companies', { count: totals.companyCount })}</li>
          <li>{t('showcase.page.competencesCount', { count: totals.competences.length })}</li>
          <li>{t('showcase.page.departementsCount', { count: totals.departements.length })}</li>
        </ul>
        {view.contactEmail ? (
          <p className="hero-actions">
            <a className="button button-primary" href={`mailto:${view.contactEmail}`}>
              {t('showcase.page.contact')}
            </a>
          </p>
        ) : null}
      </section>

      <section className="card showcase-offer" aria-labelledby="showcase-offer-title">
        <h2 id="showcase-offer-title">{t('showcase.page.offerTitle')}</h2>
        <div className="showcase-offer-grid">
          <div>
            <h3>{t('showcase.page.competencesTitle')}</h3>
            <CountedChips
              items={totals.competences.map((c) => ({ label: c.label, count: c.companyCount }))}
              onPick={(label) => update({ competence: label })}
            />
            <h3>{t('showcase.page.certificationsTitle')}</h3>
            <CountedChips
              items={totals.certifications.map((c) => ({ label: c.name, count: c.companyCount }))}
            />
          </div>
          <div>
            <h3>{t('showcase.page.territoryTitle')}</h3>
            <DepartementsMap departements={totals.departements} />
            <CountedChips
              items={totals.departements.map((d) => ({
                label: `${d.name} (${d.code})`,
                count: d.companyCount,
              }))}
            />
          </div>
        </div>
        <h3>{t('showcase.page.groupingsTitle')}</h3>
        {totals.groupingsWon.length === 0 ? (
          <p className="muted">{t('showcase.page.groupingsNone')}</p>
        ) : (
          <ul className="showcase-groupings">
            {totals.groupingsWon.map((g, index) => (
              // Two groupings may share a title and a year: their order is the server's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is only ever replaced whole.
              <li key={index}>
                <strong>{g.title}</strong>
                <span className="muted">
                  {' '}
                  {t('showcase.page.groupingLine', {
                    buyer: g.buyer || '—',
                    year: g.year ?? '—',
                    count: g.companyCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card showcase-search" aria-labelledby="showcase-search-title">
        <h2 id="showcase-search-title">{t('showcase.page.searchTitle')}</h2>
        <SearchForm
          key={`${query.q}|${query.competence}|${query.departement}`}
          query={query}
          totals={totals}
          onSearch={update}
        />
        {loaded.state === 'failed' ? <ErrorBanner error={loaded.error} onRetry={loaded.reload} /> : null}
        <Results
          view={view}
          isLoading={loaded.state === 'loading'}
          isFiltered={FILTERS.some((k) => query[k])}
        />
        <p className="muted showcase-note">{t('showcase.page.consentNote')}</p>
      </section>
    </PublicLayout>
  );
}

function SearchForm({
  query,
  totals,
  onSearch,
}: {
  query: Record<(typeof FILTERS)[number], string>;
  totals: PublicShowcase;
  onSearch: (changes: Record<(typeof FILTERS)[number], string>) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(query.q);
  const [competence, setCompetence] = useState(query.competence);
  const [departement, setDepartement] = useState(query.departement);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: q.trim(), competence, departement });
  };
  const isFiltered = Boolean(query.q || query.competence || query.departement);
  return (
    <form className="showcase-search-form" onSubmit={submit}>
      <div className="field showcase-search-q">
        <label htmlFor="showcase-q">{t('showcase.page.q')}</label>
        <input
          id="showcase-q"
          type="search"
          value={q}
          maxLength={200}
          placeholder={t('showcase.page.qPlaceholder')}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="showcase-competence">{t('showcase.page.competence')}</label>
        <select
          id="showcase-competence"
          value={competence}
          onChange={(event) => setCompetence(event.target.value)}
        >
          <option value="">{t('showcase.page.anyCompetence')}</option>
          {totals.competences.map((c) => (
            <option key={c.label} value={c.label}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="showcase-departement">{t('showcase.page.departement')}</label>
        <select
          id="showcase-departement"
          value={departement}
          onChange={(event) => setDepartement(event.target.value)}
        >
          <option value="">{t('showcase.page.anyDepartement')}</option>
          {totals.departements.map((d) => (
            <option key={d.code} value={d.code}>
              {d.code} — {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="showcase-search-actions">
        <button type="submit" className="button button-primary">
          {t('showcase.page.search')}
        </button>
        {isFiltered ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onSearch({ q: '', competence: '', departement: '' })}
          >
            {t('showcase.page.reset')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Results({
  view,
  isLoading,
  isFiltered,
}: {
  view: PublicShowcase;
  isLoading: boolean;
  isFiltered: boolean;
}) {
  const { t } = useTranslation();
  if (isLoading) return <Loading />;
  if (view.companies.length === 0) {
    return isFiltered ? (
      <EmptyState title={t('showcase.page.noResults')}>{t('showcase.page.noResultsHint')}</EmptyState>
    ) : (
      <EmptyState title={t('showcase.page.noCompanies')} />
    );
  }
  return (
    <>
      <p className="showcase-results-count" aria-live="polite">
        {t('showcase.page.results', { count: view.companies.length })}
      </p>
      <ul className="showcase-cards">
        {view.companies.map((company) => (
          <CompanyCard
            key={`${company.name}-${company.commune?.code ?? company.departement?.code ?? ''}`}
            company={company}
          />
        ))}
      </ul>
    </>
  );
}

function CompanyCard({ company }: { company: Company }) {
  const { t } = useTranslation();
  const place = company.commune
    ? `${company.commune.name}${company.departement ? ` (${company.departement.code})` : ''}`
    : company.departement
      ? `${company.departement.name} (${company.departement.code})`
      : null;
  return (
    <li className="showcase-card">
      <h3>{company.name}</h3>
      {place ? <p className="showcase-card-place">{place}</p> : null}
      {company.description ? <p>{company.description}</p> : null}
      {company.competences.length > 0 ? (
        <ul className="chips" aria-label={t('showcase.page.competencesTitle')}>
          {company.competences.map((label) => (
            <li key={label} className="chip">
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      {company.certifications.length > 0 ? (
        <ul className="chips showcase-certifications" aria-label={t('showcase.page.certificationsTitle')}>
          {company.certifications.map((name) => (
            <li key={name} className="chip chip-shared">
              {name}
            </li>
          ))}
        </ul>
      ) : null}
      {company.references.length > 0 ? (
        <div className="showcase-references">
          <h4>{t('showcase.page.references')}</h4>
          <ul>
            {company.references.slice(0, 3).map((r) => (
              <li key={`${r.title}-${r.year}`}>
                <strong>{r.title}</strong>
                {r.client ? ` — ${r.client}` : ''}
                {r.year ? ` (${r.year})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {company.website || company.contactEmail ? (
        <p className="showcase-card-links">
          {company.website ? (
            <a href={company.website} rel="noopener noreferrer nofollow" target="_blank">
              {t('showcase.page.website')}
            </a>
          ) : null}
          {company.contactEmail ? (
            <a href={`mailto:${company.contactEmail}`}>{t('showcase.page.email')}</a>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

function CountedChips({
  items,
  onPick,
}: {
  items: { label: string; count: number }[];
  onPick?: (label: string) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('showcase.page.noneYet')}</p>;
  return (
    <ul className="chips showcase-chips">
      {items.map((item) => (
        <li key={item.label} className="chip">
          {onPick ? (
            <button type="button" className="showcase-chip-button" onClick={() => onPick(item.label)}>
              {item.label}
            </button>
          ) : (
            item.label
          )}
          <span className="chip-count" title={t('showcase.page.heldBy', { count: item.count })}>
            <span aria-hidden="true">{item.count}</span>
            <span className="visually-hidden">{t('showcase.page.heldBy', { count: item.count })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Metropolitan France with the départements covered filled in; nothing when they cannot load. */
function DepartementsMap({ departements }: { departements: PublicShowcase['departements'] }) {
  const { t } = useTranslation();
  const { shapes } = useFranceShapes();
  const covered = useMemo(() => new Set(departements.map((d) => d.code)), [departements]);
  if (!shapes || departements.length === 0) return null;
  return (
    <svg
      className="showcase-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role="img"
      aria-label={t('showcase.page.mapLabel', { list: departements.map((d) => d.name).join(', ') })}
    >
      {shapes.departements.map((shape) => (
        <path
          key={shape.code}
          d={shape.path}
          className={covered.has(shape.code) ? 'showcase-map-covered' : 'showcase-map-other'}
        />
      ))}
    </svg>
  );
}
