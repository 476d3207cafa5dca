import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type Competence } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { type CpvMapping, tendersApi } from './tenders-api.ts';

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', '');

/** The tenders of a network; staff and member companies enter or import new ones here. */
export function TendersPage() {
  const { t } = useTranslation();
  const title = t('capability.tenders.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const list = useApi(() => tendersApi.list(slug), `tenders-${slug}`);
  const formatDate = useFormatDate();
  const [panel, setPanel] = useState<'none' | 'create' | 'import' | 'mapping'>('none');

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'failed') {
    if (list.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  const { canCreate, canManage, tenders } = list.data;
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="tenders" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('tenders.intro')}</p>
        </div>
      </header>
      {panel === 'none' && (canCreate || canManage) ? (
        <p className="form-actions">
          {canCreate ? (
            <>
              <button type="button" className="button button-primary" onClick={() => setPanel('create')}>
                {t('tenders.new')}
              </button>
              <button type="button" className="button" onClick={() => setPanel('import')}>
                {t('tenders.import')}
              </button>
            </>
          ) : null}
          {canManage ? (
            <button type="button" className="button" onClick={() => setPanel('mapping')}>
              {t('tenders.mapping.open')}
            </button>
          ) : null}
        </p>
      ) : null}
      {panel === 'create' ? <NewTenderForm slug={slug} onCancel={() => setPanel('none')} /> : null}
      {panel === 'import' ? <ImportNoticeForm slug={slug} onCancel={() => setPanel('none')} /> : null}
      {panel === 'mapping' ? <MappingEditor slug={slug} onClose={() => setPanel('none')} /> : null}
      {tenders.length === 0 ? (
        <EmptyState title={t('tenders.empty')}>
          {canCreate ? t('tenders.emptyHintCreate') : t('tenders.emptyHint')}
        </EmptyState>
      ) : (
        <ul className="campaigns">
          {tenders.map((tender) => (
            <li key={tender.id} className="card campaign-card">
              <h2 className="card-title">
                <Link to={`/n/${slug}/tenders/${tender.id}`}>{tender.title}</Link>
              </h2>
              <p className="muted">
                {[
                  tender.buyer,
                  t('tenders.lotCount', { count: tender.lotCount }),
                  tender.submissionDeadline
                    ? t('tenders.deadlineOn', { date: formatDate(tender.submissionDeadline, true) })
                    : null,
                  t(`tenders.source.${tender.source}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

let nextKey = 0;
/** A stable key for a row added on screen. */
const newKey = () => `row-${++nextKey}`;

interface DraftRequirement {
  key: string;
  kind: 'competence' | 'certification';
  code: string;
  quantity: string;
}
interface DraftLot {
  key: string;
  title: string;
  requirements: DraftRequirement[];
}

const emptyRequirement = (): DraftRequirement => ({
  key: newKey(),
  kind: 'competence',
  code: '',
  quantity: '',
});
const emptyLot = (): DraftLot => ({ key: newKey(), title: '', requirements: [emptyRequirement()] });

/** Entering a tender by hand: title, buyer, deadline, place, and lots with their requirements. */
function NewTenderForm({ slug, onCancel }: { slug: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const competences = useApi(() => api.competences(slug), `competences-${slug}`);
  const [title, setTitle] = useState('');
  const [buyer, setBuyer] = useState('');
  const [deadline, setDeadline] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [lots, setLots] = useState<DraftLot[]>(() => [emptyLot()]);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const updateLot = (index: number, change: (lot: DraftLot) => DraftLot) =>
    setLots((current) => current.map((lot, i) => (i === index ? change(lot) : lot)));
  const updateRequirement = (l: number, r: number, change: Partial<DraftRequirement>) =>
    updateLot(l, (lot) => ({
      ...lot,
      requirements: lot.requirements.map((req, i) => (i === r ? { ...req, ...change } : req)),
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const created = await tendersApi.create(slug, {
        title,
        buyer,
        submissionDeadline: deadline ? new Date(deadline).toISOString() : null,
        communeCode: communeCode.trim() || null,
        lots: lots.map((lot) => ({
          title: lot.title,
          requirements: lot.requirements
            .filter((req) => req.code.trim())
            .map((req) => ({ kind: req.kind, code: req.code.trim(), quantity: Number(req.quantity) || 0 })),
        })),
      });
      void navigate(`/n/${slug}/tenders/${created.id}`);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const options: Competence[] = competences.state === 'ready' ? competences.data.competences : [];
  return (
    <section className="card" aria-labelledby="new-tender-title">
      <h2 id="new-tender-title" className="card-title">
        {t('tenders.new')}
      </h2>
      <form onSubmit={submit} noValidate>
        {error ? <ErrorBanner error={error} /> : null}
        <TextField
          label={t('tenders.field.title')}
          required
          maxLength={300}
          value={title}
          error={fieldError(error, 'title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="form-row">
          <TextField
            label={t('tenders.field.buyer')}
            maxLength={300}
            value={buyer}
            onChange={(event) => setBuyer(event.target.value)}
          />
          <TextField
            label={t('tenders.field.deadline')}
            type="datetime-local"
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
          />
          <TextField
            label={t('tenders.field.commune')}
            hint={t('tenders.field.communeHint')}
            maxLength={5}
            value={communeCode}
            error={fieldError(error, 'communeCode')}
            onChange={(event) => setCommuneCode(event.target.value)}
          />
        </div>
        {lots.map((lot, l) => (
          <fieldset className="form-group" key={lot.key}>
            <legend>{t('tenders.lot', { number: l + 1 })}</legend>
            <TextField
              label={t('tenders.field.lotTitle')}
              required
              maxLength={300}
              value={lot.title}
              error={fieldError(error, `lots.${l}.title`)}
              onChange={(event) => updateLot(l, (current) => ({ ...current, title: event.target.value }))}
            />
            {lot.requirements.map((req, r) => (
              <div className="form-row" key={req.key}>
                <div className="field">
                  <label htmlFor={`req-kind-${l}-${r}`}>{t('tenders.field.kind')}</label>
                  <select
                    id={`req-kind-${l}-${r}`}
                    value={req.kind}
                    onChange={(event) =>
                      updateRequirement(l, r, {
                        kind: event.target.value as DraftRequirement['kind'],
                        code: '',
                      })
                    }
                  >
                    <option value="competence">{t('tenders.kind.competence')}</option>
                    <option value="certification">{t('tenders.kind.certification')}</option>
                  </select>
                </div>
                {req.kind === 'competence' ? (
                  <div className="field">
                    <label htmlFor={`req-code-${l}-${r}`}>{t('tenders.kind.competence')}</label>
                    <select
                      id={`req-code-${l}-${r}`}
                      value={req.code}
                      onChange={(event) => updateRequirement(l, r, { code: event.target.value })}
                    >
                      <option value="">{t('tenders.field.choose')}</option>
                      {options.map((competence) => (
                        <option key={competence.id} value={competence.id}>
                          {competence.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <TextField
                    label={t('tenders.kind.certification')}
                    maxLength={200}
                    value={req.code}
                    onChange={(event) => updateRequirement(l, r, { code: event.target.value })}
                  />
                )}
                {req.kind === 'competence' ? (
                  <TextField
                    label={t('tenders.field.quantity')}
                    hint={t('tenders.field.quantityHint')}
                    type="number"
                    min={0}
                    value={req.quantity}
                    onChange={(event) => updateRequirement(l, r, { quantity: event.target.value })}
                  />
                ) : null}
              </div>
            ))}
            <p className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() =>
                  updateLot(l, (current) => ({
                    ...current,
                    requirements: [...current.requirements, emptyRequirement()],
                  }))
                }
              >
                {t('tenders.addRequirement')}
              </button>
              {lots.length > 1 ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => setLots((current) => current.filter((_, i) => i !== l))}
                >
                  {t('tenders.removeLot')}
                </button>
              ) : null}
            </p>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button"
            onClick={() => setLots((current) => [...current, emptyLot()])}
          >
            {t('tenders.addLot')}
          </button>
        </p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('tenders.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Uploading an eForms notice: the file is read in the browser and sent as text. */
function ImportNoticeForm({ slug, onCancel }: { slug: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setIsBusy(true);
    setError(null);
    try {
      const text = await file.text();
      // A BOAMP record of the open data is JSON; an eForms notice is XML.
      const isBoamp = /\.json$/i.test(file.name) || /^\s*[[{]/.test(text);
      const created = isBoamp
        ? await tendersApi.importBoamp(slug, text)
        : await tendersApi.importNotice(slug, text);
      void navigate(`/n/${slug}/tenders/${created.id}`);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-tender-title">
      <h2 id="import-tender-title" className="card-title">
        {t('tenders.import')}
      </h2>
      <p className="muted">{t('tenders.importHint')}</p>
      <form onSubmit={submit} noValidate>
        {error ? <ErrorBanner error={error} /> : null}
        <div className="field">
          <label htmlFor="tender-xml">{t('tenders.field.file')}</label>
          <input
            id="tender-xml"
            type="file"
            accept=".xml,.json,application/xml,text/xml,application/json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy || !file}>
            {t('tenders.importSubmit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

type KeyedRule = CpvMapping['rules'][number] & { key: string };

/** The network's CPV → competence mapping, one rule a line: a CPV code and competences. */
function MappingEditor({ slug, onClose }: { slug: string; onClose: () => void }) {
  const { t } = useTranslation();
  const mapping = useApi(() => tendersApi.mapping(slug), `tender-mapping-${slug}`);
  const competences = useApi(() => api.competences(slug), `competences-${slug}`);
  const [rules, setRules] = useState<KeyedRule[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaved, setIsSaved] = useState(false);

  if (mapping.state === 'loading' || competences.state === 'loading') return <Loading />;
  if (mapping.state === 'failed') return <ErrorBanner error={mapping.error} onRetry={mapping.reload} />;
  const current = rules ?? mapping.data.rules.map((rule) => ({ ...rule, key: newKey() }));
  const options = competences.state === 'ready' ? competences.data.competences : [];
  const update = (index: number, change: Partial<KeyedRule>) =>
    setRules(current.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));

  async function save() {
    setError(null);
    setIsSaved(false);
    try {
      const saved = await tendersApi.saveMapping(slug, {
        rules: current
          .filter((rule) => rule.cpv.trim())
          .map((rule) => ({ cpv: rule.cpv.trim(), competences: rule.competences })),
      });
      setRules(saved.rules.map((rule) => ({ ...rule, key: newKey() })));
      setIsSaved(true);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  return (
    <section className="card" aria-labelledby="tender-mapping-title">
      <h2 id="tender-mapping-title" className="card-title">
        {t('tenders.mapping.title')}
      </h2>
      <p className="muted">{t('tenders.mapping.hint')}</p>
      {error ? <ErrorBanner error={error} /> : null}
      {isSaved ? <SuccessBanner>{t('tenders.mapping.saved')}</SuccessBanner> : null}
      {current.map((rule, index) => (
        <div className="form-row" key={rule.key}>
          <TextField
            label={t('tenders.mapping.cpv')}
            maxLength={10}
            value={rule.cpv}
            onChange={(event) => update(index, { cpv: event.target.value })}
          />
          <div className="field">
            <label htmlFor={`rule-competence-${index}`}>{t('tenders.kind.competence')}</label>
            <select
              id={`rule-competence-${index}`}
              value={rule.competences[0] ?? ''}
              onChange={(event) =>
                update(index, { competences: event.target.value ? [event.target.value] : [] })
              }
            >
              <option value="">{t('tenders.field.choose')}</option>
              {options.map((competence) => (
                <option key={competence.id} value={competence.id}>
                  {competence.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            onClick={() => setRules(current.filter((_, i) => i !== index))}
          >
            {t('tenders.mapping.remove')}
          </button>
        </div>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setRules([...current, { key: newKey(), cpv: '', competences: [] }])}
        >
          {t('tenders.mapping.add')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()}>
          {t('action.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('tenders.mapping.close')}
        </button>
      </div>
    </section>
  );
}
