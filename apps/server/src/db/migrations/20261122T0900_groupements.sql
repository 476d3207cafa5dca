-- The life of a groupement (a grouping of member companies answering a tender together):
-- conjoint or solidaire, its mandataire, each member's lots and work share, the go/no-go
-- decision, its documents, the buyer's price revision rounds and the outcome.
--
-- Who reads: the groupement itself (kind, mandataire, members, lots, work shares, status,
-- outcome) is visible to every person of the tender's network. The documents and the revision
-- rounds with their answers are visible only to the network's staff and to the people of the
-- groupement's member organisations. A member's price is visible only to the network's staff
-- and to that member's own people (not even to the other members). The prices live in their
-- own table so that row-level security can hide them while the members' rows stay visible.

create table groupements (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  kind text not null check (kind in ('conjoint', 'solidaire')),
  mandataire_id uuid references organisations (id) on delete set null,
  status text not null default 'forming'
    check (status in ('forming', 'go', 'no-go', 'submitted', 'won', 'lost')),
  decision_reason text not null default '' check (length(decision_reason) <= 2000),
  decided_at timestamptz,
  decided_by uuid references people (id) on delete set null,
  outcome_value_cents bigint check (outcome_value_cents between 0 and 100000000000000),
  outcome_at timestamptz,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index groupements_tender_idx on groupements (tender_id, created_at);
create index groupements_network_idx on groupements (network_id, status);

create table groupement_members (
  groupement_id uuid not null references groupements (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  -- Lot ids of the tender's body.
  lot_ids text[] not null default '{}',
  -- Work share in basis points; the members of a groupement add up to 10,000.
  work_share_bp integer not null check (work_share_bp between 0 and 10000),
  primary key (groupement_id, organisation_id)
);
create index groupement_members_organisation_idx on groupement_members (organisation_id);

-- CONFIDENTIAL: a member's price for its part of the work.
create table groupement_member_prices (
  groupement_id uuid not null references groupements (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  price_cents bigint not null check (price_cents between 0 and 100000000000000),
  updated_at timestamptz not null default now(),
  primary key (groupement_id, organisation_id),
  foreign key (groupement_id, organisation_id)
    references groupement_members (groupement_id, organisation_id) on delete cascade
);

create table groupement_documents (
  id uuid primary key default gen_random_uuid(),
  groupement_id uuid not null references groupements (id) on delete cascade,
  name text not null check (length(name) between 1 and 255),
  content_type text not null check (length(content_type) between 1 and 255),
  size_bytes integer not null check (size_bytes between 0 and 10485760),
  bytes bytea not null check (octet_length(bytes) <= 10485760),
  uploaded_by uuid references people (id) on delete set null,
  uploaded_at timestamptz not null default now(),
  check (octet_length(bytes) = size_bytes)
);
create index groupement_documents_groupement_idx on groupement_documents (groupement_id, uploaded_at desc);

create table price_revision_rounds (
  id uuid primary key default gen_random_uuid(),
  groupement_id uuid not null references groupements (id) on delete cascade,
  -- The cut the buyer asks: in basis points of the total price, or an amount in cents.
  cut_bp integer check (cut_bp between 1 and 10000),
  cut_cents bigint check (cut_cents between 1 and 100000000000000),
  -- The cut in cents, as computed when the round was opened.
  total_cut_cents bigint not null check (total_cut_cents >= 0),
  -- What the split followed: the members' prices, or their work shares when prices were missing.
  basis text not null check (basis in ('price', 'work-share')),
  note text not null default '' check (length(note) <= 2000),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((cut_bp is null) <> (cut_cents is null))
);
create index price_revision_rounds_groupement_idx on price_revision_rounds (groupement_id, created_at);

create table price_revision_answers (
  round_id uuid not null references price_revision_rounds (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  share_cents bigint not null check (share_cents >= 0),
  accepted boolean,
  answered_by uuid references people (id) on delete set null,
  answered_at timestamptz,
  primary key (round_id, organisation_id)
);

-- Row-level security --------------------------------------------------------------------------

-- The groupements whose confidential parts the current person reads: those of a network they
-- manage, and those one of their organisations belongs to. Security definer so that the
-- policies do not recurse into groupement_members' own policy.
create function meute_groupement_insider_ids() returns setof uuid
language sql stable security definer set search_path = public
as $$
  select g.id from groupements g where g.network_id in (select meute_managed_network_ids())
  union
  select gm.groupement_id from groupement_members gm
   where gm.organisation_id in (select meute_person_organisation_ids())
$$;

-- The groupement and its members (names, lots, work shares) are visible to the whole network.
alter table groupements enable row level security;
create policy groupements_visible on groupements for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table groupement_members enable row level security;
create policy groupement_members_visible on groupement_members for select to meute_app
  using (groupement_id in (select g.id from groupements g
                            where g.network_id in (select meute_visible_network_ids())));

alter table groupement_member_prices enable row level security;
create policy groupement_member_prices_visible on groupement_member_prices for select to meute_app
  using (organisation_id in (select meute_person_organisation_ids())
         or groupement_id in (select g.id from groupements g
                               where g.network_id in (select meute_managed_network_ids())));

alter table groupement_documents enable row level security;
create policy groupement_documents_visible on groupement_documents for select to meute_app
  using (groupement_id in (select meute_groupement_insider_ids()));

-- A round's requested cut is part of the negotiation: insiders only, like the answers.
alter table price_revision_rounds enable row level security;
create policy price_revision_rounds_visible on price_revision_rounds for select to meute_app
  using (groupement_id in (select meute_groupement_insider_ids()));

alter table price_revision_answers enable row level security;
create policy price_revision_answers_visible on price_revision_answers for select to meute_app
  using (round_id in (select r.id from price_revision_rounds r
                       where r.groupement_id in (select meute_groupement_insider_ids())));

grant select on groupements, groupement_members, groupement_member_prices, groupement_documents,
  price_revision_rounds, price_revision_answers to meute_app;
grant execute on function meute_groupement_insider_ids() to meute_app;
