-- Peer exchange in confidence, part 1: working groups, their charters and members, the roles of a
-- leader's team, the club's "no business" rule, and the notifications every part writes to.
--
-- The promise: what is said in a group never leaves it. Group content is readable only by the
-- group's active members who accepted its current charter — not by the network's staff, not by
-- federation staff, not by an instance administrator — and the policies below enforce it.

-- The role a person holds in their company's management team (CODIR), which a group may be open to.
alter table person_organisations
  add column codir_role text check (codir_role in ('ceo', 'it', 'hr', 'finance', 'csr', 'operations', 'sales', 'other'));

-- A club may forbid commercial offers between its members: the product then offers them no "sell" feature.
alter table networks
  add column no_business boolean not null default false;

-- The themes a network runs groups on (its own list).
create table group_themes (
  network_id uuid not null references networks (id) on delete cascade,
  label text not null check (length(label) between 1 and 80),
  position integer not null default 0,
  primary key (network_id, label)
);

create table working_groups (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null check (length(name) between 1 and 120),
  theme text not null check (length(theme) between 1 and 80),
  description text not null default '' check (length(description) <= 4000),
  -- Variable geometry: leaders only; leaders and their CODIR members; or only some CODIR roles.
  audience text not null default 'leaders' check (audience in ('leaders', 'leaders-and-codir', 'codir-roles')),
  codir_roles text[] not null default '{}',
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (network_id, slug),
  check (audience <> 'codir-roles' or cardinality(codir_roles) > 0)
);
create index working_groups_network_idx on working_groups (network_id);

-- Every version of a group's charter; a new version asks every member to accept again.
create table group_charters (
  group_id uuid not null references working_groups (id) on delete cascade,
  version integer not null check (version > 0),
  body text not null check (length(body) between 1 and 20000),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (group_id, version)
);

create table group_members (
  group_id uuid not null references working_groups (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  -- A leader moderates the group; the network's staff name them.
  role text not null default 'member' check (role in ('member', 'leader')),
  -- 'invited' (by staff or a leader, not yet accepted the charter), 'active', 'left', 'removed'.
  status text not null check (status in ('invited', 'active', 'left', 'removed')),
  charter_version integer,
  charter_accepted_at timestamptz,
  joined_at timestamptz,
  left_at timestamptz,
  invited_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (group_id, person_id),
  check (status <> 'active' or (charter_version is not null and charter_accepted_at is not null))
);
create index group_members_person_idx on group_members (person_id) where status = 'active';

-- The groups whose content the current person may read: active, and the charter they accepted
-- is the group's current one. Nobody else — not staff, not an administrator.
create function meute_group_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select gm.group_id from group_members gm
   where gm.person_id = meute_person_id() and gm.status = 'active'
     and gm.charter_version = (select max(c.version) from group_charters c where c.group_id = gm.group_id)
$$;

-- The groups the current person may see the existence of (name, theme, charter, members):
-- every group of a network they belong to or run.
create function meute_visible_group_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select g.id from working_groups g where g.network_id in (select meute_visible_network_ids())
$$;

alter table group_themes enable row level security;
create policy group_themes_visible on group_themes for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table working_groups enable row level security;
create policy working_groups_visible on working_groups for select to meute_app
  using (id in (select meute_visible_group_ids()));

alter table group_charters enable row level security;
create policy group_charters_visible on group_charters for select to meute_app
  using (group_id in (select meute_visible_group_ids()));

-- Who belongs to a group is known to its members and to the staff who run the network.
alter table group_members enable row level security;
create policy group_members_visible on group_members for select to meute_app
  using (
    person_id = meute_person_id()
    or group_id in (select meute_group_ids())
    or group_id in (select g.id from working_groups g where g.network_id in (select meute_managed_network_ids()))
  );

-- Notifications -------------------------------------------------------------------------------

-- One line per person and event. A line about a group's content carries the group: it vanishes
-- for a person the moment they stop being an active member. Titles and excerpts are written for
-- their recipient and never name the author of a Chatham House post.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  group_id uuid references working_groups (id) on delete cascade,
  kind text not null check (kind in (
    'alert', 'mention', 'post', 'reply', 'note', 'question', 'answer', 'charter', 'group-invite'
  )),
  -- The thing it is about (a post, an alert, a question …) and where it lives in the app.
  subject_id uuid,
  link text not null check (link like '/%'),
  title text not null check (length(title) between 1 and 300),
  excerpt text not null default '' check (length(excerpt) <= 600),
  -- Alerts and mentions are e-mailed at once; the rest waits for the person's digest.
  urgent boolean not null default false,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz,
  digested_at timestamptz
);
create index notifications_person_idx on notifications (person_id, created_at desc);
create index notifications_unread_idx on notifications (person_id) where read_at is null;
create index notifications_digest_idx on notifications (person_id, created_at) where digested_at is null and emailed_at is null;
create index notifications_group_idx on notifications (group_id) where group_id is not null;

alter table notifications enable row level security;
create policy notifications_own on notifications for select to meute_app
  using (
    person_id = meute_person_id()
    and (group_id is null or group_id in (select meute_group_ids()))
  );
create policy notifications_mark_read on notifications for update to meute_app
  using (person_id = meute_person_id()) with check (person_id = meute_person_id());

-- A confidential mail (group content, alerts, digests) is read in the development outbox by its
-- recipient only — never by the network's staff.
alter table outbox_emails
  add column confidential boolean not null default false;
drop policy outbox_managed on outbox_emails;
create policy outbox_managed on outbox_emails for select to meute_app
  using (not confidential and network_id in (select meute_managed_network_ids()));
create policy outbox_own on outbox_emails for select to meute_app
  using (lower(recipient) = (select lower(p.email) from people p where p.id = meute_person_id()));

grant select on group_themes, working_groups, group_charters, group_members, notifications to meute_app;
grant update (read_at) on notifications to meute_app;
grant execute on function meute_group_ids(), meute_visible_group_ids() to meute_app;
