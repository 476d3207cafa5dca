-- Needs and collective projects: members post needs, offers and unfinished ideas; staff see the
-- needs that say the same thing (the shared-need board, computed on request by the engine in
-- packages/domain), record their decisions as pairs, and turn a group into a collective project.
--
-- Confidentiality lives here: a need of visibility 'staff' is read by the network's staff and
-- by the people of the organisation that posted it, nobody else; 'named' needs reach only the
-- named organisations. The staff's decisions are theirs alone.

create table needs (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('need', 'offer', 'idea')),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  competence_ids uuid[] not null default '{}',
  naf_code text check (naf_code ~ '^[0-9]{2}(\.[0-9]{1,2}[A-Z]?)?$'),
  quantity text not null default '' check (length(quantity) <= 120),
  deadline date,
  visibility text not null check (visibility in ('staff', 'network', 'named')),
  named_organisation_ids uuid[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'withdrawn')),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index needs_network_idx on needs (network_id, status, created_at desc);
create index needs_organisation_idx on needs (organisation_id);

-- Staff decisions about proposed groups, as pairs of needs (need_a < need_b): 'cannot' from a
-- dismissed group (never proposed together again), 'must' from a merge.
create table need_link_decisions (
  network_id uuid not null references networks (id) on delete cascade,
  need_a uuid not null references needs (id) on delete cascade,
  need_b uuid not null references needs (id) on delete cascade,
  kind text not null check (kind in ('cannot', 'must')),
  decided_by uuid references people (id) on delete set null,
  decided_at timestamptz not null default now(),
  primary key (need_a, need_b, kind),
  check (need_a < need_b)
);
create index need_link_decisions_network_idx on need_link_decisions (network_id);

create table projects (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  stage text not null default 'idea' check (stage in ('idea', 'pilot', 'project', 'industrial', 'market')),
  lead_organisation_id uuid references organisations (id) on delete set null,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index projects_network_idx on projects (network_id, created_at desc);

create table project_members (
  project_id uuid not null references projects (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  -- The project's network, copied so that the policies need no join.
  network_id uuid not null references networks (id) on delete cascade,
  status text not null default 'invited' check (status in ('invited', 'joined', 'declined')),
  invited_at timestamptz not null default now(),
  primary key (project_id, organisation_id)
);
create index project_members_organisation_idx on project_members (organisation_id);

create table project_needs (
  project_id uuid not null references projects (id) on delete cascade,
  need_id uuid not null references needs (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  primary key (project_id, need_id)
);
create index project_needs_need_idx on project_needs (need_id);

-- Row-level security --------------------------------------------------------------------------

-- The organisations the current person belongs to.
create function meute_person_organisation_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$ select po.organisation_id from person_organisations po where po.person_id = meute_person_id() $$;

-- The projects one of the current person's organisations takes part in. Security definer so
-- that the policies of projects and project_members do not recurse into each other.
create function meute_person_project_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select pm.project_id from project_members pm
   where pm.organisation_id in (select meute_person_organisation_ids())
$$;

-- Staff see every need of their networks; the posting organisation sees its own; the others of
-- the network see open needs shared with the network or with them by name.
alter table needs enable row level security;
create policy needs_visible on needs for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or organisation_id in (select meute_person_organisation_ids())
         or (status = 'open'
             and network_id in (select meute_visible_network_ids())
             and (visibility = 'network'
                  or (visibility = 'named'
                      and named_organisation_ids && array(select meute_person_organisation_ids())))));

alter table need_link_decisions enable row level security;
create policy need_link_decisions_managed on need_link_decisions for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

-- A project is seen by the network's staff and by the people of its member organisations.
alter table projects enable row level security;
create policy projects_visible on projects for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or id in (select meute_person_project_ids()));

alter table project_members enable row level security;
create policy project_members_visible on project_members for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or project_id in (select meute_person_project_ids()));

alter table project_needs enable row level security;
create policy project_needs_visible on project_needs for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or project_id in (select meute_person_project_ids()));

grant select on needs, need_link_decisions, projects, project_members, project_needs to meute_app;
grant execute on function meute_person_organisation_ids(), meute_person_project_ids() to meute_app;
