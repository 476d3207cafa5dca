import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OutboxMessage } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.tsx';
import { useFormatDate } from '../../components/format.ts';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';

const LINK = /https?:\/\/[^\s<>"]+/g;

/** The mail's text with its web addresses as links, so an invitation can be opened in one click. */
function withLinks(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index;
    if (at > from) nodes.push(<Fragment key={`text-${from}`}>{text.slice(from, at)}</Fragment>);
    nodes.push(
      <a key={`link-${at}`} href={match[0]}>
        {match[0]}
      </a>,
    );
    from = at + match[0].length;
  }
  if (from < text.length) nodes.push(<Fragment key={`text-${from}`}>{text.slice(from)}</Fragment>);
  return nodes;
}

export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const outbox = useApi(() => api.outbox(), 'outbox');
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="outbox" size={28} />
        </div>
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.subtitle')}</p>
        </div>
      </header>
      <div className="banner banner-info">
        <p>{t('outbox.why')}</p>
      </div>
      {outbox.state === 'loading' ? <Loading /> : null}
      {outbox.state === 'failed' ? (
        outbox.error.code === 'NOT_AVAILABLE' ? (
          <EmptyState title={t('outbox.notAvailable')}>{t('outbox.notAvailableHint')}</EmptyState>
        ) : (
          <ErrorBanner error={outbox.error} onRetry={outbox.reload} />
        )
      ) : null}
      {outbox.state === 'ready' ? (
        <>
          <div className="row-between">
            <p className="muted">{t('outbox.count', { count: outbox.data.messages.length })}</p>
            <button type="button" className="button button-small button-secondary" onClick={outbox.reload}>
              {t('action.refresh')}
            </button>
          </div>
          {outbox.data.messages.length === 0 ? (
            <EmptyState title={t('outbox.empty')}>{t('outbox.emptyHint')}</EmptyState>
          ) : (
            <ul className="mails">
              {outbox.data.messages.map((message) => (
                <Mail key={message.id} message={message} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}

function Mail({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className="mail card">
      <h2 className="mail-subject">{message.subject}</h2>
      <dl className="mail-meta">
        <div>
          <dt>{t('outbox.to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>{t('outbox.sentAt')}</dt>
          <dd>
            <time dateTime={message.createdAt}>{formatDate(message.createdAt, true)}</time>
          </dd>
        </div>
      </dl>
      <div className="mail-text">{withLinks(message.text)}</div>
    </li>
  );
}
