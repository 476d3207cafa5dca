import { bandFitsSizeRule, categoryForHeadcountBand, normaliseSiretInput, siretError } from '@meute/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type OpenNetwork } from '../../app/api.ts';
import { useMe, useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate, useFormatMoney } from '../../components/format.ts';
import { KindBadge } from '../../components/labels.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import {
  CommunePicker,
  type CommuneValue,
  HeadcountSelect,
  NafPicker,
  type NafValue,
} from '../../components/reference.tsx';

/** « 250 à 4 999 salariés », « au moins 10 salariés », or null when the network has no rule. */
export function useSizeRuleText() {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR');
  return (minStaff: number | null, maxStaff: number | null): string | null => {
    if (minStaff !== null && maxStaff !== null)
      return t('sizeRule.between', { min: format.format(minStaff), max: format.format(maxStaff) });
    if (minStaff !== null) return t('sizeRule.atLeast', { min: format.format(minStaff) });
    if (maxStaff !== null) return t('sizeRule.atMost', { max: format.format(maxStaff) });
    return null;
  };
}

/** The networks that accept applications; a person (member or not of any network) applies for their company. */
export function JoinPage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  usePageTitle(t('join.title'));
  const { reload } = useSession();
  const networks = useApi(() => api.openNetworks(), 'open-networks');

  // A decision may have come since the session was loaded: ask again who I am and where.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens.
  useEffect(() => reload(), []);

  if (networks.state === 'loading') return <Loading />;
  if (networks.state === 'failed')
    return (
      <div className="page page-narrow">
        <ErrorBanner error={networks.error} onRetry={networks.reload} />
      </div>
    );
  const chosen = slug ? networks.data.networks.find((n) => n.slug === slug) : undefined;
  if (slug && chosen && !chosen.isMember && chosen.myApplication?.status !== 'pending') {
    return <ApplicationForm network={chosen} onSent={networks.reload} />;
  }
  return <OpenNetworks networks={networks.data.networks} />;
}

function OpenNetworks({ networks }: { networks: OpenNetwork[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const sizeRule = useSizeRuleText();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('join.title')}</h1>
          <p className="lead">{t('join.intro')}</p>
        </div>
      </header>
      {networks.length === 0 ? (
        <EmptyState title={t('join.none')}>{t('join.noneHint')}</EmptyState>
      ) : (
        <ul className="open-networks">
          {networks.map((network) => {
            const rule = sizeRule(network.minStaff, network.maxStaff);
            const canOpen = me.memberships.some((m) => m.slug === network.slug);
            return (
              <li key={network.slug} className="card open-network">
                <div className="network-card-top">
                  <KindBadge kind={network.kind} />
                  {network.territoryLabel ? (
                    <span className="muted small">{network.territoryLabel}</span>
                  ) : null}
                </div>
                <h2 className="open-network-name">{network.name}</h2>
                {network.description ? <p className="muted">{network.description}</p> : null}
                <dl className="terms">
                  <div>
                    <dt>{t('join.entryFee')}</dt>
                    <dd>{network.entryFeeCents > 0 ? formatMoney(network.entryFeeCents) : t('join.free')}</dd>
                  </div>
                  <div>
                    <dt>{t('join.yearlyDues')}</dt>
                    <dd>
                      {network.yearlyDuesCents > 0 ? formatMoney(network.yearlyDuesCents) : t('join.free')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('join.sizeRule')}</dt>
                    <dd>{rule ?? t('join.anySize')}</dd>
                  </div>
                </dl>
                <div className="open-network-action">
                  {network.isMember ? (
                    <>
                      <span className="badge badge-status-accepted">{t('join.member')}</span>
                      {canOpen ? (
                        <Link to={`/n/${network.slug}`} className="button button-secondary button-small">
                          {t('join.open')}
                        </Link>
                      ) : null}
                    </>
                  ) : network.myApplication?.status === 'pending' ? (
                    <span className="badge badge-status-pending">
                      {t('join.pendingSince', { date: formatDate(network.myApplication.createdAt) })}
                    </span>
                  ) : (
                    <>
                      {network.myApplication?.status === 'rejected' ? (
                        <span className="badge badge-status-revoked">{t('join.rejected')}</span>
                      ) : null}
                      <Link
                        to={`/join/${network.slug}`}
                        className="button button-primary button-small"
                        aria-label={t('join.applyTo', { network: network.name })}
                      >
                        {t('join.apply')}
                      </Link>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** What the SIRET looks like as it is typed: the server decides, this only helps. */
function useSiretFeedback(siret: string): { tone: 'ok' | 'bad' | 'none'; text: string } {
  const { t } = useTranslation();
  const value = normaliseSiretInput(siret);
  if (value === '') return { tone: 'none', text: t('join.siretHint') };
  if (!/^\d*$/.test(value)) return { tone: 'bad', text: t('join.siretDigits') };
  if (value.length < 14) return { tone: 'none', text: t('join.siretCount', { count: value.length }) };
  const problem = siretError(value);
  if (problem === 'FORMAT') return { tone: 'bad', text: t('join.siretDigits') };
  if (problem === 'CHECKSUM') return { tone: 'bad', text: t('join.siretChecksum') };
  return { tone: 'ok', text: t('join.siretValid') };
}

function ApplicationForm({ network, onSent }: { network: OpenNetwork; onSent: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('join.formTitle', { network: network.name }));
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const sizeRule = useSizeRuleText();
  const charterId = useId();
  const [siret, setSiret] = useState('');
  const [name, setName] = useState('');
  const [band, setBand] = useState('');
  const [naf, setNaf] = useState<NafValue | null>(null);
  const [commune, setCommune] = useState<CommuneValue | null>(null);
  const [message, setMessage] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isSent, setIsSent] = useState(false);
  const siretFeedback = useSiretFeedback(siret);
  const rule = sizeRule(network.minStaff, network.maxStaff);
  const fit = band
    ? bandFitsSizeRule(band, { minStaff: network.minStaff, maxStaff: network.maxStaff })
    : null;
  const category = categoryForHeadcountBand(band || null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await api.apply(network.slug, {
        organisation: {
          siret: normaliseSiretInput(siret),
          name: name.trim(),
          headcountBand: band || null,
          nafCode: naf?.code ?? null,
          communeCode: commune?.code ?? null,
        },
        message: message.trim(),
        acceptedCharterVersion: network.charter && accepted ? network.charter.version : null,
      });
      setIsSent(true);
      window.scrollTo({ top: 0 });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  if (isSent) {
    return (
      <div className="page page-narrow">
        <h1>{t('join.sentTitle')}</h1>
        <SuccessBanner>{t('join.sent', { network: network.name })}</SuccessBanner>
        <p>{t('join.sentNext')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            onSent();
            navigate('/join');
          }}
        >
          {t('join.backToList')}
        </button>
      </div>
    );
  }

  const errorOf = (path: string) => fieldError(error, path);
  const siretProblem = errorOf('organisation.siret');
  const charterError = errorOf('acceptedCharterVersion');
  const isOtherError = error && !errorOf('organisation') && !charterError;

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/join">← {t('join.backToList')}</Link>
      </p>
      <header className="page-header">
        <div>
          <h1>{t('join.formTitle', { network: network.name })}</h1>
          <p className="muted">
            {[
              network.entryFeeCents > 0
                ? `${t('join.entryFee')} ${formatMoney(network.entryFeeCents)}`
                : null,
              network.yearlyDuesCents > 0
                ? `${t('join.yearlyDues')} ${formatMoney(network.yearlyDuesCents)}`
                : null,
              rule,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </header>
      <form className="card" onSubmit={submit} noValidate>
        {isOtherError ? <ErrorBanner error={error} /> : null}
        {error && !isOtherError ? (
          <div className="banner banner-error" role="alert">
            {t('organisation.fixErrors')}
          </div>
        ) : null}
        <h2 className="card-title">{t('join.company')}</h2>
        <div className={siretProblem ? 'field field-invalid' : 'field'}>
          <label htmlFor="apply-siret">{t('organisation.siret')}</label>
          <input
            id="apply-siret"
            name="siret"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
            aria-invalid={siretProblem || siretFeedback.tone === 'bad' ? true : undefined}
            aria-describedby="apply-siret-feedback"
            value={siret}
            onChange={(event) => setSiret(event.target.value)}
          />
          <p
            id="apply-siret-feedback"
            className={`field-hint siret-${siretFeedback.tone}`}
            aria-live="polite"
          >
            {siretProblem ?? siretFeedback.text}
          </p>
        </div>
        <TextField
          label={t('join.companyName')}
          required
          maxLength={200}
          autoComplete="organization"
          value={name}
          error={errorOf('organisation.name')}
          onChange={(event) => setName(event.target.value)}
        />
        <HeadcountSelect
          id="apply-band"
          value={band}
          onChange={setBand}
          error={errorOf('organisation.headcountBand')}
        />
        {band ? (
          <p className={`size-fit size-fit-${fit}`} aria-live="polite">
            {category ? `${t(`category.${category}.long`)}. ` : ''}
            {rule ? t(`join.fit.${fit ?? 'unknown'}`, { rule }) : ''}
          </p>
        ) : null}
        <NafPicker value={naf} onChange={setNaf} error={errorOf('organisation.nafCode')} />
        <CommunePicker value={commune} onChange={setCommune} error={errorOf('organisation.communeCode')} />
        <div className="field">
          <label htmlFor="apply-message">{t('join.message')}</label>
          <textarea
            id="apply-message"
            rows={4}
            maxLength={2000}
            value={message}
            placeholder={t('join.messagePlaceholder')}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        {network.charter ? (
          <section className="charter" aria-labelledby={`${charterId}-title`}>
            <h2 id={`${charterId}-title`} className="card-title">
              {t('join.charterTitle', { version: network.charter.version })}
            </h2>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
            <section className="charter-text" tabIndex={0} aria-labelledby={`${charterId}-title`}>
              {network.charter.body}
            </section>
            <div className={charterError ? 'check field-invalid' : 'check'}>
              <input
                id={`${charterId}-accept`}
                type="checkbox"
                checked={accepted}
                onChange={(event) => setAccepted(event.target.checked)}
              />
              <label htmlFor={`${charterId}-accept`}>
                {t('join.acceptCharter', { version: network.charter.version })}
              </label>
            </div>
            {charterError ? <p className="field-error">{charterError}</p> : null}
          </section>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={isBusy || (network.charter !== null && !accepted)}
          >
            {isBusy ? t('join.sending') : t('join.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
