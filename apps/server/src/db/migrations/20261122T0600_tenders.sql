-- Joint tenders: the tenders a network answers together (entered by hand or imported from an
-- eForms notice), the network's CPV → competence mapping, and the last run of the consortium
-- builder. A tender's lots and requirements are the domain's `Tender`, validated before they are
-- written, kept whole in `body`.

create table tenders (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  title text not null check (length(title) between 1 and 300),
  buyer text not null default '' check (length(buyer) <= 300),
  submission_deadline timestamptz,
  source text not null check (source in ('manual', 'eforms')),
  -- The notice's identifier when imported (eForms BT-04 procedure id).
  notice_id text,
  -- The domain's Tender: lots, requirements, places, CPV codes.
  body jsonb not null,
  -- Lot id → CPV codes the mapping did not turn into competences, at import.
  unmapped_cpv jsonb not null default '{}',
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  -- The last result of the consortium builder, with the bounds it ran with.
  last_run jsonb,
  last_run_at timestamptz,
  last_run_by uuid references people (id) on delete set null
);
create index tenders_network_idx on tenders (network_id, created_at desc);

-- The network's CPV → competence mapping: [{cpv, competences: [competence id]}].
create table tender_cpv_mappings (
  network_id uuid primary key references networks (id) on delete cascade,
  rules jsonb not null default '[]',
  updated_by uuid references people (id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Row-level security --------------------------------------------------------------------------

-- A tender and its groupings are visible to every person of the network.
alter table tenders enable row level security;
create policy tenders_visible on tenders for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table tender_cpv_mappings enable row level security;
create policy tender_cpv_mappings_visible on tender_cpv_mappings for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

grant select on tenders, tender_cpv_mappings to meute_app;
