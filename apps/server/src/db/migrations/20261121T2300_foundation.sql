-- Foundation: people, accounts, networks and memberships, with row-level security.
--
-- The app's requests run as the role meute_app (neither superuser nor owner of any table), with
-- the signed-in person in the setting meute.person_id: the policies below decide what each
-- person sees. System work (migrations, sign-in, jobs) runs as the owner, which bypasses them.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'meute_app') then
    create role meute_app nologin;
  end if;
end
$$;
grant meute_app to current_user;
grant usage on schema public to meute_app;

create table people (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  is_instance_admin boolean not null default false,
  is_demo boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index people_email_key on people (lower(email));

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null default 'company' check (kind in ('company', 'partner')),
  siren text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

create table person_organisations (
  person_id uuid not null references people (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  job_title text not null default '',
  primary key (person_id, organisation_id)
);

create table networks (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  kind text not null check (kind in ('club', 'cluster', 'pole', 'alliance', 'federation')),
  parent_id uuid references networks (id) on delete restrict,
  description text not null default '',
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);
create index networks_parent_idx on networks (parent_id);

create table network_organisations (
  network_id uuid not null references networks (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (network_id, organisation_id)
);

create table memberships (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  role text not null check (role in (
    'staff', 'board', 'member_leader', 'member_employee', 'partner_delegate', 'federation_staff'
  )),
  organisation_id uuid references organisations (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (network_id, person_id, role)
);
create index memberships_person_idx on memberships (person_id);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  email text not null,
  role text not null,
  token_hash text not null unique,
  invited_by uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz
);
create index invitations_network_idx on invitations (network_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  person_id uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  ip text not null default '',
  user_agent text not null default ''
);
create index sessions_person_idx on sessions (person_id);

create table password_resets (
  token_hash text primary key,
  person_id uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failures_email_idx on sign_in_failures (email, failed_at);
create index sign_in_failures_ip_idx on sign_in_failures (ip, failed_at);

create table outbox_emails (
  id uuid primary key default gen_random_uuid(),
  network_id uuid references networks (id) on delete cascade,
  recipient text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now()
);
create index outbox_emails_network_idx on outbox_emails (network_id, created_at);

-- Who is asking: the person the request runs for, or null outside a request.
create function meute_person_id() returns uuid
language sql stable
as $$ select nullif(current_setting('meute.person_id', true), '')::uuid $$;

-- The networks the current person may see: those they hold a role in, every network of a
-- federation they staff, and all of them for an instance administrator. Security definer so
-- that the policies can read memberships without recursing into their own policy.
create function meute_visible_network_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select m.network_id from memberships m
   where m.person_id = meute_person_id()
  union
  select n.id from networks n
    join memberships m on m.network_id = n.parent_id and m.role = 'federation_staff'
   where m.person_id = meute_person_id()
  union
  select n.id from networks n
   where exists (select 1 from people p
                  where p.id = meute_person_id() and p.is_instance_admin and p.disabled_at is null)
$$;

-- The networks the current person runs (staff, federation staff of the parent, administrator).
create function meute_managed_network_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select m.network_id from memberships m
   where m.person_id = meute_person_id() and m.role in ('staff', 'federation_staff')
  union
  select n.id from networks n
    join memberships m on m.network_id = n.parent_id and m.role = 'federation_staff'
   where m.person_id = meute_person_id()
  union
  select n.id from networks n
   where exists (select 1 from people p
                  where p.id = meute_person_id() and p.is_instance_admin and p.disabled_at is null)
$$;

alter table networks enable row level security;
create policy networks_visible on networks for select to meute_app
  using (id in (select meute_visible_network_ids()));

alter table memberships enable row level security;
create policy memberships_visible on memberships for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table network_organisations enable row level security;
create policy network_organisations_visible on network_organisations for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table invitations enable row level security;
create policy invitations_managed on invitations for all to meute_app
  using (network_id in (select meute_managed_network_ids()))
  with check (network_id in (select meute_managed_network_ids()));

alter table outbox_emails enable row level security;
create policy outbox_managed on outbox_emails for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

-- A person is visible to themself and to those who share a network with them.
alter table people enable row level security;
create policy people_visible on people for select to meute_app
  using (
    id = meute_person_id()
    or id in (select m.person_id from memberships m
               where m.network_id in (select meute_visible_network_ids()))
  );
create policy people_update_self on people for update to meute_app
  using (id = meute_person_id()) with check (id = meute_person_id());

alter table organisations enable row level security;
create policy organisations_visible on organisations for select to meute_app
  using (
    id in (select po.organisation_id from person_organisations po where po.person_id = meute_person_id())
    or id in (select no.organisation_id from network_organisations no
               where no.network_id in (select meute_visible_network_ids()))
  );

alter table person_organisations enable row level security;
create policy person_organisations_visible on person_organisations for select to meute_app
  using (
    person_id = meute_person_id()
    or organisation_id in (select no.organisation_id from network_organisations no
                            where no.network_id in (select meute_visible_network_ids()))
  );

-- Accounts, sessions and rate-limit counters are system tables: the app role never reads them.
alter table sessions enable row level security;
alter table password_resets enable row level security;
alter table sign_in_failures enable row level security;

grant select on networks, memberships, network_organisations, organisations, person_organisations,
  outbox_emails to meute_app;
grant select, insert, update on invitations to meute_app;
grant select (id, email, display_name, locale, is_instance_admin, is_demo, disabled_at, created_at)
  on people to meute_app;
grant update (display_name, locale) on people to meute_app;
