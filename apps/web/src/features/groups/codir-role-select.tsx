import { CODIR_ROLES, type CodirRoles } from '@meute/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { useErrorMessage } from '../../components/feedback.tsx';
import { type CodirRole, groupsApi } from './groups-api.ts';

/** The CODIR roles of a company's people, for its leader or the staff (null for anyone else). */
export function useCodirRoles(slug: string, organisationId: string, canEdit: boolean) {
  return useApi<CodirRoles | null>(
    () => (canEdit ? groupsApi.codirRoles(slug, organisationId) : Promise.resolve(null)),
    `codir-${slug}-${organisationId}-${canEdit}`,
  );
}

/**
 * Sets one person's role in their company's management team (CODIR): working groups may be
 * open to some roles (the IT directors, say).
 */
export function CodirRoleSelect({
  slug,
  organisationId,
  personId,
  roles,
}: {
  slug: string;
  organisationId: string;
  personId: string;
  roles: CodirRoles;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const initial = roles.people.find((p) => p.personId === personId)?.codirRole ?? null;
  const [value, setValue] = useState<CodirRole | null>(initial);
  const [status, setStatus] = useState('');
  const id = `codir-${personId}`;

  async function change(next: CodirRole | null) {
    const previous = value;
    setValue(next);
    setStatus('');
    try {
      await groupsApi.setCodirRole(slug, organisationId, personId, next);
      setStatus(t('groups.codir.saved'));
    } catch (caught) {
      setValue(previous);
      setStatus(describe(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', '')));
    }
  }

  return (
    <span className="codir-select field-inline">
      <label htmlFor={id} className="small">
        {t('groups.codir.label')}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => void change(e.target.value ? (e.target.value as CodirRole) : null)}
      >
        <option value="">{t('groups.codir.none')}</option>
        {CODIR_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`groups.codirRole.${role}`)}
          </option>
        ))}
      </select>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </span>
  );
}
