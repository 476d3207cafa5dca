import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type ProjectLife } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError } from '../../components/feedback.tsx';

/** Staff invite another member company of this network to the project. */
export function ProjectInvite({
  slug,
  life,
  onChange,
}: {
  slug: string;
  life: ProjectLife;
  onChange: (life: ProjectLife) => void;
}) {
  const { t } = useTranslation();
  const list = useApi(() => api.needs(slug), `needs-${slug}`);
  const [choice, setChoice] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inTeam = new Set(life.team.map((member) => member.organisationId));
  const candidates = (list.data?.networkOrganisations ?? []).filter((o) => !inTeam.has(o.id));
  if (candidates.length === 0) return null;
  const message = fieldError(error, 'organisationId');
  return (
    <form
      className="project-inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!choice) return;
        setIsBusy(true);
        setError(null);
        try {
          onChange(await api.inviteToProject(slug, life.id, choice));
          setChoice('');
        } catch (caught) {
          setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
        } finally {
          setIsBusy(false);
        }
      }}
    >
      <div className="field project-grow">
        <label htmlFor="project-invite">{t('projectLife.invite')}</label>
        <select
          id="project-invite"
          value={choice}
          aria-describedby="project-invite-hint"
          aria-invalid={message ? true : undefined}
          onChange={(event) => setChoice(event.target.value)}
        >
          <option value="">{t('projectLife.chooseOrganisation')}</option>
          {candidates.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
        <p id="project-invite-hint" className="field-hint">
          {t('projectLife.inviteHint')}
        </p>
        {message ? <p className="field-error">{message}</p> : null}
      </div>
      <button type="submit" className="button button-secondary" disabled={isBusy || !choice}>
        {t('projectLife.inviteButton')}
      </button>
      {error && !message ? <ErrorBanner error={error} /> : null}
    </form>
  );
}
