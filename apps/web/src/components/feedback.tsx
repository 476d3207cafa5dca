import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, NETWORK_ERROR } from '../app/api.ts';

/** The API's own message (already in the user's language), or ours when it said nothing. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: ApiError | null | undefined): string => {
    if (!error) return '';
    if (error.code === NETWORK_ERROR) return t('error.network');
    return error.message || t('error.unknown');
  };
}

/**
 * The API's message for one field of the body (its `field` is like `body.organisation.siret`),
 * without the « Champ invalide : body.… — » preamble, or undefined when the error is elsewhere.
 */
export function fieldError(error: ApiError | null | undefined, path: string): string | undefined {
  if (!error?.field) return undefined;
  const field = error.field.replace(/^body\./, '');
  if (field !== path && !field.startsWith(`${path}.`)) return undefined;
  const dash = error.message.indexOf(' — ');
  return dash >= 0 && error.message.slice(0, dash).includes(error.field)
    ? error.message.slice(dash + 3)
    : error.message;
}

export function ErrorBanner({
  error,
  onRetry,
}: {
  error: ApiError | null | undefined;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{message}</span>
      {onRetry ? (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-success" role="status">
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-text">{children}</div> : null}
    </div>
  );
}
