import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type SireneEstablishment, type SireneTakeInRequest } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { useFormatDate, useFormatNumber } from '../../components/format.ts';
import { useBandLabel, useTerritories } from '../../components/reference.tsx';
import { CategoryBadge } from '../directory/labels.tsx';

interface Search {
  q: string;
  departement: string;
  newOnly: boolean;
  page: number;
}

const NO_SEARCH: Search = { q: '', departement: '', newOnly: false, page: 1 };

/**
 * The network's SIRENE register (decision 0016): the establishments of the SIRENE stock the staff
 * imported. They search it and make establishments members — chosen ones, or every active result
 * of a search — which creates their profiles in the directory.
 */
export function RegisterTab({ slug, onImport }: { slug: string; onImport: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const territories = useTerritories();
  const [search, setSearch] = useState<Search>(NO_SEARCH);
  const [draft, setDraft] = useState<Search>(NO_SEARCH);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const page = useApi(
    () =>
      api.sireneRegister(slug, {
        q: search.q,
        departement: search.departement || undefined,
        newOnly: search.newOnly ? 'true' : undefined,
        page: search.page,
      }),
    `register-${slug}-${JSON.stringify(search)}`,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSelected(new Set());
    setAdded(null);
    setSearch({ ...draft, page: 1 });
  }

  async function takeIn(request: SireneTakeInRequest) {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const result = await api.takeInFromRegister(slug, request);
      setAdded(result.added);
      setSelected(new Set());
      page.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (page.state === 'loading') return <Loading />;
  if (page.state === 'failed') return <ErrorBanner error={page.error} onRetry={page.reload} />;
  const { register, items, total, totalCap, pageSize } = page.data;
  if (!register) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card-title">
          {t('register.title')}
        </h2>
        <EmptyState title={t('register.emptyTitle')}>
          <p>{t('register.emptyHint')}</p>
          <button type="button" className="button button-primary" onClick={onImport}>
            {t('register.goImport')}
          </button>
        </EmptyState>
      </section>
    );
  }

  const choosable = items.filter((item) => item.isActive && !item.memberOrganisationId);
  const isPageChosen = choosable.length > 0 && choosable.every((item) => selected.has(item.siret));
  const toggle = (siret: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(siret)) next.delete(siret);
      else next.add(siret);
      return next;
    });
  const pages = Math.ceil(Math.min(total, totalCap) / pageSize);
  const filters = {
    q: search.q || undefined,
    departement: search.departement || undefined,
    newOnly: search.newOnly ? ('true' as const) : undefined,
  };

  return (
    <section className="register" aria-labelledby={`${id}-title`}>
      <div className="card">
        <h2 id={`${id}-title`} className="card-title">
          {t('register.title')}
        </h2>
        <p className="muted">{t('register.intro')}</p>
        <p className="register-summary">
          {t('register.summary', {
            establishments: formatNumber(register.establishments),
            active: formatNumber(register.active),
            date: formatDate(register.importedAt),
          })}
        </p>
        <form className="register-search" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('register.search')}</label>
            <input
              id={`${id}-q`}
              type="search"
              value={draft.q}
              placeholder={t('register.searchPlaceholder')}
              maxLength={120}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dep`}>{t('register.departement')}</label>
            <select
              id={`${id}-dep`}
              value={draft.departement}
              onChange={(event) => setDraft({ ...draft, departement: event.target.value })}
            >
              <option value="">{t('register.allDepartements')}</option>
              {territories?.departements.map((departement) => (
                <option key={departement.code} value={departement.code}>
                  {departement.code} · {departement.name}
                </option>
              ))}
            </select>
          </div>
          <div className="check">
            <input
              id={`${id}-new`}
              type="checkbox"
              checked={draft.newOnly}
              onChange={(event) => setDraft({ ...draft, newOnly: event.target.checked })}
            />
            <label htmlFor={`${id}-new`}>{t('register.newOnly')}</label>
          </div>
          <button type="submit" className="button button-secondary">
            {t('register.apply')}
          </button>
        </form>
      </div>

      <ErrorBanner error={error} />
      {added !== null ? (
        <SuccessBanner>
          {added === 0 ? t('register.addedNone') : t('register.added', { count: added })}{' '}
          {added > 0 ? (
            <Link to={`/n/${slug}/membership?tab=members`}>{t('membership.tab.members')}</Link>
          ) : null}
        </SuccessBanner>
      ) : null}

      <div className="row-between register-bar">
        <h3 className="subsection-title" aria-live="polite">
          {total > totalCap
            ? t('register.foundMore', { formatted: formatNumber(totalCap) })
            : t('register.found', { count: total, formatted: formatNumber(total) })}
        </h3>
        <div className="register-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={selected.size === 0 || isBusy}
            onClick={() => void takeIn({ sirets: [...selected] })}
          >
            {t('register.addSelected', { count: selected.size })}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={total === 0 || isBusy}
            onClick={() => setConfirming(true)}
          >
            {t('register.addAll')}
          </button>
        </div>
      </div>

      {items.length === 0 ? (
        <EmptyState title={t('register.noMatch')} />
      ) : (
        <div className="table-scroll">
          <table className="table register-table">
            <thead>
              <tr>
                <th scope="col" className="register-choose">
                  <input
                    type="checkbox"
                    aria-label={t('register.selectPage')}
                    checked={isPageChosen}
                    disabled={choosable.length === 0}
                    onChange={() =>
                      setSelected((current) => {
                        const next = new Set(current);
                        for (const item of choosable) {
                          if (isPageChosen) next.delete(item.siret);
                          else next.add(item.siret);
                        }
                        return next;
                      })
                    }
                  />
                </th>
                <th scope="col">{t('register.establishment')}</th>
                <th scope="col">{t('register.activity')}</th>
                <th scope="col">{t('register.place')}</th>
                <th scope="col">{t('register.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <RegisterRow
                  key={item.siret}
                  slug={slug}
                  item={item}
                  isSelected={selected.has(item.siret)}
                  onToggle={() => toggle(item.siret)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav className="pagination" aria-label={t('register.title')}>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={search.page <= 1}
            onClick={() => setSearch({ ...search, page: search.page - 1 })}
          >
            {t('register.previous')}
          </button>
          <span aria-current="page">{t('register.pageOf', { page: search.page })}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={search.page >= pages}
            onClick={() => setSearch({ ...search, page: search.page + 1 })}
          >
            {t('register.next')}
          </button>
        </nav>
      ) : null}

      <ConfirmDialog
        isOpen={isConfirming}
        title={t('register.confirmAllTitle')}
        confirmLabel={t('register.confirmAllAction')}
        isBusy={isBusy}
        onConfirm={() => void takeIn({ search: filters })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('register.confirmAll')}</p>
      </ConfirmDialog>
    </section>
  );
}

function RegisterRow({
  slug,
  item,
  isSelected,
  onToggle,
}: {
  slug: string;
  item: SireneEstablishment;
  isSelected: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const bandLabel = useBandLabel();
  const canChoose = item.isActive && !item.memberOrganisationId;
  return (
    <tr>
      <td className="register-choose">
        {canChoose ? (
          <input
            type="checkbox"
            checked={isSelected}
            aria-label={t('register.select', { name: item.name })}
            onChange={onToggle}
          />
        ) : null}
      </td>
      <th scope="row" data-label={t('register.establishment')}>
        <span className="member-name">
          {item.name}
          {item.category ? <CategoryBadge category={item.category} /> : null}
        </span>
        <span className="muted small cell-stack">
          {[
            t('register.siret', { siret: item.siret }),
            item.headcountBand ? bandLabel(item.headcountBand) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </th>
      <td data-label={t('register.activity')}>
        {item.nafCode ? (
          <>
            <span className="cell-stack">{item.nafCode}</span>
            {item.nafLabel ? <span className="muted small cell-stack">{item.nafLabel}</span> : null}
          </>
        ) : (
          '—'
        )}
      </td>
      <td data-label={t('register.place')}>
        {item.communeName ? `${item.communeName} (${item.departementCode ?? ''})` : '—'}
      </td>
      <td data-label={t('register.status')}>
        {item.memberOrganisationId ? (
          <Link className="badge badge-paid" to={`/n/${slug}/organisations/${item.memberOrganisationId}`}>
            {t('register.member')}
          </Link>
        ) : !item.isActive ? (
          <span className="badge badge-unpaid">{t('register.closed')}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
