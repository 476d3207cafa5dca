import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { centsToEuros, eurosToCents, useFormatDate, useFormatMoney } from '../../components/format.ts';
import { type Groupement, groupementsApi, type TenderGroupements } from './tenders-api.ts';

type Kind = Groupement['kind'];

const percent = (bp: number) => `${(bp / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`;

/**
 * The groupements answering a tender: the proposals of the last builder run, ready to record in
 * one click, and each recorded groupement's life. What the caller reads is what the server sent:
 * prices, documents and revision rounds only reach the staff and the members.
 */
export function GroupementSection({
  slug,
  tenderId,
  lots,
}: {
  slug: string;
  tenderId: string;
  lots: readonly { id: string; title: string }[];
}) {
  const { t } = useTranslation();
  const lotLabels = (ids: readonly string[]) =>
    ids.map((id) => lots.find((lot) => lot.id === id)?.title ?? id).join(', ');
  const list = useApi(() => groupementsApi.list(slug, tenderId), `groupements-${slug}-${tenderId}`);
  const [replaced, setReplaced] = useState<Record<string, Groupement>>({});
  const [recorded, setRecorded] = useState<Groupement[]>([]);

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'failed') return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const data = list.data;
  const groupements = [
    ...data.groupements,
    ...recorded.filter((g) => !data.groupements.some((d) => d.id === g.id)),
  ].map((g) => replaced[g.id] ?? g);
  const update = (g: Groupement) => setReplaced((current) => ({ ...current, [g.id]: g }));
  return (
    <section aria-labelledby="groupement-title" className="groupement-section">
      <h2 id="groupement-title">{t('groupement.title')}</h2>
      <p className="muted">{t('groupement.intro')}</p>
      {data.canRecord && data.proposals.length > 0 ? (
        <Proposals
          lotLabels={lotLabels}
          recorded={groupements.map((g) => memberKey(g.members))}
          slug={slug}
          tenderId={tenderId}
          proposals={data.proposals}
          onRecorded={(g) => setRecorded((current) => [...current, g])}
        />
      ) : null}
      {groupements.length === 0 ? (
        <EmptyState title={t('groupement.empty')}>
          {data.canRecord ? t('groupement.emptyStaff') : t('groupement.emptyMember')}
        </EmptyState>
      ) : (
        groupements.map((g) => (
          <GroupementCard
            key={g.id}
            slug={slug}
            tenderId={tenderId}
            groupement={g}
            lotLabels={lotLabels}
            onChange={update}
          />
        ))
      )}
    </section>
  );
}

/** The same companies, in any order. */
const memberKey = (members: readonly { organisationId: string }[]) =>
  members
    .map((m) => m.organisationId)
    .sort()
    .join(' ');

function Proposals({
  lotLabels,
  recorded,
  slug,
  tenderId,
  proposals,
  onRecorded,
}: {
  slug: string;
  tenderId: string;
  proposals: TenderGroupements['proposals'];
  onRecorded: (g: Groupement) => void;
  lotLabels: (ids: readonly string[]) => string;
  /** The member sets of the groupements already recorded. */
  recorded: readonly string[];
}) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<Record<number, Kind>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function record(rank: number) {
    setBusy(rank);
    setError(null);
    try {
      onRecorded(
        await groupementsApi.record(slug, tenderId, { fromRank: rank, kind: kinds[rank] ?? 'conjoint' }),
      );
      setDone(true);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="groupement-proposals">
      <h3>{t('groupement.proposals')}</h3>
      <ErrorBanner error={error} />
      {done ? <SuccessBanner>{t('groupement.recorded')}</SuccessBanner> : null}
      {proposals.map((proposal) => {
        const nameOf = (id: string) => proposal.members.find((m) => m.organisationId === id)?.name ?? id;
        return (
          <article className="card groupement-proposal" key={proposal.rank}>
            <h4 className="card-title">{t('groupement.proposal', { rank: proposal.rank })}</h4>
            <ul>
              {proposal.members.map((m) => (
                <li key={m.organisationId}>
                  <strong>{m.name}</strong> · {lotLabels(m.lotIds)} · {percent(m.workShareBp)}
                </li>
              ))}
            </ul>
            {proposal.workedTogether.length > 0 ? (
              <p className="groupement-worked">
                {t('groupement.workedTogether', {
                  pairs: proposal.workedTogether.map(([a, b]) => `${nameOf(a)} & ${nameOf(b)}`).join(', '),
                })}
              </p>
            ) : null}
            <div className="groupement-actions">
              <label className="groupement-inline">
                <span>{t('groupement.kind.label')}</span>
                <select
                  value={kinds[proposal.rank] ?? 'conjoint'}
                  onChange={(event) =>
                    setKinds((current) => ({ ...current, [proposal.rank]: event.target.value as Kind }))
                  }
                >
                  <option value="conjoint">{t('groupement.kind.conjoint')}</option>
                  <option value="solidaire">{t('groupement.kind.solidaire')}</option>
                </select>
              </label>
              {recorded.includes(memberKey(proposal.members)) ? (
                <span className="badge groupement-status-go">{t('groupement.alreadyRecorded')}</span>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null}
                  onClick={() => record(proposal.rank)}
                >
                  {t('groupement.record')}
                </button>
              )}
            </div>
          </article>
        );
      })}
    </div>
  );
}

const STEPS = ['forming', 'go', 'submitted', 'outcome'] as const;

function Timeline({ status }: { status: Groupement['status'] }) {
  const { t } = useTranslation();
  const reached = { forming: 0, go: 1, 'no-go': 1, submitted: 2, won: 3, lost: 3 }[status];
  const label = (step: (typeof STEPS)[number], index: number) => {
    if (index === 1 && status === 'no-go') return t('groupement.status.no-go');
    if (step === 'outcome')
      return status === 'lost' ? t('groupement.status.lost') : t('groupement.status.won');
    return t(`groupement.status.${step}`);
  };
  return (
    <ol className="groupement-timeline" aria-label={t('groupement.timeline')}>
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={[
            index < reached ? 'groupement-step-done' : '',
            index === reached ? 'groupement-step-current' : '',
            index === reached && (status === 'no-go' || status === 'lost') ? 'groupement-step-stop' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          aria-current={index === reached ? 'step' : undefined}
        >
          {label(step, index)}
        </li>
      ))}
    </ol>
  );
}

function GroupementCard({
  slug,
  tenderId,
  groupement: g,
  lotLabels,
  onChange,
}: {
  slug: string;
  tenderId: string;
  groupement: Groupement;
  lotLabels: (ids: readonly string[]) => string;
  onChange: (g: Groupement) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  async function run(action: () => Promise<Groupement>) {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
      return true;
    } catch (caught) {
      setError(caught as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const mandataire = g.members.find((m) => m.organisationId === g.mandataireId);
  return (
    <article className="card groupement-card" aria-label={t(`groupement.kind.${g.kind}`)}>
      <header className="groupement-head">
        <h3 className="card-title">{t(`groupement.kind.${g.kind}`)}</h3>
        <span className={`badge groupement-status groupement-status-${g.status}`}>
          {t(`groupement.status.${g.status}`)}
        </span>
      </header>
      <p className="muted">{t(`groupement.kind.${g.kind}Help`)}</p>
      <Timeline status={g.status} />
      <ErrorBanner error={error} />
      <p>
        {t('groupement.mandataireIs')} <strong>{mandataire?.name ?? t('groupement.noMandataire')}</strong>
      </p>
      <h4>{t('groupement.members')}</h4>
      <ul className="groupement-members">
        {g.members.map((m) => (
          <li key={m.organisationId} className="groupement-member">
            <div className="groupement-member-name">
              <strong>{m.name}</strong>
              {m.organisationId === g.mandataireId ? (
                <span className="badge groupement-badge-mandataire">{t('groupement.mandataireBadge')}</span>
              ) : null}
              {m.isMine ? <span className="badge">{t('groupement.yours')}</span> : null}
            </div>
            <dl className="groupement-member-facts">
              <div>
                <dt>{t('groupement.lots')}</dt>
                <dd>{lotLabels(m.lotIds)}</dd>
              </div>
              <div>
                <dt>{t('groupement.share')}</dt>
                <dd>{percent(m.workShareBp)}</dd>
              </div>
              {g.isInsider ? (
                <div>
                  <dt>{t('groupement.price')}</dt>
                  <dd>
                    {m.priceCents !== null
                      ? formatMoney(m.priceCents)
                      : m.isPriceVisible
                        ? t('groupement.priceMissing')
                        : t('groupement.priceConfidential')}
                  </dd>
                </div>
              ) : null}
            </dl>
            {m.isMine && g.status !== 'won' && g.status !== 'lost' ? (
              <PriceForm
                current={m.priceCents}
                busy={busy}
                error={error}
                onSave={(cents) =>
                  run(() => groupementsApi.setPrice(slug, tenderId, g.id, m.organisationId, cents))
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      {g.canEdit && !editing ? (
        <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
          {t('groupement.edit')}
        </button>
      ) : null}
      {editing ? (
        <EditForm
          groupement={g}
          busy={busy}
          error={error}
          onCancel={() => setEditing(false)}
          onSave={async (draft) => {
            if (await run(() => groupementsApi.edit(slug, tenderId, g.id, draft))) setEditing(false);
          }}
        />
      ) : null}
      <Decision
        groupement={g}
        busy={busy}
        onDecide={(decision, reason) =>
          run(() => groupementsApi.decide(slug, tenderId, g.id, decision, reason))
        }
      />
      {g.isInsider ? (
        <>
          <Documents slug={slug} tenderId={tenderId} groupement={g} onChange={onChange} />
          <Revision
            groupement={g}
            busy={busy}
            error={error}
            onOpen={(cutBp) => run(() => groupementsApi.openRevision(slug, tenderId, g.id, { cutBp }))}
            onAnswer={(roundId, organisationId, accepted) =>
              run(() =>
                groupementsApi.answerRevision(slug, tenderId, g.id, roundId, organisationId, accepted),
              )
            }
          />
        </>
      ) : (
        <p className="field-hint">{t('groupement.insidersOnly')}</p>
      )}
      <Outcome
        groupement={g}
        busy={busy}
        error={error}
        formatDate={formatDate}
        formatMoney={formatMoney}
        onOutcome={(outcome, valueCents) =>
          run(() => groupementsApi.outcome(slug, tenderId, g.id, outcome, valueCents))
        }
      />
    </article>
  );
}

function PriceForm({
  current,
  busy,
  error,
  onSave,
}: {
  current: number | null;
  busy: boolean;
  error: ApiError | null;
  onSave: (cents: number) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current === null ? '' : centsToEuros(current));
  const [invalid, setInvalid] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = eurosToCents(value);
    setInvalid(cents === null);
    if (cents !== null) onSave(cents);
  }
  return (
    <form className="groupement-inline-form" onSubmit={submit}>
      <TextField
        label={t('groupement.setPrice')}
        hint={t('groupement.priceHint')}
        inputMode="decimal"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={invalid ? t('groupement.badAmount') : fieldError(error, 'priceCents')}
      />
      <button type="submit" className="button button-secondary groupement-inline-button" disabled={busy}>
        {t('groupement.savePrice')}
      </button>
    </form>
  );
}

function EditForm({
  groupement: g,
  busy,
  error,
  onCancel,
  onSave,
}: {
  groupement: Groupement;
  busy: boolean;
  error: ApiError | null;
  onCancel: () => void;
  onSave: (draft: {
    kind: Kind;
    mandataireId: string | null;
    members: { organisationId: string; lotIds: string[]; workShareBp: number }[];
  }) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>(g.kind);
  const [mandataireId, setMandataireId] = useState(g.mandataireId ?? '');
  const [shares, setShares] = useState<Record<string, string>>(
    Object.fromEntries(g.members.map((m) => [m.organisationId, String(m.workShareBp / 100)])),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave({
      kind,
      mandataireId: mandataireId || null,
      members: g.members.map((m) => ({
        organisationId: m.organisationId,
        lotIds: m.lotIds,
        workShareBp: Math.round(Number((shares[m.organisationId] ?? '').replace(',', '.')) * 100),
      })),
    });
  }
  return (
    <form className="card-form groupement-edit" onSubmit={submit}>
      <p className="field-hint">{t('groupement.editHint')}</p>
      <label className="groupement-inline">
        <span>{t('groupement.kind.label')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          <option value="conjoint">{t('groupement.kind.conjoint')}</option>
          <option value="solidaire">{t('groupement.kind.solidaire')}</option>
        </select>
      </label>
      <label className="groupement-inline">
        <span>{t('groupement.mandataire')}</span>
        <select value={mandataireId} onChange={(event) => setMandataireId(event.target.value)}>
          <option value="">{t('groupement.noMandataire')}</option>
          {g.members.map((m) => (
            <option key={m.organisationId} value={m.organisationId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {fieldError(error, 'mandataireId') ? (
        <p className="field-error">{fieldError(error, 'mandataireId')}</p>
      ) : null}
      {g.members.map((m) => (
        <TextField
          key={m.organisationId}
          label={t('groupement.sharePercent', { name: m.name })}
          inputMode="decimal"
          value={shares[m.organisationId] ?? ''}
          onChange={(event) =>
            setShares((current) => ({ ...current, [m.organisationId]: event.target.value }))
          }
        />
      ))}
      {fieldError(error, 'members') ? <p className="field-error">{fieldError(error, 'members')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('groupement.cancelEdit')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('groupement.saveEdit')}
        </button>
      </div>
    </form>
  );
}

function Decision({
  groupement: g,
  busy,
  onDecide,
}: {
  groupement: Groupement;
  busy: boolean;
  onDecide: (decision: 'go' | 'no-go', reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const canGo = g.canDecide && (g.status === 'forming' || g.status === 'no-go');
  const canNoGo = g.canDecide && (g.status === 'forming' || g.status === 'go');
  return (
    <div className="groupement-block">
      <h4>{t('groupement.decision')}</h4>
      {g.decidedAt ? (
        <p>
          <strong>{t(`groupement.status.${g.status === 'no-go' ? 'no-go' : 'go'}`)}</strong> ·{' '}
          {t('groupement.decided', { date: formatDate(g.decidedAt) })}
          {g.decisionReason ? ` — ${g.decisionReason}` : ''}
        </p>
      ) : null}
      {canGo || canNoGo ? (
        <>
          <TextField
            label={t('groupement.decisionReason')}
            hint={t('groupement.decisionReasonHint')}
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="groupement-actions">
            {canGo ? (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={async () => {
                  if (await onDecide('go', reason)) setReason('');
                }}
              >
                {t('groupement.go')}
              </button>
            ) : null}
            {canNoGo ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {t('groupement.noGo')}
              </button>
            ) : null}
          </div>
          <ConfirmDialog
            isOpen={confirming}
            title={t('groupement.noGoConfirm')}
            confirmLabel={t('groupement.noGo')}
            isBusy={busy}
            onCancel={() => setConfirming(false)}
            onConfirm={async () => {
              if (await onDecide('no-go', reason)) setReason('');
              setConfirming(false);
            }}
          >
            <p>{t('groupement.noGoText')}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

function Documents({
  slug,
  tenderId,
  groupement: g,
  onChange,
}: {
  slug: string;
  tenderId: string;
  groupement: Groupement;
  onChange: (g: Groupement) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  async function upload(file: File) {
    setBusy(true);
    setError(null);
    setUploaded(false);
    try {
      onChange(await groupementsApi.uploadDocument(slug, tenderId, g.id, file));
      setUploaded(true);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }
  async function remove(id: string) {
    setBusy(true);
    setError(null);
    try {
      onChange(await groupementsApi.deleteDocument(slug, tenderId, g.id, id));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  }
  return (
    <div className="groupement-block">
      <h4>{t('groupement.documents')}</h4>
      <ErrorBanner error={error} />
      {uploaded ? <SuccessBanner>{t('groupement.uploaded')}</SuccessBanner> : null}
      {g.documents.length === 0 ? (
        <p className="muted">{t('groupement.noDocuments')}</p>
      ) : (
        <ul className="groupement-documents">
          {g.documents.map((d) => (
            <li key={d.id}>
              <a href={groupementsApi.documentUrl(slug, tenderId, g.id, d.id)} download={d.name}>
                {d.name}
              </a>{' '}
              <span className="muted">· {formatDate(d.uploadedAt)}</span>
              {d.canDelete ? (
                <button
                  type="button"
                  className="button button-small button-secondary groupement-document-delete"
                  onClick={() => setDeleting({ id: d.id, name: d.name })}
                >
                  {t('groupement.delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <label className="groupement-upload">
        <span>{t('groupement.upload')}</span>
        <input
          type="file"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('groupement.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('groupement.delete')}
        isBusy={busy}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove(deleting.id)}
      >
        <p>{t('groupement.deleteText')}</p>
      </ConfirmDialog>
    </div>
  );
}

function Revision({
  groupement: g,
  busy,
  error,
  onOpen,
  onAnswer,
}: {
  groupement: Groupement;
  busy: boolean;
  error: ApiError | null;
  onOpen: (cutBp: number) => Promise<boolean>;
  onAnswer: (roundId: string, organisationId: string, accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();
  const [cut, setCut] = useState('5');
  const [invalid, setInvalid] = useState(false);
  const canOpen = g.canDecide && (g.status === 'go' || g.status === 'submitted');
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(cut.replace(',', '.'));
    const ok = Number.isFinite(value) && value > 0 && value <= 100;
    setInvalid(!ok);
    if (ok) void onOpen(Math.round(value * 100));
  }
  return (
    <div className="groupement-block">
      <h4>{t('groupement.revision')}</h4>
      <p className="field-hint">{t('groupement.revisionHint')}</p>
      {g.rounds.length === 0 ? <p className="muted">{t('groupement.noRevision')}</p> : null}
      {[...g.rounds].reverse().map((round) => (
        <div className="groupement-round" key={round.id}>
          <p>
            <strong>
              {t('groupement.round', {
                cut: round.cutBp !== null ? `−${percent(round.cutBp)}` : formatMoney(round.cutCents ?? 0),
                date: formatDate(round.createdAt),
              })}
            </strong>{' '}
            <span className="badge">
              {round.status === 'open' ? t('groupement.roundOpen') : t('groupement.roundClosed')}
            </span>
          </p>
          <p className="muted">
            {t('groupement.roundTotal', { total: formatMoney(round.totalCutCents) })} ·{' '}
            {t(`groupement.basis.${round.basis}`)}
          </p>
          <table className="groupement-table">
            <thead>
              <tr>
                <th scope="col">{t('groupement.member')}</th>
                <th scope="col">{t('groupement.shareOfCut')}</th>
                <th scope="col">{t('groupement.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {round.answers.map((answer) => (
                <tr key={answer.organisationId}>
                  <td>{answer.name}</td>
                  <td>{formatMoney(answer.shareCents)}</td>
                  <td>
                    {answer.canAnswer ? (
                      <span className="groupement-actions">
                        {answer.accepted !== null ? (
                          <span>{answer.accepted ? t('groupement.accepted') : t('groupement.refused')}</span>
                        ) : null}
                        <button
                          type="button"
                          className="button button-small button-primary"
                          disabled={busy}
                          onClick={() => onAnswer(round.id, answer.organisationId, true)}
                        >
                          {t('groupement.accept')}
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          disabled={busy}
                          onClick={() => onAnswer(round.id, answer.organisationId, false)}
                        >
                          {t('groupement.refuse')}
                        </button>
                      </span>
                    ) : (
                      <span
                        className={
                          answer.accepted === null
                            ? 'groupement-answer-pending'
                            : answer.accepted
                              ? 'groupement-answer-accepted'
                              : 'groupement-answer-refused'
                        }
                      >
                        {answer.accepted === null
                          ? t('groupement.pending')
                          : answer.accepted
                            ? t('groupement.accepted')
                            : t('groupement.refused')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {canOpen ? (
        <form className="groupement-inline-form" onSubmit={submit}>
          <TextField
            label={t('groupement.cutPercent')}
            inputMode="decimal"
            value={cut}
            onChange={(event) => setCut(event.target.value)}
            error={
              invalid
                ? t('groupement.badPercent')
                : (fieldError(error, 'cutBp') ?? fieldError(error, 'cutCents'))
            }
          />
          <button type="submit" className="button button-primary groupement-inline-button" disabled={busy}>
            {t('groupement.openRevision')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Outcome({
  groupement: g,
  busy,
  error,
  formatDate,
  formatMoney,
  onOutcome,
}: {
  groupement: Groupement;
  busy: boolean;
  error: ApiError | null;
  formatDate: (iso: string) => string;
  formatMoney: (cents: number) => string;
  onOutcome: (outcome: 'submitted' | 'won' | 'lost', valueCents: number | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [confirmingLost, setConfirmingLost] = useState(false);
  const canClose = g.canDecide && (g.status === 'go' || g.status === 'submitted');
  if (!canClose && g.status !== 'won' && g.status !== 'lost') return null;
  function won(event: FormEvent) {
    event.preventDefault();
    const cents = eurosToCents(value);
    setInvalid(cents === null || cents === 0);
    if (cents !== null && cents > 0) void onOutcome('won', cents);
  }
  return (
    <div className="groupement-block">
      <h4>{t('groupement.outcome')}</h4>
      {g.status === 'won' && g.outcomeValueCents !== null ? (
        <p className="groupement-won">
          {t('groupement.valueWon', { value: formatMoney(g.outcomeValueCents) })}
        </p>
      ) : null}
      {g.status === 'lost' && g.outcomeAt ? (
        <p>{t('groupement.lostOn', { date: formatDate(g.outcomeAt) })}</p>
      ) : null}
      {canClose ? (
        <>
          {g.status === 'go' ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => onOutcome('submitted', null)}
            >
              {t('groupement.submit')}
            </button>
          ) : null}
          <form className="groupement-inline-form" onSubmit={won}>
            <TextField
              label={t('groupement.value')}
              inputMode="decimal"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              error={invalid ? t('groupement.badAmount') : fieldError(error, 'valueCents')}
            />
            <button type="submit" className="button button-primary groupement-inline-button" disabled={busy}>
              {t('groupement.won')}
            </button>
            <button
              type="button"
              className="button button-secondary groupement-inline-button"
              disabled={busy}
              onClick={() => setConfirmingLost(true)}
            >
              {t('groupement.lost')}
            </button>
          </form>
          <ConfirmDialog
            isOpen={confirmingLost}
            title={t('groupement.lostConfirm')}
            confirmLabel={t('groupement.lost')}
            isBusy={busy}
            onCancel={() => setConfirmingLost(false)}
            onConfirm={async () => {
              await onOutcome('lost', null);
              setConfirmingLost(false);
            }}
          >
            <p>{t('groupement.lostText')}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}
