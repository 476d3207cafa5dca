import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type ProjectLife } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';

/**
 * The networks a project spans, for the staff of its home network: another network they also run,
 * or a sister network of the same federation (the server checks which). The member companies of a
 * spanned network can then be invited, and its staff follow the project.
 */
export function ProjectNetworks({
  slug,
  life,
  onChange,
}: {
  slug: string;
  life: ProjectLife;
  onChange: (life: ProjectLife) => void;
}) {
  const { t } = useTranslation();
  const visible = useApi(() => api.networks(), 'networks');
  const [choice, setChoice] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [toRemove, setToRemove] = useState<{ id: string; name: string } | null>(null);
  const taken = new Set([life.homeNetwork.slug, ...life.spannedNetworks.map((n) => n.slug)]);
  const candidates = (visible.data?.networks ?? []).filter(
    (n) => !taken.has(n.slug) && n.kind !== 'federation',
  );

  async function run(action: () => Promise<ProjectLife>) {
    setIsBusy(true);
    setError(null);
    try {
      onChange(await action());
      setChoice('');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="project-networks">
      <h3>{t('projectLife.networks')}</h3>
      <ul className="project-team">
        <li>
          {life.homeNetwork.name} <span className="muted">({t('projectLife.homeNetwork')})</span>
        </li>
        {life.spannedNetworks.map((network) => (
          <li key={network.id}>
            {network.name}{' '}
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label={t('projectLife.removeNetwork', { name: network.name })}
              onClick={() => setToRemove({ id: network.id, name: network.name })}
            >
              {t('projectLife.remove')}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <form
          className="project-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) void run(() => api.spanProjectNetwork(slug, life.id, choice));
          }}
        >
          <div className="field project-grow">
            <label htmlFor="project-span-network">{t('projectLife.spanNetwork')}</label>
            <select
              id="project-span-network"
              value={choice}
              aria-describedby="project-span-hint"
              aria-invalid={fieldError(error, 'networkSlug') ? true : undefined}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('projectLife.chooseNetwork')}</option>
              {candidates.map((network) => (
                <option key={network.id} value={network.slug}>
                  {network.name}
                </option>
              ))}
            </select>
            <p id="project-span-hint" className="field-hint">
              {t('projectLife.spanHint')}
            </p>
            {fieldError(error, 'networkSlug') ? (
              <p className="field-error">{fieldError(error, 'networkSlug')}</p>
            ) : null}
          </div>
          <button type="submit" className="button button-secondary" disabled={isBusy || !choice}>
            {t('projectLife.addNetwork')}
          </button>
        </form>
      ) : null}
      {error && !fieldError(error, 'networkSlug') ? <ErrorBanner error={error} /> : null}
      {toRemove ? (
        <ConfirmDialog
          isOpen
          title={t('projectLife.removeNetworkTitle')}
          confirmLabel={t('projectLife.remove')}
          isBusy={isBusy}
          onCancel={() => setToRemove(null)}
          onConfirm={async () => {
            await run(() => api.unspanProjectNetwork(slug, life.id, toRemove.id));
            setToRemove(null);
          }}
        >
          {t('projectLife.removeNetworkConfirm', { name: toRemove.name })}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
