-- The SIRENE register of a network (decision 0016): the establishments of the SIRENE stock file
-- its staff imported — usually the territory's economic fabric, thousands to millions of rows —
-- as INSEE describes them. The directory holds the network's members (organisations); staff take
-- establishments of the register in as members: a selection, a search's results, or all of them.
--
-- A narrow table read by the network's staff only, with one partition per network: an import
-- fills a new table by COPY (no index to maintain row by row: a million establishments cost
-- little more than reading the file), builds its primary key in one sort, and swaps it in for the
-- network's previous register just before its commit (see imports.repository.ts). Each
-- partition's primary key is its SIRET, compared byte-wise (collate "C": SIRETs are digits, and
-- the sort then costs a third of a locale-aware one); the parent has none of its own. No foreign
-- key: a network's deletion drops its partition by trigger.

create table sirene_establishments (
  network_id uuid not null,
  siret text collate "C" not null,
  siren text not null,
  name text not null,
  naf_code text,
  naf_version text,
  headcount_band text,
  category text check (category in ('TPE', 'PME', 'ETI', 'GE')),
  commune_code text,
  epci_code text,
  departement_code text,
  region_code text,
  lon double precision,
  lat double precision,
  is_active boolean not null
) partition by list (network_id);

-- Rows of a network without a partition of its own: only a restored backup puts rows here (the
-- next import of that network moves them out of the way).
create table sirene_establishments_default partition of sirene_establishments default;
alter table sirene_establishments_default add primary key (network_id, siret);

-- One row per network that has a register: when it was imported and what it holds.
create table sirene_registers (
  network_id uuid primary key references networks (id) on delete cascade,
  imported_at timestamptz not null default now(),
  establishments integer not null,
  active integer not null
);

-- The partition of a network: `sirene_register_` and its id's 32 hexadecimal digits.
create function meute_sirene_partition(network uuid) returns text
language sql immutable
as $$ select 'sirene_register_' || replace(network::text, '-', '') $$;

create function meute_drop_sirene_register() returns trigger
language plpgsql
as $$
begin
  execute format('drop table if exists %I', meute_sirene_partition(old.id));
  delete from sirene_establishments_default where network_id = old.id;
  return old;
end $$;

create trigger networks_drop_sirene_register after delete on networks
  for each row execute function meute_drop_sirene_register();

-- Public data, but which establishments a network looks at is its own business: its staff only.
alter table sirene_establishments enable row level security;
create policy sirene_establishments_visible on sirene_establishments for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

alter table sirene_registers enable row level security;
create policy sirene_registers_visible on sirene_registers for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

grant select on sirene_establishments, sirene_registers to meute_app;
