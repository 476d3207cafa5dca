-- Aid schemes (dispositifs d'aide): a catalogue of public funding schemes kept by a network's
-- staff, each with a structured eligibility rule that Meute checks against its members' profiles
-- and its collective projects. A federation's staff may keep a catalogue for the federation:
-- the people of its networks read it too.

create table aid_schemes (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  funder text not null default '' check (length(funder) <= 200),
  level text not null check (level in ('territorial', 'national', 'european')),
  description text not null default '' check (length(description) <= 4000),
  url text not null default '' check (length(url) <= 500),
  categories text[] not null default '{}',
  naf_sections text[] not null default '{}',
  naf_divisions text[] not null default '{}',
  regions text[] not null default '{}',
  departements text[] not null default '{}',
  project_stages text[] not null default '{}',
  amount_min_cents bigint check (amount_min_cents >= 0),
  amount_max_cents bigint check (amount_max_cents >= 0),
  opens_on date,
  closes_on date,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  check (amount_min_cents is null or amount_max_cents is null or amount_min_cents <= amount_max_cents),
  check (opens_on is null or closes_on is null or opens_on <= closes_on)
);
create index aid_schemes_network_idx on aid_schemes (network_id, archived_at, name);

-- Everyone of a network reads its catalogue and the catalogue of its federation (the parent of
-- a network they see). Staff write through the service, after it checked their role.
alter table aid_schemes enable row level security;
create policy aid_schemes_visible on aid_schemes for select to meute_app
  using (network_id in (select meute_visible_network_ids())
         or network_id in (select n.parent_id from networks n
                            where n.id in (select meute_visible_network_ids())
                              and n.parent_id is not null));

grant select on aid_schemes to meute_app;
