import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  api,
  type BudgetKind,
  type FundingStatus,
  type IndicatorKind,
  type ProjectLife,
  projectDocumentUrl,
  uploadProjectDocument,
} from '../../app/api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { eurosToCents, useFormatDate, useFormatMoney, useFormatNumber } from '../../components/format.ts';

interface SectionProps {
  slug: string;
  life: ProjectLife;
  onChange: (life: ProjectLife) => void;
}

const INDICATOR_KINDS: readonly IndicatorKind[] = [
  'jobs-kept',
  'jobs-created',
  'trainees',
  'local-purchases-cents',
  'amount-raised-cents',
];
const isMoneyIndicator = (kind: IndicatorKind) => kind.endsWith('-cents');
const today = () => new Date().toISOString().slice(0, 10);

/** Runs a change of the project; keeps the error to show and whether it is under way. */
function useProjectAction(onChange: (life: ProjectLife) => void) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(action: () => Promise<ProjectLife>): Promise<boolean> {
    setIsBusy(true);
    setError(null);
    try {
      onChange(await action());
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
      return false;
    } finally {
      setIsBusy(false);
    }
  }
  return { run, isBusy, error, setError };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card project-section" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** An error of the form that names no field shown here: a banner. */
function FormError({ error, fields }: { error: ApiError | null; fields: readonly string[] }) {
  if (!error) return null;
  if (fields.some((field) => fieldError(error, field))) return null;
  return <ErrorBanner error={error} />;
}

export function MilestonesSection({ slug, life, onChange }: SectionProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { run, isBusy, error } = useProjectAction(onChange);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [toDelete, setToDelete] = useState<{ id: string; title: string } | null>(null);
  return (
    <Section id="project-milestones-title" title={t('projectLife.milestones')}>
      {life.milestones.length === 0 ? (
        <EmptyState title={t('projectLife.noMilestones')} />
      ) : (
        <ul className="project-milestones">
          {life.milestones.map((milestone) => (
            <li
              key={milestone.id}
              className={milestone.doneAt ? 'project-milestone project-milestone-done' : 'project-milestone'}
            >
              <label className="project-check">
                <input
                  type="checkbox"
                  checked={milestone.doneAt !== null}
                  disabled={!life.canWrite || isBusy}
                  onChange={(event) =>
                    void run(() =>
                      api.updateMilestone(slug, life.id, milestone.id, { isDone: event.target.checked }),
                    )
                  }
                />
                <span>{milestone.title}</span>
              </label>
              <span className="muted">
                {milestone.dueOn ? formatDate(milestone.dueOn) : t('projectLife.noDueDate')}
                {milestone.doneAt
                  ? ` · ${t('projectLife.doneOn', { date: formatDate(milestone.doneAt) })}`
                  : ''}
              </span>
              {life.canWrite ? (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={t('projectLife.deleteNamed', { name: milestone.title })}
                  onClick={() => setToDelete({ id: milestone.id, title: milestone.title })}
                >
                  {t('projectLife.delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {life.canWrite ? (
        <form
          className="project-inline-form"
          aria-label={t('projectLife.addMilestone')}
          onSubmit={async (event) => {
            event.preventDefault();
            const ok = await run(() => api.addMilestone(slug, life.id, { title, dueOn: dueOn || null }));
            if (ok) {
              setTitle('');
              setDueOn('');
            }
          }}
        >
          <div className="project-grow">
            <TextField
              label={t('projectLife.milestoneTitle')}
              value={title}
              maxLength={200}
              required
              onChange={(event) => setTitle(event.target.value)}
              error={fieldError(error, 'title')}
            />
          </div>
          <TextField
            label={t('projectLife.dueOn')}
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            error={fieldError(error, 'dueOn')}
          />
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('projectLife.addMilestone')}
          </button>
        </form>
      ) : null}
      <FormError error={error} fields={['title', 'dueOn']} />
      {toDelete ? (
        <DeleteItemDialog
          title={t('projectLife.deleteMilestoneTitle')}
          name={toDelete.title}
          isBusy={isBusy}
          onCancel={() => setToDelete(null)}
          onDelete={async () => {
            await run(() => api.deleteMilestone(slug, life.id, toDelete.id));
            setToDelete(null);
          }}
        />
      ) : null}
    </Section>
  );
}

export function BudgetSection({ slug, life, onChange }: SectionProps) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const { run, isBusy, error, setError } = useProjectAction(onChange);
  const [kind, setKind] = useState<BudgetKind>('expense');
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [funderName, setFunderName] = useState('');
  const [fundingStatus, setFundingStatus] = useState<FundingStatus>('planned');
  const [toDelete, setToDelete] = useState<{ id: string; label: string } | null>(null);
  const [amountError, setAmountError] = useState<string | undefined>();
  const expenses = life.budgetLines.filter((line) => line.kind === 'expense');
  const funding = life.budgetLines.filter((line) => line.kind === 'funding');
  const { budget } = life;

  function lines(title: string, rows: typeof life.budgetLines, isFunding: boolean) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, so its box must be reachable by keyboard
      <section className="project-table-wrap" aria-label={title} tabIndex={0}>
        <table className="table project-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projectLife.label')}</th>
              {isFunding ? <th scope="col">{t('projectLife.funder')}</th> : null}
              {isFunding ? <th scope="col">{t('projectLife.fundingStatus')}</th> : null}
              <th scope="col" className="project-num">
                {t('projectLife.amount')}
              </th>
              {life.canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">{t('projectLife.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={isFunding ? 5 : 3} className="muted">
                  {isFunding ? t('projectLife.noFunding') : t('projectLife.noExpenses')}
                </td>
              </tr>
            ) : (
              rows.map((line) => (
                <tr key={line.id}>
                  <td>{line.label}</td>
                  {isFunding ? <td>{line.funderName}</td> : null}
                  {isFunding ? (
                    <td>
                      {life.canWrite ? (
                        <select
                          aria-label={t('projectLife.fundingStatusOf', { name: line.label })}
                          value={line.fundingStatus ?? 'planned'}
                          disabled={isBusy}
                          onChange={(event) =>
                            void run(() =>
                              api.updateBudgetLine(slug, life.id, line.id, {
                                fundingStatus: event.target.value as FundingStatus,
                              }),
                            )
                          }
                        >
                          {(['planned', 'requested', 'obtained'] as const).map((status) => (
                            <option key={status} value={status}>
                              {t(`projectLife.funding.${status}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className={`badge project-funding-${line.fundingStatus}`}>
                          {t(`projectLife.funding.${line.fundingStatus ?? 'planned'}`)}
                        </span>
                      )}
                    </td>
                  ) : null}
                  <td className="project-num">{formatMoney(line.amountCents)}</td>
                  {life.canWrite ? (
                    <td>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('projectLife.deleteNamed', { name: line.label })}
                        onClick={() => setToDelete({ id: line.id, label: line.label })}
                      >
                        {t('projectLife.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    );
  }

  return (
    <Section id="project-budget-title" title={t('projectLife.budget')}>
      <dl className="project-totals">
        <div>
          <dt>{t('projectLife.totalExpenses')}</dt>
          <dd>{formatMoney(budget.expensesCents)}</dd>
        </div>
        <div>
          <dt>{t('projectLife.totalObtained')}</dt>
          <dd>{formatMoney(budget.obtainedCents)}</dd>
        </div>
        <div>
          <dt>{t('projectLife.totalRequested')}</dt>
          <dd>{formatMoney(budget.requestedCents + budget.plannedCents)}</dd>
        </div>
        <div
          className={
            budget.gapCents > 0
              ? 'project-total-gap'
              : budget.expensesCents > 0
                ? 'project-total-ok'
                : undefined
          }
        >
          <dt>{t('projectLife.gap')}</dt>
          <dd>{formatMoney(budget.gapCents)}</dd>
        </div>
      </dl>
      {lines(t('projectLife.expenses'), expenses, false)}
      {lines(t('projectLife.cofinancing'), funding, true)}
      {life.canWrite ? (
        <form
          className="project-inline-form"
          aria-label={t('projectLife.addLine')}
          onSubmit={async (event) => {
            event.preventDefault();
            const amountCents = eurosToCents(amount);
            if (amountCents === null || amount.trim() === '') {
              setAmountError(t('projectLife.amountInvalid'));
              return;
            }
            setAmountError(undefined);
            setError(null);
            const ok = await run(() =>
              api.addBudgetLine(slug, life.id, {
                kind,
                label,
                amountCents,
                funderName: kind === 'funding' ? funderName : null,
                fundingStatus: kind === 'funding' ? fundingStatus : null,
              }),
            );
            if (ok) {
              setLabel('');
              setAmount('');
              setFunderName('');
            }
          }}
        >
          <div className="field">
            <label htmlFor="project-line-kind">{t('projectLife.lineKind')}</label>
            <select
              id="project-line-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as BudgetKind)}
            >
              <option value="expense">{t('projectLife.kind.expense')}</option>
              <option value="funding">{t('projectLife.kind.funding')}</option>
            </select>
          </div>
          <div className="project-grow">
            <TextField
              label={t('projectLife.label')}
              value={label}
              maxLength={200}
              required
              onChange={(event) => setLabel(event.target.value)}
              error={fieldError(error, 'label')}
            />
          </div>
          <TextField
            label={t('projectLife.amountEuros')}
            inputMode="decimal"
            value={amount}
            required
            onChange={(event) => setAmount(event.target.value)}
            error={amountError ?? fieldError(error, 'amountCents')}
          />
          {kind === 'funding' ? (
            <>
              <TextField
                label={t('projectLife.funder')}
                value={funderName}
                maxLength={200}
                required
                onChange={(event) => setFunderName(event.target.value)}
                error={fieldError(error, 'funderName')}
              />
              <div className="field">
                <label htmlFor="project-line-status">{t('projectLife.fundingStatus')}</label>
                <select
                  id="project-line-status"
                  value={fundingStatus}
                  onChange={(event) => setFundingStatus(event.target.value as FundingStatus)}
                >
                  {(['planned', 'requested', 'obtained'] as const).map((status) => (
                    <option key={status} value={status}>
                      {t(`projectLife.funding.${status}`)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : null}
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('projectLife.addLine')}
          </button>
        </form>
      ) : null}
      <FormError error={error} fields={['label', 'amountCents', 'funderName']} />
      {toDelete ? (
        <DeleteItemDialog
          title={t('projectLife.deleteLineTitle')}
          name={toDelete.label}
          isBusy={isBusy}
          onCancel={() => setToDelete(null)}
          onDelete={async () => {
            await run(() => api.deleteBudgetLine(slug, life.id, toDelete.id));
            setToDelete(null);
          }}
        />
      ) : null}
    </Section>
  );
}

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function DocumentsSection({ slug, life, onChange }: SectionProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const { run, isBusy, error, setError } = useProjectAction(onChange);
  const [progress, setProgress] = useState<number | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<{ id: string; name: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'unit',
      unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024));

  async function upload(file: File) {
    setTooBig(null);
    if (file.size > MAX_DOCUMENT_BYTES) {
      setTooBig(t('projectLife.fileTooLarge', { name: file.name }));
      return;
    }
    setProgress(0);
    await run(() => uploadProjectDocument(slug, life.id, file, setProgress));
    setProgress(null);
    if (input.current) input.current.value = '';
  }

  return (
    <Section id="project-documents-title" title={t('projectLife.documents')}>
      {life.documents.length === 0 ? (
        <EmptyState title={t('projectLife.noDocuments')} />
      ) : (
        <ul className="project-documents">
          {life.documents.map((document) => (
            <li key={document.id}>
              <a href={projectDocumentUrl(slug, life.id, document.id)} download={document.name}>
                {document.name}
              </a>
              <span className="muted">
                {size(document.sizeBytes)} · {formatDate(document.uploadedAt)}
                {document.uploadedBy ? ` · ${document.uploadedBy}` : ''}
              </span>
              {life.canWrite ? (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={t('projectLife.deleteNamed', { name: document.name })}
                  onClick={() => setToDelete({ id: document.id, name: document.name })}
                >
                  {t('projectLife.delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {life.canWrite ? (
        <div className="project-upload">
          <label htmlFor="project-document-file" className="project-upload-label">
            {t('projectLife.upload')}
          </label>
          <input
            ref={input}
            id="project-document-file"
            type="file"
            disabled={isBusy}
            aria-describedby="project-document-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              setError(null);
              if (file) void upload(file);
            }}
          />
          <p id="project-document-hint" className="field-hint">
            {t('projectLife.uploadHint')}
          </p>
          {progress !== null ? (
            <progress
              className="project-progress"
              max={1}
              value={progress}
              aria-label={t('projectLife.uploading')}
            >
              {Math.round(progress * 100)} %
            </progress>
          ) : null}
        </div>
      ) : null}
      {tooBig ? (
        <div className="banner banner-error" role="alert">
          {tooBig}
        </div>
      ) : null}
      <ErrorBanner error={error} />
      {toDelete ? (
        <DeleteItemDialog
          title={t('projectLife.deleteDocumentTitle')}
          name={toDelete.name}
          isBusy={isBusy}
          onCancel={() => setToDelete(null)}
          onDelete={async () => {
            await run(() => api.deleteProjectDocument(slug, life.id, toDelete.id));
            setToDelete(null);
          }}
        />
      ) : null}
    </Section>
  );
}

export function EventsSection({ slug, life, onChange }: SectionProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { run, isBusy, error } = useProjectAction(onChange);
  const [kind, setKind] = useState<'decision' | 'outcome'>('decision');
  const [text, setText] = useState('');
  const [occurredOn, setOccurredOn] = useState(today);
  return (
    <Section id="project-events-title" title={t('projectLife.events')}>
      {life.events.length === 0 ? (
        <EmptyState title={t('projectLife.noEvents')} />
      ) : (
        <ol className="project-log">
          {life.events.map((event) => (
            <li key={event.id} className={`project-log-item project-log-${event.kind}`}>
              <span className={`badge project-event-${event.kind}`}>
                {t(`projectLife.eventKind.${event.kind}`)}
              </span>
              <div>
                <p className="project-log-text">
                  {event.kind === 'stage-change' && event.fromStage && event.toStage
                    ? t('projectLife.stageChanged', {
                        from: t(`projects.stage.${event.fromStage}`),
                        to: t(`projects.stage.${event.toStage}`),
                      })
                    : event.text}
                </p>
                {event.kind === 'stage-change' && event.text && !event.text.includes('→') ? (
                  <p className="project-log-note">{event.text}</p>
                ) : null}
                <p className="muted">
                  {formatDate(event.occurredOn)}
                  {event.authorName ? ` · ${event.authorName}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {life.canWrite ? (
        <form
          className="project-inline-form"
          aria-label={t('projectLife.addEvent')}
          onSubmit={async (event) => {
            event.preventDefault();
            if (await run(() => api.addProjectEvent(slug, life.id, { kind, text, occurredOn }))) setText('');
          }}
        >
          <div className="field">
            <label htmlFor="project-event-kind">{t('projectLife.eventKindLabel')}</label>
            <select
              id="project-event-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as 'decision' | 'outcome')}
            >
              <option value="decision">{t('projectLife.eventKind.decision')}</option>
              <option value="outcome">{t('projectLife.eventKind.outcome')}</option>
            </select>
          </div>
          <div className="project-grow">
            <TextField
              label={t('projectLife.eventText')}
              value={text}
              maxLength={4000}
              required
              onChange={(event) => setText(event.target.value)}
              error={fieldError(error, 'text')}
            />
          </div>
          <TextField
            label={t('projectLife.date')}
            type="date"
            value={occurredOn}
            required
            onChange={(event) => setOccurredOn(event.target.value)}
            error={fieldError(error, 'occurredOn')}
          />
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('projectLife.addEvent')}
          </button>
        </form>
      ) : null}
      <FormError error={error} fields={['text', 'occurredOn']} />
    </Section>
  );
}

export function IndicatorsSection({ slug, life, onChange }: SectionProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatMoney = useFormatMoney();
  const formatNumber = useFormatNumber();
  const { run, isBusy, error } = useProjectAction(onChange);
  const [kind, setKind] = useState<IndicatorKind>('jobs-kept');
  const [value, setValue] = useState('');
  const [periodOn, setPeriodOn] = useState(today);
  const [note, setNote] = useState('');
  const [valueError, setValueError] = useState<string | undefined>();
  const [toDelete, setToDelete] = useState<{ id: string; name: string } | null>(null);
  return (
    <Section id="project-indicators-title" title={t('projectLife.indicators')}>
      <p className="muted">{t('projectLife.indicatorsIntro')}</p>
      {life.indicators.length === 0 ? (
        <EmptyState title={t('projectLife.noIndicators')} />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls, so its box must be reachable by keyboard
        <section className="project-table-wrap" aria-label={t('projectLife.indicators')} tabIndex={0}>
          <table className="table project-table">
            <thead>
              <tr>
                <th scope="col">{t('projectLife.indicator')}</th>
                <th scope="col" className="project-num">
                  {t('projectLife.value')}
                </th>
                <th scope="col">{t('projectLife.period')}</th>
                <th scope="col">{t('projectLife.note')}</th>
                {life.canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('projectLife.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {life.indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <td>{t(`projectLife.indicatorKind.${indicator.kind}`)}</td>
                  <td className="project-num">
                    {isMoneyIndicator(indicator.kind)
                      ? formatMoney(indicator.value)
                      : formatNumber(indicator.value)}
                  </td>
                  <td>{formatDate(indicator.periodOn)}</td>
                  <td>{indicator.note}</td>
                  {life.canWrite ? (
                    <td>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('projectLife.deleteNamed', {
                          name: t(`projectLife.indicatorKind.${indicator.kind}`),
                        })}
                        onClick={() =>
                          setToDelete({
                            id: indicator.id,
                            name: t(`projectLife.indicatorKind.${indicator.kind}`),
                          })
                        }
                      >
                        {t('projectLife.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {life.canWrite ? (
        <form
          className="project-inline-form"
          aria-label={t('projectLife.addIndicator')}
          onSubmit={async (event) => {
            event.preventDefault();
            const parsed = isMoneyIndicator(kind)
              ? eurosToCents(value)
              : /^\d+$/.test(value.trim())
                ? Number(value.trim())
                : null;
            if (parsed === null || value.trim() === '') {
              setValueError(t('projectLife.valueInvalid'));
              return;
            }
            setValueError(undefined);
            const ok = await run(() =>
              api.addIndicator(slug, life.id, { kind, value: parsed, periodOn, note }),
            );
            if (ok) {
              setValue('');
              setNote('');
            }
          }}
        >
          <div className="field">
            <label htmlFor="project-indicator-kind">{t('projectLife.indicator')}</label>
            <select
              id="project-indicator-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as IndicatorKind)}
            >
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`projectLife.indicatorKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={isMoneyIndicator(kind) ? t('projectLife.amountEuros') : t('projectLife.value')}
            inputMode={isMoneyIndicator(kind) ? 'decimal' : 'numeric'}
            value={value}
            required
            onChange={(event) => setValue(event.target.value)}
            error={valueError ?? fieldError(error, 'value')}
          />
          <TextField
            label={t('projectLife.period')}
            type="date"
            value={periodOn}
            required
            onChange={(event) => setPeriodOn(event.target.value)}
            error={fieldError(error, 'periodOn')}
          />
          <div className="project-grow">
            <TextField
              label={t('projectLife.note')}
              value={note}
              maxLength={1000}
              onChange={(event) => setNote(event.target.value)}
              error={fieldError(error, 'note')}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('projectLife.addIndicator')}
          </button>
        </form>
      ) : null}
      <FormError error={error} fields={['value', 'periodOn', 'note']} />
      {toDelete ? (
        <DeleteItemDialog
          title={t('projectLife.deleteIndicatorTitle')}
          name={toDelete.name}
          isBusy={isBusy}
          onCancel={() => setToDelete(null)}
          onDelete={async () => {
            await run(() => api.deleteIndicator(slug, life.id, toDelete.id));
            setToDelete(null);
          }}
        />
      ) : null}
    </Section>
  );
}

/** Asks before deleting one item of a project (a milestone, a budget line, a document …). */
function DeleteItemDialog({
  title,
  name,
  isBusy,
  onCancel,
  onDelete,
}: {
  title: string;
  name: string;
  isBusy: boolean;
  onCancel: () => void;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      isOpen
      title={title}
      confirmLabel={t('projectLife.delete')}
      isBusy={isBusy}
      onCancel={onCancel}
      onConfirm={onDelete}
    >
      {t('projectLife.deleteConfirm', { name })}
    </ConfirmDialog>
  );
}
