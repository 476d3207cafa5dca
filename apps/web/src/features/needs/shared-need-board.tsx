import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, type NeedBoard, type SharedNeedGroup } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { KindBadge } from './kind-badge.tsx';

/**
 * The staff's shared-need board: groups of needs from different organisations that say the same
 * thing, most organisations first, with the evidence; dismiss, merge or turn into a project.
 */
export function SharedNeedBoard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useApi(() => api.needBoard(slug), `need-board-${slug}`);
  const [override, setOverride] = useState<NeedBoard | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function act(work: () => Promise<void>) {
    setIsBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  const board = override ?? loaded.data;
  const needIdsOf = (keys: string[]) =>
    board.groups.filter((g) => keys.includes(g.key)).flatMap((g) => g.needs.map((n) => n.id));

  return (
    <section className="need-board" aria-labelledby="need-board-title">
      <div className="section-head">
        <h2 id="need-board-title">{t('board.title')}</h2>
        {selected.length >= 2 ? (
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() =>
              void act(async () => {
                setOverride(await api.mergeGroups(slug, needIdsOf(selected)));
                setSelected([]);
              })
            }
          >
            {t('board.mergeSelected', { count: selected.length })}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('board.intro', { count: board.needCount })}</p>
      <ErrorBanner error={error} />
      {board.groups.length === 0 ? (
        <EmptyState title={t('board.empty')}>{t('board.emptyHint')}</EmptyState>
      ) : (
        <ol className="need-groups">
          {board.groups.map((group) => (
            <GroupCard
              key={group.key}
              group={group}
              isBusy={isBusy}
              isSelected={selected.includes(group.key)}
              onSelect={(isSelected) =>
                setSelected((keys) =>
                  isSelected ? [...keys, group.key] : keys.filter((k) => k !== group.key),
                )
              }
              onSplit={(partIds) =>
                act(async () => {
                  setOverride(
                    await api.splitGroup(
                      slug,
                      group.needs.map((n) => n.id),
                      partIds,
                    ),
                  );
                  setSelected((keys) => keys.filter((k) => k !== group.key));
                })
              }
              onDismiss={() =>
                void act(async () => {
                  setOverride(
                    await api.dismissGroup(
                      slug,
                      group.needs.map((n) => n.id),
                    ),
                  );
                  setSelected((keys) => keys.filter((k) => k !== group.key));
                })
              }
              onCreateProject={() =>
                void act(async () => {
                  const created = await api.createProject(slug, {
                    // The notion the needs share names the project better than any one of them.
                    title: group.sharedConcepts[0]?.label ?? group.needs[0]?.title ?? t('board.untitled'),
                    needIds: group.needs.map((n) => n.id),
                  });
                  void navigate(`/n/${slug}/projects/${created.id}`);
                })
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function GroupCard({
  group,
  isBusy,
  isSelected,
  onSelect,
  onSplit,
  onDismiss,
  onCreateProject,
}: {
  group: SharedNeedGroup;
  isBusy: boolean;
  isSelected: boolean;
  onSelect: (isSelected: boolean) => void;
  onSplit: (partIds: string[]) => Promise<void>;
  onDismiss: () => void;
  onCreateProject: () => void;
}) {
  const { t } = useTranslation();
  // Splitting: staff tick the needs to take apart from the others.
  const [part, setPart] = useState<string[] | null>(null);
  const [isDismissing, setIsDismissing] = useState(false);
  const canSplit = part !== null && part.length > 0 && part.length < group.needs.length;
  const percent = Math.round(group.confidence * 100);
  const titleOf = new Map(group.needs.map((n) => [n.id, n.title]));
  return (
    <li className="card need-group" aria-label={t('board.groupLabel', { count: group.organisationCount })}>
      <div className="need-group-head">
        <h3 className="card-title">{t('board.organisations', { count: group.organisationCount })}</h3>
        <span className="confidence" title={t('board.confidenceHint')}>
          <span className="confidence-bar" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
          {t('board.confidence', { percent })}
        </span>
      </div>
      <ul className="need-group-needs">
        {group.needs.map((need) => (
          <li key={need.id}>
            {part !== null ? (
              <input
                type="checkbox"
                className="need-split-check"
                aria-label={t('board.splitThis', { title: need.title })}
                checked={part.includes(need.id)}
                onChange={(event) =>
                  setPart((ids) =>
                    event.target.checked
                      ? [...(ids ?? []), need.id]
                      : (ids ?? []).filter((id) => id !== need.id),
                  )
                }
              />
            ) : null}
            <KindBadge kind={need.kind} /> <strong>{need.title}</strong>{' '}
            <span className="muted">— {need.organisationName}</span>
          </li>
        ))}
      </ul>
      <ul className="chips" aria-label={t('board.evidence')}>
        {group.sharedConcepts.map((c) => (
          <li key={`concept-${c.label}`} className="chip" title={c.matchedWords.join(', ')}>
            {c.label}
          </li>
        ))}
        {group.sharedTerms.map((term) => (
          <li key={`term-${term.term}`} className="chip chip-shared">
            « {term.term} »
          </li>
        ))}
        {group.sharedCompetences.map((c) => (
          <li key={`competence-${c.label}`} className="chip chip-competence">
            {c.label}
          </li>
        ))}
        {group.sharedNaf.map((naf) => (
          <li key={`naf-${naf.code}`} className="chip chip-shared">
            {t('needs.nafIs', { code: naf.code })}
          </li>
        ))}
      </ul>
      {group.pairs.length > 0 ? (
        <details className="need-group-pairs">
          <summary>{t('board.why')}</summary>
          <ul>
            {group.pairs.map((pair) => (
              <li key={pair.needIds.join('-')}>
                {t('board.pair', {
                  first: titleOf.get(pair.needIds[0]) ?? '',
                  second: titleOf.get(pair.needIds[1]) ?? '',
                  percent: Math.round(pair.similarity * 100),
                })}
                {pair.terms.length > 0 ? <span className="muted"> — {pair.terms.join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {part !== null ? (
        <div className="form-actions need-split-actions">
          <p className="muted">{t('board.splitHint')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={isBusy || !canSplit}
            onClick={() => void onSplit(part).then(() => setPart(null))}
          >
            {t('board.splitConfirm', { count: part.length })}
          </button>
          <button type="button" className="button" onClick={() => setPart(null)}>
            {t('action.cancel')}
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={isBusy} onClick={onCreateProject}>
          {t('board.createProject')}
        </button>
        <button type="button" className="button" disabled={isBusy} onClick={() => setIsDismissing(true)}>
          {t('board.dismiss')}
        </button>
        {part === null && group.needs.length > 2 ? (
          <button type="button" className="button" disabled={isBusy} onClick={() => setPart([])}>
            {t('board.split')}
          </button>
        ) : null}
        <label className="check need-group-select">
          <input type="checkbox" checked={isSelected} onChange={(event) => onSelect(event.target.checked)} />{' '}
          {t('board.select')}
        </label>
      </div>
      <ConfirmDialog
        isOpen={isDismissing}
        title={t('board.dismissTitle')}
        confirmLabel={t('board.dismiss')}
        isBusy={isBusy}
        onConfirm={() => {
          setIsDismissing(false);
          onDismiss();
        }}
        onCancel={() => setIsDismissing(false)}
      >
        <p>{t('board.dismissText')}</p>
      </ConfirmDialog>
    </li>
  );
}
