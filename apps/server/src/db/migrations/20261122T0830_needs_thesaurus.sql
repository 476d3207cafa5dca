-- The shared-need engine, taught by staff: synonym sets a network adds to the default thesaurus
-- (« pentest » ↔ « test d'intrusion »). A set whose concept_id names a default concept extends it;
-- otherwise it is a concept of its own. Staff only: members never read the board's workings.

create table network_synonym_sets (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  concept_id text not null check (concept_id ~ '^[a-z0-9-]{1,60}$'),
  label text not null check (length(label) between 1 and 120),
  terms text[] not null check (cardinality(terms) between 1 and 50),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (network_id, concept_id)
);

alter table network_synonym_sets enable row level security;
create policy network_synonym_sets_managed on network_synonym_sets for select to meute_app
  using (network_id in (select meute_managed_network_ids()));
grant select on network_synonym_sets to meute_app;
