import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ApiError,
  api,
  type ExternalSupplier,
  type ExternalSupplierStatusRequest,
  type SupplierProposalList,
} from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { centsToEuros, eurosToCents, useFormatDate, useFormatMoney } from '../../components/format.ts';
import { NoBusinessNotice, useNoBusiness } from '../networks/no-business.tsx';
import { SupplierForm } from './relocation-supplier-form.tsx';

type Proposal = SupplierProposalList['proposals'][number];

/** The best proposals first; the others on request, so that a phone screen is not a long list. */
const FIRST_PROPOSALS = 5;

/** One outside supplier: what, how much a year, where it stands, and the member companies proposed. */
export function SupplierCard({
  slug,
  line,
  onChanged,
  showOrganisation = false,
}: {
  slug: string;
  line: ExternalSupplier;
  onChanged: () => void;
  showOrganisation?: boolean;
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const formatDate = useFormatDate();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [isShowingProposals, setIsShowingProposals] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A club with the « no business » rule proposes no member company as a supplier.
  const noBusiness = useNoBusiness(slug);

  if (isEditing) {
    return (
      <li>
        <SupplierForm
          slug={slug}
          organisations={[{ id: line.organisationId, name: line.organisationName }]}
          line={line}
          onCancel={() => setIsEditing(false)}
          onDone={() => {
            setIsEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }

  async function act(work: () => Promise<unknown>) {
    setIsBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      return false;
    } finally {
      setIsBusy(false);
    }
  }
  const setStatus = (body: ExternalSupplierStatusRequest) =>
    act(() => api.setExternalSupplierStatus(slug, line.id, body));

  const details = [
    showOrganisation ? line.organisationName : '',
    line.supplierName ? t('relocation.supplierIs', { name: line.supplierName }) : '',
    line.supplierPlace,
    line.nafCode ? t('relocation.nafIs', { code: line.nafCode }) : '',
    line.competences.length > 0
      ? t('relocation.competencesAre', { names: line.competences.map((c) => c.label).join(', ') })
      : '',
    line.requiredCertifications.length > 0
      ? t('relocation.certificationsAre', { names: line.requiredCertifications.join(', ') })
      : '',
  ].filter(Boolean);

  return (
    <li className={`card relocation-line relocation-line-${line.status}`}>
      <div className="relocation-line-head">
        <h3 className="card-title">{line.what}</h3>
        <span className={`badge relocation-status relocation-status-${line.status}`}>
          {t(`relocation.status.${line.status}`)}
        </span>
      </div>
      <p className="relocation-amount">
        {t('relocation.perYear', { amount: money(line.yearlyAmountCents) })}
      </p>
      {details.length > 0 ? <p className="muted">{details.join(' · ')}</p> : null}
      {line.status === 'replaced' && line.replacedBy ? (
        <p className="relocation-replaced">
          {t('relocation.replacedBy')}{' '}
          <Link to={`/n/${slug}/organisations/${line.replacedBy.id}`}>{line.replacedBy.name}</Link>
          {' — '}
          {t('relocation.broughtBackPerYear', { amount: money(line.amountBroughtBackCents ?? 0) })}
          {line.replacedAt ? ` (${formatDate(line.replacedAt)})` : ''}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {noBusiness ? <NoBusinessNotice what="relocation" /> : null}
      <div className="form-actions relocation-actions">
        {noBusiness === false ? (
          <button
            type="button"
            className="button button-small"
            aria-expanded={isShowingProposals}
            onClick={() => setIsShowingProposals((shown) => !shown)}
          >
            {isShowingProposals ? t('relocation.hideProposals') : t('relocation.showProposals')}
          </button>
        ) : null}
        {line.canEdit ? (
          <>
            {line.status !== 'in-talks' && line.status !== 'replaced' ? (
              <button
                type="button"
                className="button button-small"
                disabled={isBusy}
                onClick={() => void setStatus({ status: 'in-talks' })}
              >
                {t('relocation.markInTalks')}
              </button>
            ) : null}
            {line.status !== 'dropped' ? (
              <button
                type="button"
                className="button button-small"
                disabled={isBusy}
                onClick={() => void setStatus({ status: 'dropped' })}
              >
                {t('relocation.markDropped')}
              </button>
            ) : null}
            {line.status !== 'open' ? (
              <button
                type="button"
                className="button button-small"
                disabled={isBusy}
                onClick={() => void setStatus({ status: 'open' })}
              >
                {t('relocation.reopen')}
              </button>
            ) : null}
            <button type="button" className="button button-small" onClick={() => setIsEditing(true)}>
              {t('relocation.editAction')}
            </button>
            <button type="button" className="button button-small" onClick={() => setIsConfirmingDelete(true)}>
              {t('relocation.delete')}
            </button>
          </>
        ) : null}
      </div>
      {isShowingProposals && noBusiness === false ? (
        <Proposals slug={slug} line={line} onReplace={(body) => setStatus(body)} isBusy={isBusy} />
      ) : null}
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={t('relocation.deleteTitle')}
        confirmLabel={t('relocation.delete')}
        isBusy={isBusy}
        onConfirm={() =>
          void act(() => api.deleteExternalSupplier(slug, line.id)).then((isDone) => {
            if (isDone) setIsConfirmingDelete(false);
          })
        }
        onCancel={() => setIsConfirmingDelete(false)}
      >
        <p>{t('relocation.deleteText', { what: line.what })}</p>
      </ConfirmDialog>
    </li>
  );
}

/** The member companies proposed for a line, each with why, and the way to record a replacement. */
function Proposals({
  slug,
  line,
  onReplace,
  isBusy,
}: {
  slug: string;
  line: ExternalSupplier;
  onReplace: (body: ExternalSupplierStatusRequest) => Promise<boolean>;
  isBusy: boolean;
}) {
  const { t } = useTranslation();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const proposals = useApi(
    () => api.relocationCandidates(slug, line.id),
    `relocation-candidates-${line.id}-${line.updatedAt}`,
  );
  if (proposals.state === 'loading') return <Loading label={t('relocation.searching')} />;
  if (proposals.state === 'failed') return <ErrorBanner error={proposals.error} onRetry={proposals.reload} />;
  const all = proposals.data.proposals;
  const list = isShowingAll ? all : all.slice(0, FIRST_PROPOSALS);
  return (
    <section
      className="relocation-proposals"
      aria-label={t('relocation.proposalsTitle', { what: line.what })}
    >
      <h4>{t('relocation.proposalsTitle', { what: line.what })}</h4>
      {list.length === 0 ? (
        <EmptyState title={t('relocation.noProposal')}>{t('relocation.noProposalHint')}</EmptyState>
      ) : (
        <ol className="relocation-proposal-list">
          {list.map((proposal) => (
            <ProposalItem
              key={proposal.organisationId}
              slug={slug}
              line={line}
              proposal={proposal}
              onReplace={onReplace}
              isBusy={isBusy}
            />
          ))}
        </ol>
      )}
      {all.length > list.length ? (
        <button
          type="button"
          className="button button-small relocation-more"
          onClick={() => setIsShowingAll(true)}
        >
          {t('relocation.moreProposals', { count: all.length - list.length })}
        </button>
      ) : null}
    </section>
  );
}

function ProposalItem({
  slug,
  line,
  proposal,
  onReplace,
  isBusy,
}: {
  slug: string;
  line: ExternalSupplier;
  proposal: Proposal;
  onReplace: (body: ExternalSupplierStatusRequest) => Promise<boolean>;
  isBusy: boolean;
}) {
  const { t } = useTranslation();
  const [isReplacing, setIsReplacing] = useState(false);
  const [amount, setAmount] = useState(centsToEuros(line.yearlyAmountCents));
  const [amountError, setAmountError] = useState<string | undefined>();
  const isChosen = line.status === 'replaced' && line.replacedBy?.id === proposal.organisationId;

  const reasons: string[] = [];
  if (proposal.matchedCompetences.length > 0)
    reasons.push(t('relocation.why.competences', { names: proposal.matchedCompetences.join(', ') }));
  if (proposal.matchedWords.length > 0)
    reasons.push(t('relocation.why.words', { words: proposal.matchedWords.join(', ') }));
  if (proposal.nafMatch)
    reasons.push(t(`relocation.why.naf.${proposal.nafMatch}`, { code: proposal.nafCode }));
  if (proposal.certificationsHeld.length > 0)
    reasons.push(t('relocation.why.certified', { names: proposal.certificationsHeld.join(', ') }));
  if (proposal.certificationsExpired.length > 0)
    reasons.push(t('relocation.why.expired', { names: proposal.certificationsExpired.join(', ') }));
  if (proposal.certificationsMissing.length > 0)
    reasons.push(t('relocation.why.missing', { names: proposal.certificationsMissing.join(', ') }));
  if (proposal.distanceKm !== null)
    reasons.push(t('relocation.why.distance', { km: Math.round(proposal.distanceKm) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = eurosToCents(amount);
    if (cents === null || amount.trim() === '') {
      setAmountError(t('relocation.field.amountInvalid'));
      return;
    }
    setAmountError(undefined);
    const isDone = await onReplace({
      status: 'replaced',
      replacedByOrganisationId: proposal.organisationId,
      amountBroughtBackCents: cents,
    });
    if (isDone) setIsReplacing(false);
  }

  return (
    <li className="relocation-proposal">
      <div className="relocation-proposal-head">
        <Link to={`/n/${slug}/organisations/${proposal.organisationId}`} className="relocation-proposal-name">
          {proposal.name}
        </Link>
        <span className="muted">{[proposal.commune, proposal.departement].filter(Boolean).join(', ')}</span>
        {isChosen ? (
          <span className="badge relocation-status relocation-status-replaced">{t('relocation.chosen')}</span>
        ) : null}
      </div>
      <ul className="relocation-why">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {line.canEdit && !isChosen ? (
        isReplacing ? (
          <form className="relocation-replace-form" onSubmit={submit} noValidate>
            <TextField
              label={t('relocation.field.broughtBack')}
              hint={t('relocation.field.broughtBackHint')}
              inputMode="decimal"
              value={amount}
              error={amountError}
              onChange={(event) => {
                setAmount(event.target.value);
                setAmountError(undefined);
              }}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary button-small" disabled={isBusy}>
                {t('relocation.confirmReplaced', { name: proposal.name })}
              </button>
              <button type="button" className="button button-small" onClick={() => setIsReplacing(false)}>
                {t('action.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button-small" onClick={() => setIsReplacing(true)}>
            {t('relocation.markReplaced')}
          </button>
        )
      ) : null}
    </li>
  );
}
