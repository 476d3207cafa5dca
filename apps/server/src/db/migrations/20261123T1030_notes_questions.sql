-- Peer exchange in confidence, part 3: a group's shared notes (« note blanche ») with every version,
-- and questions to peers routed to the members who have lived the situation.
--
-- A note is group content: readable only by the group's active members who accepted its current
-- charter (meute_group_ids()), not by staff, not by an administrator. A question is read by its
-- asker, the people it was routed to and the network's staff. Writes are made by the application
-- after the service's checks (in the same transaction as the notifications they cause).

create table group_notes (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  group_id uuid not null references working_groups (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  -- The latest version's number: a save must name it as its base (optimistic concurrency).
  current_version integer not null default 1 check (current_version > 0),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index group_notes_group_idx on group_notes (group_id, updated_at desc);

-- Every save is a version, never overwritten; a restore writes a new version too.
create table group_note_versions (
  note_id uuid not null references group_notes (id) on delete cascade,
  -- Repeated from the note so that the policy reads one table.
  group_id uuid not null references working_groups (id) on delete cascade,
  version integer not null check (version > 0),
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) <= 100000),
  summary text not null default '' check (length(summary) <= 300),
  author_id uuid references people (id) on delete set null,
  restored_from integer,
  created_at timestamptz not null default now(),
  primary key (note_id, version)
);

alter table group_notes enable row level security;
create policy group_notes_members on group_notes for select to meute_app
  using (group_id in (select meute_group_ids()));

alter table group_note_versions enable row level security;
create policy group_note_versions_members on group_note_versions for select to meute_app
  using (group_id in (select meute_group_ids()));

-- Questions to peers ----------------------------------------------------------------------------

create table peer_questions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  asker_id uuid not null references people (id) on delete cascade,
  title text not null check (length(title) between 3 and 200),
  body text not null default '' check (length(body) <= 5000),
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index peer_questions_network_idx on peer_questions (network_id, created_at desc);
create index peer_questions_asker_idx on peer_questions (asker_id, created_at desc);

create table peer_question_routes (
  question_id uuid not null references peer_questions (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'answered', 'declined')),
  -- Why Meute suggested this person, as shown to the asker (empty when picked by hand).
  why text not null default '' check (length(why) <= 1000),
  decline_reason text not null default '' check (length(decline_reason) <= 1000),
  -- A reason given as private stays with the person who declined (and nobody else).
  decline_reason_public boolean not null default false,
  routed_at timestamptz not null default now(),
  responded_at timestamptz,
  primary key (question_id, person_id)
);
create index peer_question_routes_person_idx on peer_question_routes (person_id, routed_at desc);

create table peer_question_answers (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references peer_questions (id) on delete cascade,
  author_id uuid references people (id) on delete set null,
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
create index peer_question_answers_question_idx on peer_question_answers (question_id, created_at);

-- The questions the current person may read: theirs, those routed to them, and every question of
-- a network they run. Security definer so the policies do not recurse into each other.
create function meute_peer_question_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select q.id from peer_questions q where q.asker_id = meute_person_id()
  union
  select r.question_id from peer_question_routes r where r.person_id = meute_person_id()
  union
  select q.id from peer_questions q where q.network_id in (select meute_managed_network_ids())
$$;

alter table peer_questions enable row level security;
create policy peer_questions_readers on peer_questions for select to meute_app
  using (id in (select meute_peer_question_ids()));

-- A routed person sees their own line; the asker and staff see every line of the question.
alter table peer_question_routes enable row level security;
create policy peer_question_routes_readers on peer_question_routes for select to meute_app
  using (
    person_id = meute_person_id()
    or question_id in (select q.id from peer_questions q where q.asker_id = meute_person_id())
    or question_id in (select q.id from peer_questions q where q.network_id in (select meute_managed_network_ids()))
  );

alter table peer_question_answers enable row level security;
create policy peer_question_answers_readers on peer_question_answers for select to meute_app
  using (question_id in (select meute_peer_question_ids()));

grant select on group_notes, group_note_versions, peer_questions, peer_question_routes, peer_question_answers to meute_app;
grant execute on function meute_peer_question_ids() to meute_app;
