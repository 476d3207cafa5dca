import type {
  PeerReasonView,
  PeerSuggestionView,
  QuestionDetail,
  QuestionSummary,
  RouteStatus,
} from '@meute/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState, ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { useFormatDate } from '../../components/format.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { PeerNav } from '../groups/peer-nav.tsx';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { questionsApi } from './questions-api.ts';

type Tab = 'ask' | 'mine' | 'forMe' | 'network';

/** Questions to peers: ask (with suggestions and why), my questions, those routed to me, staff's view. */
export function QuestionsPage() {
  const { t } = useTranslation();
  const title = t('peerQuestions.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const openId = params.get('question');
  const lists = useApi(() => questionsApi.lists(slug), `questions-${slug}`);
  const [chosenTab, setTab] = useState<Tab | null>(null);

  function open(id: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('question', id);
        else next.delete('question');
        return next;
      },
      { replace: false },
    );
  }

  if (lists.state === 'loading') return <Loading />;
  if (lists.state === 'failed') {
    if (lists.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={lists.error} onRetry={lists.reload} />
      </div>
    );
  }
  const data = lists.data;
  const pending = data.routedToMe.filter((q) => q.myStatus === 'pending').length;
  const tabs: Tab[] = [
    ...(data.canAsk ? (['ask'] as const) : []),
    'mine',
    'forMe',
    ...(data.network ? (['network'] as const) : []),
  ];
  const tab: Tab = chosenTab ?? (pending > 0 ? 'forMe' : data.canAsk ? 'ask' : 'mine');

  return (
    <div className="page">
      <PeerNav slug={slug} />
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('peerQuestions.intro')}</p>
        </div>
      </header>
      {openId ? (
        <QuestionView slug={slug} id={openId} onBack={() => open(null)} onChanged={lists.reload} />
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label={t('peerQuestions.tabsLabel')}>
            {tabs.map((each) => (
              <button
                key={each}
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === each}
                onClick={() => setTab(each)}
              >
                {t(`peerQuestions.tab.${each}`)}
                {each === 'forMe' && pending > 0 ? (
                  <span className="badge question-count">{pending}</span>
                ) : null}
              </button>
            ))}
          </div>
          <div className="tab-panel">
            {tab === 'ask' ? (
              <AskForm
                slug={slug}
                onAsked={(id) => {
                  lists.reload();
                  open(id);
                }}
              />
            ) : tab === 'mine' ? (
              <QuestionList
                items={data.asked}
                empty={t('peerQuestions.emptyMine')}
                onOpen={open}
                showCounts
              />
            ) : tab === 'forMe' ? (
              <QuestionList
                items={data.routedToMe}
                empty={t('peerQuestions.emptyForMe')}
                onOpen={open}
                showAsker
              />
            ) : (
              <QuestionList
                items={data.network ?? []}
                empty={t('peerQuestions.emptyNetwork')}
                onOpen={open}
                showAsker
                showCounts
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

function QuestionList({
  items,
  empty,
  onOpen,
  showAsker = false,
  showCounts = false,
}: {
  items: QuestionSummary[];
  empty: string;
  onOpen: (id: string) => void;
  showAsker?: boolean;
  showCounts?: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (items.length === 0) return <EmptyState title={empty} />;
  return (
    <ul className="question-list">
      {items.map((q) => (
        <li key={q.id} className="card question-item">
          <button type="button" className="question-open" onClick={() => onOpen(q.id)}>
            {q.title}
          </button>
          <p className="muted">
            {showAsker ? `${t('peerQuestions.askedBy', { name: q.asker.name })} · ` : ''}
            {formatDate(q.createdAt)}
            {showCounts
              ? ` · ${t('peerQuestions.counts', { routed: q.routed, answered: q.answered, declined: q.declined })}`
              : ''}
          </p>
          {q.myStatus ? <StatusBadge status={q.myStatus} /> : null}
        </li>
      ))}
    </ul>
  );
}

function StatusBadge({ status }: { status: RouteStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge question-status question-status-${status}`}>
      {t(`peerQuestions.status.${status}`)}
    </span>
  );
}

/** One reason, as a sentence: « a écrit un retour d'expérience sur « Migration ERP » (ERP) ». */
function ReasonText({ reason }: { reason: PeerReasonView }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`peerQuestions.reason.${reason.kind}`, { label: reason.label })}
      {reason.matched.length > 0 ? (
        <span className="muted"> — {t('peerQuestions.matched', { words: reason.matched.join(', ') })}</span>
      ) : null}
    </>
  );
}

function AskForm({ slug, onAsked }: { slug: string; onAsked: (id: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [suggestions, setSuggestions] = useState<PeerSuggestionView[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function suggest(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const result = await questionsApi.suggest(slug, { title, body });
      setSuggestions(result.suggestions);
      setPicked(new Set(result.suggestions.slice(0, result.defaultPicks).map((s) => s.personId)));
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  async function ask() {
    setIsBusy(true);
    setError(null);
    try {
      const question = await questionsApi.ask(slug, { title, body, recipients: [...picked] });
      onAsked(question.id);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
    }
  }

  function toggle(personId: string) {
    setPicked((previous) => {
      const next = new Set(previous);
      if (next.has(personId)) next.delete(personId);
      else next.add(personId);
      return next;
    });
  }

  return (
    <section className="card ask-form" aria-labelledby="ask-title">
      <h2 id="ask-title" className="card-title">
        {t('peerQuestions.askTitle')}
      </h2>
      <form className="question-form" onSubmit={suggest} noValidate>
        {error && !error.field ? <ErrorBanner error={error} /> : null}
        <TextField
          label={t('peerQuestions.field.title')}
          hint={t('peerQuestions.field.titleHint')}
          value={title}
          maxLength={200}
          required
          onChange={(event) => {
            setTitle(event.target.value);
            setSuggestions(null);
          }}
          error={fieldError(error, 'title')}
        />
        <div className={fieldError(error, 'body') ? 'field field-invalid' : 'field'}>
          <label htmlFor="ask-body">{t('peerQuestions.field.body')}</label>
          <textarea
            id="ask-body"
            rows={4}
            maxLength={5000}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setSuggestions(null);
            }}
          />
          {fieldError(error, 'body') ? <p className="field-error">{fieldError(error, 'body')}</p> : null}
        </div>
        <button type="submit" className="button button-secondary" disabled={isBusy}>
          {t('peerQuestions.findPeers')}
        </button>
      </form>
      {suggestions ? (
        <div className="peer-suggestions">
          <h3>{t('peerQuestions.suggestionsTitle')}</h3>
          {suggestions.length === 0 ? (
            <EmptyState title={t('peerQuestions.noSuggestion')}>
              {t('peerQuestions.noSuggestionHint')}
            </EmptyState>
          ) : (
            <ul className="peer-suggestion-list">
              {suggestions.map((s) => (
                <li
                  key={s.personId}
                  className={picked.has(s.personId) ? 'peer-suggestion is-picked' : 'peer-suggestion'}
                >
                  <input
                    id={`pick-${s.personId}`}
                    type="checkbox"
                    checked={picked.has(s.personId)}
                    onChange={() => toggle(s.personId)}
                  />
                  <label className="peer-suggestion-label" htmlFor={`pick-${s.personId}`}>
                    <span className="peer-name">{s.name}</span>
                    <span className="muted">
                      {[s.jobTitle, s.organisationName].filter(Boolean).join(' · ')}
                    </span>
                    <span className="peer-why-title">{t('peerQuestions.why')}</span>
                    <ul className="peer-why">
                      {s.reasons.map((reason) => (
                        <li key={`${reason.kind}-${reason.label}`} className="peer-why-item">
                          <ReasonText reason={reason} />
                        </li>
                      ))}
                    </ul>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {fieldError(error, 'recipients') ? (
            <p className="field-error">{fieldError(error, 'recipients')}</p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={isBusy || picked.size === 0}
            onClick={() => void ask()}
          >
            {t('peerQuestions.send', { count: picked.size })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function QuestionView({
  slug,
  id,
  onBack,
  onChanged,
}: {
  slug: string;
  id: string;
  onBack: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const question = useApi(() => questionsApi.get(slug, id), `question-${id}`);
  const [done, setDone] = useState<string | null>(null);

  if (question.state === 'loading') return <Loading />;
  if (question.state === 'failed')
    return (
      <div>
        <button type="button" className="button button-secondary button-small" onClick={onBack}>
          {t('peerQuestions.back')}
        </button>
        <ErrorBanner error={question.error} onRetry={question.reload} />
      </div>
    );
  const q = question.data;

  function changed(message: string) {
    setDone(message);
    question.reload();
    onChanged();
  }

  return (
    <article className="question-view" aria-labelledby="question-title">
      <button type="button" className="button button-secondary button-small question-back" onClick={onBack}>
        {t('peerQuestions.back')}
      </button>
      <section className="card">
        <h2 id="question-title" className="card-title">
          {q.title}
        </h2>
        <p className="muted">
          {t('peerQuestions.askedBy', { name: q.isAsker ? t('peerQuestions.you') : q.asker.name })} ·{' '}
          {formatDate(q.createdAt, true)}
        </p>
        {q.body ? <p className="question-body">{q.body}</p> : null}
      </section>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      {q.myStatus === 'pending' ? <RespondForm slug={slug} question={q} onDone={changed} /> : null}
      <section className="card" aria-labelledby="answers-title">
        <h3 id="answers-title" className="card-title">
          {t('peerQuestions.answersTitle', { count: q.answers.length })}
        </h3>
        {q.answers.length === 0 ? (
          <p className="muted">{t('peerQuestions.noAnswer')}</p>
        ) : (
          <ul className="question-answers">
            {q.answers.map((answer) => (
              <li key={answer.id}>
                <p className="question-answer-meta">
                  <strong>{answer.author?.name ?? t('peerQuestions.someone')}</strong>{' '}
                  <span className="muted">{formatDate(answer.createdAt, true)}</span>
                </p>
                <p className="question-body">{answer.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="routes-title">
        <h3 id="routes-title" className="card-title">
          {q.isAsker || q.myStatus === null
            ? t('peerQuestions.routesTitle')
            : t('peerQuestions.myRouteTitle')}
        </h3>
        <ul className="question-routes">
          {q.routes.map((route) => (
            <li key={route.person.id}>
              <span className="peer-name">{route.person.name}</span> <StatusBadge status={route.status} />
              {route.why ? (
                <p className="muted">{t('peerQuestions.routedBecause', { why: route.why })}</p>
              ) : null}
              {route.declineReason ? (
                <p className="question-decline-reason">
                  {t('peerQuestions.declineReasonShown', { reason: route.declineReason })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function RespondForm({
  slug,
  question,
  onDone,
}: {
  slug: string;
  question: QuestionDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  const [isPublic, setIsPublic] = useState(false);
  const [isDeclining, setIsDeclining] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function run(work: () => Promise<unknown>, message: string) {
    setIsBusy(true);
    setError(null);
    try {
      await work();
      onDone(message);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setIsBusy(false);
      setIsDeclining(false);
    }
  }

  return (
    <section className="card respond-form" aria-labelledby="respond-title">
      <h3 id="respond-title" className="card-title">
        {t('peerQuestions.respondTitle', { name: question.asker.name })}
      </h3>
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <form
        className="question-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => questionsApi.answer(slug, question.id, body), t('peerQuestions.answered'));
        }}
        noValidate
      >
        <div className={fieldError(error, 'body') ? 'field field-invalid' : 'field'}>
          <label htmlFor="answer-body">{t('peerQuestions.field.answer')}</label>
          <textarea
            id="answer-body"
            rows={5}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {fieldError(error, 'body') ? <p className="field-error">{fieldError(error, 'body')}</p> : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t('peerQuestions.answer')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setIsDeclining(true)}
            disabled={isBusy}
          >
            {t('peerQuestions.decline')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={isDeclining}
        title={t('peerQuestions.declineTitle')}
        confirmLabel={t('peerQuestions.decline')}
        isBusy={isBusy}
        onConfirm={() =>
          void run(
            () => questionsApi.decline(slug, question.id, { reason, reasonIsPublic: isPublic }),
            t('peerQuestions.declined'),
          )
        }
        onCancel={() => setIsDeclining(false)}
      >
        <p>{t('peerQuestions.declineText')}</p>
        <div className="field">
          <label htmlFor="decline-reason">{t('peerQuestions.field.reason')}</label>
          <textarea
            id="decline-reason"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <div className="check">
          <input
            id="decline-public"
            type="checkbox"
            checked={isPublic}
            onChange={(event) => setIsPublic(event.target.checked)}
          />
          <label htmlFor="decline-public">{t('peerQuestions.field.reasonPublic')}</label>
        </div>
      </ConfirmDialog>
    </section>
  );
}
