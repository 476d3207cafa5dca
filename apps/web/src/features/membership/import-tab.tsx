import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ImportReport, uploadImport } from '../../app/api.ts';
import { ErrorBanner } from '../../components/feedback.tsx';
import { useFormatNumber } from '../../components/format.ts';

type Kind = 'members' | 'sirene';

/**
 * Imports members from a spreadsheet or from the SIRENE stock file. The upload shows its
 * progress; the answer is the report: what was imported, or every bad row and nothing imported.
 */
export function ImportTab({ slug, onShowRegister }: { slug: string; onShowRegister: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [uniteLegale, setUniteLegale] = useState<File | null>(null);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [asMembers, setAsMembers] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    setProgress(0);
    try {
      const answer = await uploadImport(
        slug,
        {
          kind,
          includeClosed: kind === 'sirene' && includeClosed,
          members: kind === 'sirene' && asMembers,
          file,
          uniteLegale: kind === 'sirene' ? uniteLegale : null,
        },
        setProgress,
      );
      setReport(answer);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setProgress(null);
    }
  }

  const isSending = progress !== null;
  return (
    <div className="import">
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card-title">
          {t('import.title')}
        </h2>
        <p className="muted">{t('import.intro')}</p>
        <form key={formKey} onSubmit={submit}>
          <fieldset className="choice-group">
            <legend>{t('import.kind')}</legend>
            {(['members', 'sirene'] as const).map((value) => (
              <div key={value} className="choice">
                <input
                  id={`${id}-${value}`}
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                <label htmlFor={`${id}-${value}`}>
                  <strong>{t(`import.kinds.${value}.label`)}</strong>
                  <span className="muted small">{t(`import.kinds.${value}.hint`)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <FileField
            id={`${id}-file`}
            label={t(kind === 'sirene' ? 'import.sireneFile' : 'import.file')}
            accept={kind === 'sirene' ? '.csv,text/csv' : '.csv,.xlsx,text/csv'}
            file={file}
            onFile={setFile}
          />
          {kind === 'sirene' ? (
            <>
              <FileField
                id={`${id}-ul`}
                label={t('import.uniteLegale')}
                hint={t('import.uniteLegaleHint')}
                accept=".csv,text/csv"
                file={uniteLegale}
                onFile={setUniteLegale}
              />
              <div className="check">
                <input
                  id={`${id}-closed`}
                  type="checkbox"
                  checked={includeClosed}
                  onChange={(event) => setIncludeClosed(event.target.checked)}
                />
                <label htmlFor={`${id}-closed`}>{t('import.includeClosed')}</label>
              </div>
              <div className="check">
                <input
                  id={`${id}-members`}
                  type="checkbox"
                  checked={asMembers}
                  aria-describedby={`${id}-members-hint`}
                  onChange={(event) => setAsMembers(event.target.checked)}
                />
                <label htmlFor={`${id}-members`}>{t('import.asMembers')}</label>
              </div>
              <p id={`${id}-members-hint`} className="field-hint check-hint">
                {t('import.asMembersHint')}
              </p>
            </>
          ) : null}
          <p className="muted small">{t('import.allOrNothing')}</p>
          <button type="submit" className="button button-primary" disabled={!file || isSending}>
            {isSending ? t('import.sending') : t('import.submit')}
          </button>
        </form>
        {isSending ? <UploadProgress fraction={progress} /> : null}
      </section>
      <ErrorBanner error={error} />
      {report ? (
        <ImportReportView
          report={report}
          onShowRegister={onShowRegister}
          onAgain={() => {
            setReport(null);
            setFile(null);
            setUniteLegale(null);
            setFormKey((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}

/** A file input in the interface's language (the browser's own button speaks the browser's). */
function FileField({
  id,
  label,
  hint,
  accept,
  file,
  onFile,
}: {
  id: string;
  label: string;
  hint?: string;
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  return (
    <div className="field file-field">
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="file-picker">
        <input
          id={id}
          type="file"
          className="file-input"
          accept={accept}
          aria-labelledby={`${id}-label`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={id} className="button button-secondary button-small" aria-hidden="true">
          {t('import.chooseFile')}
        </label>
        <span className={file ? 'file-name' : 'file-name muted'}>
          {file
            ? t('import.fileSize', { name: file.name, size: formatNumber(Math.ceil(file.size / 1024)) })
            : t('import.noFile')}
        </span>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction * 100);
  const isProcessing = fraction >= 1;
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <progress max={100} value={isProcessing ? undefined : percent} aria-label={t('import.progressLabel')} />
      <span>{isProcessing ? t('import.processing') : t('import.uploading', { percent })}</span>
    </div>
  );
}

function ImportReportView({
  report,
  onAgain,
  onShowRegister,
}: {
  report: ImportReport;
  onAgain: () => void;
  onShowRegister: () => void;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const isImported = report.status === 'imported';
  return (
    <section className="card import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="card-title">
        {t('import.reportTitle')}
      </h2>
      {isImported ? (
        <div className="banner banner-success" role="status">
          {t('import.imported', { count: report.rows, rows: formatNumber(report.rows) })}
        </div>
      ) : (
        <div className="banner banner-error" role="alert">
          <span>
            <strong>{t('import.rejected')}</strong>{' '}
            {t('import.rejectedCount', { count: report.errorCount, errors: formatNumber(report.errorCount) })}
          </span>
        </div>
      )}
      <dl className="stats">
        <div className="stat">
          <dt>{t('import.rows')}</dt>
          <dd>{formatNumber(report.rows)}</dd>
        </div>
        <div className="stat">
          <dt>{t('import.created')}</dt>
          <dd>{formatNumber(report.created)}</dd>
        </div>
        <div className="stat">
          <dt>{t('import.updated')}</dt>
          <dd>{formatNumber(report.updated)}</dd>
        </div>
        <div className="stat">
          <dt>{t('import.skipped')}</dt>
          <dd>{formatNumber(report.skipped)}</dd>
        </div>
        {isImported && report.register !== undefined ? (
          <div className="stat">
            <dt>{t('import.register')}</dt>
            <dd>{formatNumber(report.register)}</dd>
          </div>
        ) : null}
      </dl>
      {report.errors.length > 0 ? (
        <>
          <h3 className="subsection-title">{t('import.errorsTitle')}</h3>
          <div className="table-scroll">
            <table className="table errors-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((row) => (
                  <tr key={`${row.line}-${row.column}-${row.reason}`}>
                    <td data-label={t('import.line')}>{row.line}</td>
                    <td data-label={t('import.column')}>{row.column || '—'}</td>
                    <td data-label={t('import.reason')}>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errorCount > report.errors.length ? (
            <p className="muted small">
              {t('import.moreErrors', {
                shown: formatNumber(report.errors.length),
                total: formatNumber(report.errorCount),
              })}
            </p>
          ) : null}
        </>
      ) : null}
      <div className="form-actions form-actions-start">
        {isImported && report.register !== undefined ? (
          <button type="button" className="button button-primary" onClick={onShowRegister}>
            {t('import.toRegister')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {isImported ? t('import.another') : t('import.fixAndRetry')}
        </button>
      </div>
    </section>
  );
}
