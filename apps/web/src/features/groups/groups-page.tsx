import { CODIR_ROLES, GROUP_AUDIENCES, type GroupAudience } from '@meute/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { EmptyState, ErrorBanner, fieldError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';
import { Icon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { NetworkUnavailable } from '../networks/network-unavailable.tsx';
import { type CodirRole, type GroupList, type GroupSummary, groupsApi } from './groups-api.ts';
import { PeerNav } from './peer-nav.tsx';

const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));

/** The network's working groups: theme, audience, members, my standing; staff create groups and keep the themes. */
export function GroupsPage() {
  const { t } = useTranslation();
  const title = t('groups.title');
  usePageTitle(title);
  const { slug = '' } = useParams();
  const loaded = useApi(() => groupsApi.list(slug), `groups-${slug}`);
  const [isCreating, setIsCreating] = useState(false);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    if (loaded.error.status === 404) return <NetworkUnavailable />;
    return (
      <div className="page">
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  const list = loaded.data;
  const themes = [...new Set([...list.themes, ...list.groups.map((g) => g.theme)])];

  return (
    <div className="page page-wide groups-page">
      <header className="page-header">
        <div className="page-header-icon">
          <Icon name="groups" size={28} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('groups.intro')}</p>
        </div>
      </header>
      <PeerNav slug={slug} />
      {list.canManage ? (
        <div className="groups-toolbar">
          <button type="button" className="button button-primary" onClick={() => setIsCreating((v) => !v)}>
            {isCreating ? t('action.cancel') : t('groups.create.open')}
          </button>
        </div>
      ) : null}
      {isCreating ? <CreateGroupForm slug={slug} themes={themes} /> : null}

      {list.groups.length === 0 ? (
        <EmptyState title={t('groups.empty')}>
          {list.canManage ? t('groups.emptyStaff') : t('groups.emptyMember')}
        </EmptyState>
      ) : (
        <ul className="group-cards">
          {list.groups.map((group) => (
            <GroupCard key={group.id} slug={slug} group={group} />
          ))}
        </ul>
      )}
      {list.canManage ? <ThemesEditor slug={slug} list={list} onSaved={loaded.reload} /> : null}
    </div>
  );
}

export function AudienceLabel({
  audience,
  codirRoles,
}: {
  audience: GroupAudience;
  codirRoles: readonly CodirRole[];
}) {
  const { t } = useTranslation();
  if (audience !== 'codir-roles') return <>{t(`groups.audience.${audience}`)}</>;
  return (
    <>
      {t('groups.audience.codir-roles-list', {
        roles: codirRoles.map((role) => t(`groups.codirRole.${role}`)).join(', '),
      })}
    </>
  );
}

function GroupCard({ slug, group }: { slug: string; group: GroupSummary }) {
  const { t } = useTranslation();
  const link = `/n/${slug}/groups/${group.slug}`;
  return (
    <li className="card group-card">
      <div className="group-card-head">
        <span className="badge badge-kind">{group.theme}</span>
        <span className={`badge group-status group-status-${group.myStatus}`}>
          {t(`groups.status.${group.myStatus}`)}
        </span>
        {group.myRole === 'leader' ? (
          <span className="badge badge-role">{t('groups.role.leader')}</span>
        ) : null}
        {group.archived ? <span className="badge">{t('groups.archived')}</span> : null}
      </div>
      <h2 className="group-card-title">
        <Link to={link}>{group.name}</Link>
      </h2>
      {group.description ? <p className="group-card-description">{group.description}</p> : null}
      <p className="muted group-card-facts">
        <AudienceLabel audience={group.audience} codirRoles={group.codirRoles} /> ·{' '}
        {t('groups.memberCount', { count: group.memberCount })}
      </p>
      <div className="group-card-actions">
        {group.canJoin ? (
          <Link className="button button-primary button-small" to={`${link}?charter=1`}>
            {group.myStatus === 'invited'
              ? t('groups.join.acceptInvitation')
              : group.myStatus === 'charter-pending'
                ? t('groups.join.acceptNewCharter')
                : t('groups.join.button')}
          </Link>
        ) : null}
        <Link className="button button-secondary button-small" to={link}>
          {t('groups.open')}
        </Link>
      </div>
    </li>
  );
}

function CreateGroupForm({ slug, themes }: { slug: string; themes: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [theme, setTheme] = useState(themes[0] ?? '');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<GroupAudience>('leaders');
  const [codirRoles, setCodirRoles] = useState<CodirRole[]>([]);
  const [charter, setCharter] = useState(t('groups.create.charterDefault'));
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const created = await groupsApi.create(slug, {
        name,
        theme,
        description,
        audience,
        codirRoles: audience === 'leaders' ? [] : codirRoles,
        charter,
      });
      navigate(`/n/${slug}/groups/${created.slug}?tab=members`);
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="card card-form group-form" onSubmit={submit} aria-label={t('groups.create.title')}>
      <h2 className="card-title">{t('groups.create.title')}</h2>
      <ErrorBanner error={error} />
      <TextField
        label={t('groups.create.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        maxLength={120}
        error={fieldError(error, 'name')}
      />
      <div className="field">
        <label htmlFor="group-theme">{t('groups.create.theme')}</label>
        <input
          id="group-theme"
          list="group-theme-list"
          value={theme}
          onChange={(e) => setTheme(e.target.value)}
          required
          maxLength={80}
        />
        <datalist id="group-theme-list">
          {themes.map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        {fieldError(error, 'theme') ? <p className="field-error">{fieldError(error, 'theme')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="group-description">{t('groups.create.description')}</label>
        <textarea
          id="group-description"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={4000}
        />
      </div>
      <fieldset className="field choice-group">
        <legend>{t('groups.create.audience')}</legend>
        {GROUP_AUDIENCES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="audience"
              value={value}
              checked={audience === value}
              onChange={() => setAudience(value)}
            />{' '}
            {t(`groups.audience.${value}`)}
          </label>
        ))}
      </fieldset>
      {audience !== 'leaders' ? (
        <fieldset className="field chip-toggles">
          <legend>{t('groups.create.codirRoles')}</legend>
          {CODIR_ROLES.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                checked={codirRoles.includes(role)}
                onChange={(e) =>
                  setCodirRoles((current) =>
                    e.target.checked ? [...current, role] : current.filter((r) => r !== role),
                  )
                }
              />{' '}
              {t(`groups.codirRole.${role}`)}
            </label>
          ))}
          {fieldError(error, 'codirRoles') ? (
            <p className="field-error">{t('groups.create.codirRolesRequired')}</p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="group-charter">{t('groups.create.charter')}</label>
        <textarea
          id="group-charter"
          rows={6}
          value={charter}
          onChange={(e) => setCharter(e.target.value)}
          required
          maxLength={20000}
        />
        <p className="field-hint">{t('groups.create.charterHint')}</p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('groups.create.submit')}
        </button>
      </div>
    </form>
  );
}

function ThemesEditor({ slug, list, onSaved }: { slug: string; list: GroupList; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(list.themes.join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const themes = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      await groupsApi.setThemes(slug, themes);
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(asError(caught));
    }
  }

  return (
    <form className="card card-form group-themes" onSubmit={save}>
      <h2 className="card-title">{t('groups.themes.title')}</h2>
      <p className="muted">{t('groups.themes.hint')}</p>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="group-themes">{t('groups.themes.label')}</label>
        <textarea id="group-themes" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        {error?.field?.includes('themes') ? (
          <p className="field-error">{t('groups.themes.duplicate')}</p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-secondary">
          {t('action.save')}
        </button>
        {saved ? <span role="status">{t('groups.themes.saved')}</span> : null}
      </div>
    </form>
  );
}
