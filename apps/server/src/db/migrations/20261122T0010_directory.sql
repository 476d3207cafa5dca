-- Members and directory: organisation profiles, network settings and charter, membership
-- applications, dues, competences, and French full-text search.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- French search that ignores accents: « Électricité » and « electricite » are the same word.
do $$
begin
  if not exists (select 1 from pg_ts_config where cfgname = 'meute_french') then
    create text search configuration meute_french (copy = french);
    alter text search configuration meute_french
      alter mapping for hword, hword_part, word with unaccent, french_stem;
  end if;
end
$$;

-- Network settings ----------------------------------------------------------------------------

alter table networks
  add column territory_kind text check (territory_kind in ('region', 'departement', 'epci', 'commune')),
  add column territory_code text,
  add column entry_fee_cents integer not null default 0 check (entry_fee_cents >= 0),
  add column yearly_dues_cents integer not null default 0 check (yearly_dues_cents >= 0),
  add column min_staff integer check (min_staff >= 0),
  add column max_staff integer check (max_staff >= 0),
  add column is_open_to_applications boolean not null default true;

create table network_charters (
  network_id uuid not null references networks (id) on delete cascade,
  version integer not null check (version > 0),
  body text not null,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (network_id, version)
);

-- Organisation profile ------------------------------------------------------------------------

alter table organisations
  add column siret text,
  add column naf_code text,
  add column naf_version text not null default 'NAFRev2',
  add column headcount_band text,
  add column category text check (category in ('TPE', 'PME', 'ETI', 'GE')),
  add column commune_code text,
  add column epci_code text,
  add column departement_code text,
  add column region_code text,
  add column lon double precision,
  add column lat double precision,
  add column description text not null default '',
  add column website text not null default '',
  add column free_competences text[] not null default '{}',
  add column is_active boolean not null default true,
  add column updated_at timestamptz not null default now(),
  add column search_vector tsvector;
create unique index organisations_siret_key on organisations (siret) where siret is not null;
create index organisations_siren_idx on organisations (siren);
create index organisations_search_idx on organisations using gin (search_vector);
create index organisations_name_trgm_idx on organisations using gin (name gin_trgm_ops);
create index organisations_point_idx on organisations (lat, lon);
create index organisations_name_idx on organisations (name);

-- The shared taxonomy of competences: rows with no network are common to the instance, the
-- others are curated by one network.
create table competences (
  id uuid primary key default gen_random_uuid(),
  network_id uuid references networks (id) on delete cascade,
  label text not null,
  created_at timestamptz not null default now()
);
create unique index competences_label_key on competences (coalesce(network_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(label));

create table organisation_competences (
  organisation_id uuid not null references organisations (id) on delete cascade,
  competence_id uuid not null references competences (id) on delete cascade,
  primary key (organisation_id, competence_id)
);
create index organisation_competences_competence_idx on organisation_competences (competence_id);

create table organisation_certifications (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null,
  expires_on date
);
create index organisation_certifications_org_idx on organisation_certifications (organisation_id);
create index organisation_certifications_name_idx on organisation_certifications (lower(name));

-- Equipment and capacities: « 2 CNC 5 axes, 30 % libres ».
create table organisation_capacities (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  label text not null,
  quantity integer check (quantity >= 0),
  free_percent integer check (free_percent between 0 and 100)
);
create index organisation_capacities_org_idx on organisation_capacities (organisation_id);

create table organisation_references (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id) on delete cascade,
  title text not null,
  client text not null default '',
  year integer check (year between 1900 and 2100),
  description text not null default ''
);
create index organisation_references_org_idx on organisation_references (organisation_id);

alter table person_organisations
  add column is_leader boolean not null default false;

-- What of their contact details each person shows to the other members (GDPR): 'members',
-- 'staff' (only the staff of their networks) or 'nobody'.
alter table people
  add column phone text not null default '',
  add column job_title text not null default '',
  add column email_visibility text not null default 'staff' check (email_visibility in ('members', 'staff', 'nobody')),
  add column phone_visibility text not null default 'staff' check (phone_visibility in ('members', 'staff', 'nobody'));

-- Membership of organisations in networks --------------------------------------------------------

alter table network_organisations
  add column charter_version integer,
  add column charter_accepted_by uuid references people (id) on delete set null,
  add column charter_accepted_at timestamptz;

create table membership_applications (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  applicant_id uuid not null references people (id) on delete cascade,
  message text not null default '',
  charter_version integer,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  decision_reason text not null default '',
  decided_by uuid references people (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create index membership_applications_network_idx on membership_applications (network_id, status);
create unique index membership_applications_pending_key on membership_applications (network_id, organisation_id)
  where status = 'pending';

create table network_dues (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  kind text not null check (kind in ('entry', 'yearly')),
  year integer not null check (year between 2000 and 2100),
  amount_cents integer not null check (amount_cents >= 0),
  paid_at timestamptz,
  recorded_by uuid references people (id) on delete set null,
  recorded_at timestamptz not null default now(),
  unique (network_id, organisation_id, kind, year)
);

-- Search text of organisations: the name first, then competences, description, certifications
-- and capacities, then references. Kept up to date by the services after every change of a
-- profile, and by imports for many organisations in one statement.
create function meute_refresh_organisations_search(ids uuid[]) returns void
language sql
as $$
  update organisations o set search_vector =
      setweight(to_tsvector('meute_french', coalesce(o.name, '')), 'A')
   || setweight(to_tsvector('meute_french', coalesce((
        select string_agg(c.label, ' ') from organisation_competences oc
          join competences c on c.id = oc.competence_id where oc.organisation_id = o.id), '')
        || ' ' || array_to_string(o.free_competences, ' ')), 'B')
   || setweight(to_tsvector('meute_french', coalesce(o.description, '') || ' ' || coalesce((
        select string_agg(oc2.name, ' ') from organisation_certifications oc2 where oc2.organisation_id = o.id), '')
        || ' ' || coalesce((select string_agg(cap.label, ' ') from organisation_capacities cap where cap.organisation_id = o.id), '')), 'C')
   || setweight(to_tsvector('meute_french', coalesce((
        select string_agg(r.title || ' ' || r.client || ' ' || r.description, ' ')
          from organisation_references r where r.organisation_id = o.id), '')), 'D')
  where o.id in (select unnest(ids))
$$;

create function meute_refresh_organisation_search(org uuid) returns void
language sql
as $$ select meute_refresh_organisations_search(array[org]) $$;

-- A person's words become a query that also finds the words' family: « usinage » (stem
-- usinag) finds « usiné » (stem usin) because each stem also matches as a shorter prefix.
create function meute_search_query(words text) returns tsquery
language sql immutable
as $$
  select coalesce(string_agg(
           format('(%s | %s:*)', quote_literal(lexeme), quote_literal(left(lexeme, greatest(4, length(lexeme) - 2)))),
           ' & '), '')::tsquery
    from unnest(tsvector_to_array(to_tsvector('meute_french', coalesce(words, '')))) as lexeme
$$;

-- A counter that changes whenever anything the directory shows changes: the app caches facet
-- counts under it, so a cached count is never stale, whichever instance wrote.
create table directory_version (
  id boolean primary key default true check (id),
  version bigint not null default 0
);
insert into directory_version default values;

create function meute_bump_directory_version() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
  update directory_version set version = version + 1;
  return null;
end
$$;

create trigger organisations_directory_version after insert or update or delete or truncate on organisations
  for each statement execute function meute_bump_directory_version();
create trigger network_organisations_directory_version after insert or update or delete or truncate on network_organisations
  for each statement execute function meute_bump_directory_version();
create trigger organisation_competences_directory_version after insert or update or delete or truncate on organisation_competences
  for each statement execute function meute_bump_directory_version();
create trigger organisation_certifications_directory_version after insert or update or delete or truncate on organisation_certifications
  for each statement execute function meute_bump_directory_version();
create trigger competences_directory_version after insert or update or delete or truncate on competences
  for each statement execute function meute_bump_directory_version();
create trigger memberships_directory_version after insert or update or delete or truncate on memberships
  for each statement execute function meute_bump_directory_version();

-- The organisations whose search text matches some words. Under row-level security PostgreSQL
-- may not use the full-text index for a person's own condition (the match operator is not
-- leakproof), and scans every row; this function uses the index and returns ids only, which
-- the caller's query then filters through the organisations' policy like any other row.
create function meute_text_matches(words text) returns setof uuid
language sql stable security definer set search_path = public
as $$ select id from organisations where search_vector @@ meute_search_query(words) $$;

-- Row-level security --------------------------------------------------------------------------

alter table network_charters enable row level security;
create policy network_charters_visible on network_charters for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table competences enable row level security;
create policy competences_visible on competences for select to meute_app
  using (network_id is null or network_id in (select meute_visible_network_ids()));

-- Which networks an organisation belongs to, and their federations, kept on the organisation
-- itself. A person's policy then compares two short arrays on each row (their own networks, the
-- federations they staff), where a join to network_organisations would build a hash of every
-- visible membership on every query: that is what keeps a search over 80,000 organisations fast.
alter table organisations
  add column network_ids uuid[] not null default '{}',
  add column federation_ids uuid[] not null default '{}';
create index network_organisations_organisation_idx on network_organisations (organisation_id);

create function meute_sync_organisations_networks(ids uuid[]) returns void
language sql security definer set search_path = public
as $$
  update organisations o
     set network_ids = s.network_ids, federation_ids = s.federation_ids
    from (select x.id,
                 coalesce((select array_agg(no.network_id order by no.network_id)
                             from network_organisations no where no.organisation_id = x.id), '{}') as network_ids,
                 coalesce((select array_agg(distinct n.parent_id)
                             from network_organisations no join networks n on n.id = no.network_id
                            where no.organisation_id = x.id and n.parent_id is not null), '{}') as federation_ids
            from unnest(ids) as x(id)) s
   where o.id = s.id
     -- An organisation whose arrays are already right is not rewritten (an import fills them).
     and (o.network_ids, o.federation_ids) is distinct from (s.network_ids, s.federation_ids)
$$;

create function meute_sync_organisation_networks() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
  perform meute_sync_organisations_networks(array(select distinct organisation_id from changed));
  return null;
end
$$;
create trigger network_organisations_sync_insert after insert on network_organisations
  referencing new table as changed for each statement execute function meute_sync_organisation_networks();
create trigger network_organisations_sync_delete after delete on network_organisations
  referencing old table as changed for each statement execute function meute_sync_organisation_networks();

-- A network moved to another federation moves its members' federation_ids with it.
create function meute_sync_network_parent() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
  perform meute_sync_organisations_networks(
    array(select organisation_id from network_organisations where network_id = new.id));
  return null;
end
$$;
create trigger networks_parent_sync after update of parent_id on networks
  for each row when (old.parent_id is distinct from new.parent_id) execute function meute_sync_network_parent();

-- The sets a person's policies compare with, each computed once per query.
create function meute_direct_network_array() returns uuid[]
language sql stable security definer set search_path = public
as $$ select coalesce(array_agg(distinct network_id), '{}') from memberships where person_id = meute_person_id() $$;

create function meute_staffed_federation_array() returns uuid[]
language sql stable security definer set search_path = public
as $$
  select coalesce(array_agg(distinct network_id), '{}') from memberships
   where person_id = meute_person_id() and role = 'federation_staff'
$$;

create function meute_is_instance_admin() returns boolean
language sql stable security definer set search_path = public
as $$
  select coalesce((select is_instance_admin and disabled_at is null from people where id = meute_person_id()), false)
$$;

create function meute_managed_network_array() returns uuid[]
language sql stable security definer set search_path = public
as $$ select coalesce(array_agg(id), '{}') from meute_managed_network_ids() as id $$;

-- Organisations a person sees apart from their networks' members: their own, and for staff,
-- those applying to the networks they run.
create function meute_extra_organisation_array() returns uuid[]
language sql stable security definer set search_path = public
as $$
  select coalesce(array_agg(id), '{}') from (
    select po.organisation_id as id from person_organisations po where po.person_id = meute_person_id()
    union
    select a.organisation_id from membership_applications a
     where a.network_id = any(meute_managed_network_array())
  ) visible
$$;

-- The same rule as meute_visible_network_ids(), applied to an organisation's networks.
drop policy organisations_visible on organisations;
create policy organisations_visible on organisations for select to meute_app
  using (network_ids && (select meute_direct_network_array())
         or federation_ids && (select meute_staffed_federation_array())
         or (select meute_is_instance_admin())
         or id = any((select meute_extra_organisation_array())::uuid[]));

-- Profile details follow their organisation: the subquery applies the organisation's policy.
alter table organisation_competences enable row level security;
create policy organisation_competences_visible on organisation_competences for select to meute_app
  using (exists (select 1 from organisations o where o.id = organisation_id));
alter table organisation_certifications enable row level security;
create policy organisation_certifications_visible on organisation_certifications for select to meute_app
  using (exists (select 1 from organisations o where o.id = organisation_id));
alter table organisation_capacities enable row level security;
create policy organisation_capacities_visible on organisation_capacities for select to meute_app
  using (exists (select 1 from organisations o where o.id = organisation_id));
alter table organisation_references enable row level security;
create policy organisation_references_visible on organisation_references for select to meute_app
  using (exists (select 1 from organisations o where o.id = organisation_id));

-- Applications and dues are for the network's staff, and for the applicant's own organisation.
alter table membership_applications enable row level security;
create policy membership_applications_visible on membership_applications for select to meute_app
  using (network_id in (select meute_managed_network_ids()) or applicant_id = meute_person_id());

alter table network_dues enable row level security;
create policy network_dues_visible on network_dues for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

-- The people of an organisation one sees are seen too (their contact details follow their own
-- choice, applied by the service).
create policy people_of_visible_organisations on people for select to meute_app
  using (exists (select 1 from person_organisations po join organisations o on o.id = po.organisation_id
                  where po.person_id = people.id));

-- The staff of a network see who applies to it.
create policy people_applying on people for select to meute_app
  using (id in (select a.applicant_id from membership_applications a
                 where a.network_id in (select meute_managed_network_ids())));

grant select on directory_version, network_charters, competences, organisation_competences, organisation_certifications,
  organisation_capacities, organisation_references, membership_applications, network_dues to meute_app;
grant select (phone, job_title, email_visibility, phone_visibility) on people to meute_app;
grant update (phone, job_title, email_visibility, phone_visibility) on people to meute_app;
grant execute on function meute_search_query(text) to meute_app;
grant execute on function meute_text_matches(text) to meute_app;
