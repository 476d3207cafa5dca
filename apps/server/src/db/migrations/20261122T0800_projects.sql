-- The life of a collective project: milestones, budget (expenses and co-financing), documents,
-- the log of decisions, outcomes and stage changes, the indicators public funders ask for, and
-- the other networks a project spans.
--
-- Who reads: the staff of the project's network or of a network it spans, and the people of the
-- organisations that JOINED it. An organisation only invited (or that declined) keeps seeing the
-- project's overview (projects, project_members, project_needs), nothing of its working files.
--
-- Read by the funder reports (keep these simple):
--   project_indicators: one figure per (project, kind, period_on); `value` is a count for
--     'jobs-kept', 'jobs-created', 'trainees', and an amount in euro cents for
--     'local-purchases-cents' and 'amount-raised-cents'. Sum them per kind over a period.
--   project_budget_lines: kind 'expense' or 'funding', amount_cents >= 0; a funding line has a
--     funder_name and a funding_status ('planned', 'requested', 'obtained'); an expense has neither.

create table project_networks (
  project_id uuid not null references projects (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  added_by uuid references people (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (project_id, network_id)
);
create index project_networks_network_idx on project_networks (network_id);

create table project_milestones (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  due_on date,
  done_at timestamptz,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index project_milestones_project_idx on project_milestones (project_id, due_on);

create table project_budget_lines (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null check (kind in ('expense', 'funding')),
  label text not null check (length(label) between 1 and 200),
  amount_cents bigint not null check (amount_cents between 0 and 100000000000000),
  funder_name text check (length(funder_name) between 1 and 200),
  funding_status text check (funding_status in ('planned', 'requested', 'obtained')),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((kind = 'funding') = (funding_status is not null)),
  check (kind = 'funding' or funder_name is null)
);
create index project_budget_lines_project_idx on project_budget_lines (project_id);

create table project_documents (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  name text not null check (length(name) between 1 and 255),
  content_type text not null check (length(content_type) between 1 and 255),
  size_bytes integer not null check (size_bytes between 0 and 10485760),
  bytes bytea not null check (octet_length(bytes) <= 10485760),
  uploaded_by uuid references people (id) on delete set null,
  uploaded_at timestamptz not null default now(),
  check (octet_length(bytes) = size_bytes)
);
create index project_documents_project_idx on project_documents (project_id, uploaded_at desc);

create table project_events (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null check (kind in ('decision', 'outcome', 'stage-change')),
  text text not null check (length(text) between 1 and 4000),
  occurred_on date not null,
  -- For a stage change: the stages it went from and to.
  from_stage text,
  to_stage text,
  author_id uuid references people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index project_events_project_idx on project_events (project_id, occurred_on desc, created_at desc);

create table project_indicators (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  kind text not null check (kind in ('jobs-kept', 'jobs-created', 'trainees', 'local-purchases-cents', 'amount-raised-cents')),
  value bigint not null check (value between 0 and 100000000000000),
  period_on date not null,
  note text not null default '' check (length(note) <= 1000),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index project_indicators_project_idx on project_indicators (project_id, period_on);

-- Row-level security --------------------------------------------------------------------------

-- The projects the current person runs: those of a network they manage, or spanning one.
create function meute_staffed_project_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select p.id from projects p where p.network_id in (select meute_managed_network_ids())
  union
  select pn.project_id from project_networks pn where pn.network_id in (select meute_managed_network_ids())
$$;

-- The projects one of the current person's organisations has joined.
create function meute_joined_project_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select pm.project_id from project_members pm
   where pm.status = 'joined' and pm.organisation_id in (select meute_person_organisation_ids())
$$;

-- The staff of a spanned network see the project and its members too (policies add up).
create policy projects_spanned on projects for select to meute_app
  using (id in (select meute_staffed_project_ids()));
create policy project_members_spanned on project_members for select to meute_app
  using (project_id in (select meute_staffed_project_ids()));
create policy project_needs_spanned on project_needs for select to meute_app
  using (project_id in (select meute_staffed_project_ids()));

alter table project_networks enable row level security;
create policy project_networks_visible on project_networks for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_person_project_ids()));

alter table project_milestones enable row level security;
create policy project_milestones_visible on project_milestones for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_joined_project_ids()));

alter table project_budget_lines enable row level security;
create policy project_budget_lines_visible on project_budget_lines for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_joined_project_ids()));

alter table project_documents enable row level security;
create policy project_documents_visible on project_documents for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_joined_project_ids()));

alter table project_events enable row level security;
create policy project_events_visible on project_events for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_joined_project_ids()));

alter table project_indicators enable row level security;
create policy project_indicators_visible on project_indicators for select to meute_app
  using (project_id in (select meute_staffed_project_ids())
         or project_id in (select meute_joined_project_ids()));

grant select on project_networks, project_milestones, project_budget_lines, project_documents,
  project_events, project_indicators to meute_app;
grant execute on function meute_staffed_project_ids(), meute_joined_project_ids() to meute_app;
