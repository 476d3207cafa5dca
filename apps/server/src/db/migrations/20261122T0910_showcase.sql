-- The showcase (vitrine): a public page of a network's collective offer that a buyer searches
-- without an account. Nothing is public by default: a company appears only once its network
-- has published the showcase AND the company has opted in, and then only the parts it chose.

create table network_showcases (
  network_id uuid primary key references networks (id) on delete cascade,
  is_published boolean not null default false,
  headline_fr text not null default '' check (length(headline_fr) <= 200),
  headline_en text not null default '' check (length(headline_en) <= 200),
  description_fr text not null default '' check (length(description_fr) <= 4000),
  description_en text not null default '' check (length(description_en) <= 4000),
  -- The network's public contact (a generic address such as contact@reseau.fr), or none.
  contact_email text check (contact_email is null or length(contact_email) between 3 and 254),
  published_at timestamptz,
  updated_by uuid references people (id) on delete set null,
  updated_at timestamptz not null default now()
);

-- What a member company shows on its network's showcase, part by part. No row, or a row with
-- every part off, means the company does not appear at all.
create table showcase_consents (
  network_id uuid not null references networks (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  -- Name, description and website: without it, the company has no card (its other consented
  -- parts still count, anonymously, in the network's totals).
  show_identity boolean not null default false,
  show_competences boolean not null default false,
  -- Only certifications that have not expired are ever shown.
  show_certifications boolean not null default false,
  show_references boolean not null default false,
  -- 'none', 'departement' (only the département) or 'commune' (the commune and its point).
  territory_level text not null default 'none' check (territory_level in ('none', 'departement', 'commune')),
  -- A generic contact address of the company, shown when given (never a person's).
  contact_email text check (contact_email is null or length(contact_email) between 3 and 254),
  updated_by uuid references people (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (network_id, organisation_id)
);
create index showcase_consents_organisation_idx on showcase_consents (organisation_id);

-- Row-level security --------------------------------------------------------------------------

-- Everyone of the network sees whether its showcase is published and what it says; its staff
-- write it.
alter table network_showcases enable row level security;
create policy network_showcases_visible on network_showcases for select to meute_app
  using (network_id in (select meute_visible_network_ids()));
create policy network_showcases_managed_insert on network_showcases for insert to meute_app
  with check (network_id in (select meute_managed_network_ids()));
create policy network_showcases_managed_update on network_showcases for update to meute_app
  using (network_id in (select meute_managed_network_ids()))
  with check (network_id in (select meute_managed_network_ids()));

-- A consent is seen by the network's staff and by the people of the organisation; only the
-- organisation's own people write it (the service further requires one of its leaders), and
-- only for a network the organisation belongs to.
alter table showcase_consents enable row level security;
create policy showcase_consents_visible on showcase_consents for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or organisation_id in (select meute_person_organisation_ids()));
create policy showcase_consents_own_insert on showcase_consents for insert to meute_app
  with check (organisation_id in (select meute_person_organisation_ids())
              and network_id in (select meute_visible_network_ids()));
create policy showcase_consents_own_update on showcase_consents for update to meute_app
  using (organisation_id in (select meute_person_organisation_ids()))
  with check (organisation_id in (select meute_person_organisation_ids())
              and network_id in (select meute_visible_network_ids()));

grant select, insert, update on network_showcases, showcase_consents to meute_app;

-- The public read path ------------------------------------------------------------------------
--
-- A visitor is no person of Meute: under row-level security they see no tenant row at all. The
-- public path runs as meute_app like every request (with no person), and these two security
-- definer functions are its only way in. We chose functions over the owner connection so that
-- the rule « published network, consenting member, consented parts only » lives in one place
-- in the database, where a forgotten `where` in the application cannot widen it: the functions
-- never return a column of a part that was not consented, nor anything of an unpublished
-- network (no row: the same answer as an unknown network).

-- The showcase of a published network; no row otherwise. The network's own staff also read it
-- before it is published (their preview): the public route calls it with no person, so for a
-- visitor only « published » ever opens it.
create function meute_showcase_public(network_slug text)
returns table (
  network_id uuid, slug text, name text, kind text,
  headline_fr text, headline_en text, description_fr text, description_en text,
  contact_email text, published_at timestamptz
)
language sql stable security definer set search_path = public
as $$
  select n.id, n.slug, n.name, n.kind, s.headline_fr, s.headline_en, s.description_fr,
         s.description_en, s.contact_email, s.published_at
    from networks n
    join network_showcases s on s.network_id = n.id
   where n.slug = network_slug
     and (s.is_published or n.id in (select meute_managed_network_ids()))
$$;

-- The consenting members of a published network (or of one the current person manages, for the
-- preview), each with only the parts it consented to
-- (null or empty for the others), and whether it matches the search words (French, accents and
-- word families ignored, like the directory) over those consented parts only: a word of a part
-- that is not public never makes a company match.
create function meute_showcase_public_organisations(network_slug text, words text)
returns table (
  name text, description text, website text,
  competences text[], certifications text[], refs jsonb,
  commune_code text, departement_code text, lon double precision, lat double precision,
  contact_email text, matches boolean
)
language sql stable security definer set search_path = public
as $$
  with consenting as (
    select o.id, sc.show_identity, sc.show_competences, sc.show_certifications, sc.show_references,
           sc.territory_level, sc.contact_email,
           o.name, o.description, o.website, o.commune_code, o.departement_code, o.lon, o.lat,
           o.free_competences
      from networks n
      join network_showcases s on s.network_id = n.id
                                and (s.is_published or n.id in (select meute_managed_network_ids()))
      join showcase_consents sc on sc.network_id = n.id
      join network_organisations no on no.network_id = n.id and no.organisation_id = sc.organisation_id
      join organisations o on o.id = sc.organisation_id and o.is_active
     where n.slug = network_slug
       and (sc.show_identity or sc.show_competences or sc.show_certifications or sc.show_references
            or sc.territory_level <> 'none')
  ), parts as (
    select c.*,
           case when c.show_competences then array(
             select distinct x from (
               select cp.label as x from organisation_competences oc
                 join competences cp on cp.id = oc.competence_id where oc.organisation_id = c.id
               union select unnest(c.free_competences)) l order by 1)
           else '{}'::text[] end as competence_list,
           case when c.show_certifications then array(
             select distinct ce.name from organisation_certifications ce
              where ce.organisation_id = c.id and (ce.expires_on is null or ce.expires_on >= current_date)
              order by 1)
           else '{}'::text[] end as certification_list,
           case when c.show_references then coalesce((
             select jsonb_agg(jsonb_build_object('title', r.title, 'client', r.client, 'year', r.year,
                                                 'description', r.description)
                              order by r.year desc nulls last, r.title)
               from organisation_references r where r.organisation_id = c.id), '[]'::jsonb)
           else '[]'::jsonb end as reference_list
      from consenting c
  )
  select case when p.show_identity then p.name end,
         case when p.show_identity then p.description end,
         case when p.show_identity then p.website end,
         p.competence_list,
         p.certification_list,
         p.reference_list,
         case when p.territory_level = 'commune' then p.commune_code end,
         case when p.territory_level <> 'none' then p.departement_code end,
         case when p.territory_level = 'commune' then p.lon end,
         case when p.territory_level = 'commune' then p.lat end,
         case when p.show_identity then p.contact_email end,
         numnode(meute_search_query(words)) = 0
           or to_tsvector('meute_french',
                coalesce(case when p.show_identity then p.name || ' ' || p.description end, '')
                || ' ' || array_to_string(p.competence_list, ' ')
                || ' ' || array_to_string(p.certification_list, ' ')
                || ' ' || coalesce((select string_agg(e->>'title' || ' ' || (e->>'client') || ' ' || (e->>'description'), ' ')
                                      from jsonb_array_elements(p.reference_list) e), '')
              ) @@ meute_search_query(words)
    from parts p
   order by case when p.show_identity then p.name end nulls last
$$;

-- The groupings the network's companies won together (groupements, 20261122T0900): the
-- tender's title and buyer (public procurement information), the year of the outcome and how
-- many companies took part; never who they were, their shares, prices or documents.
create function meute_showcase_public_groupings_won(network_slug text)
returns table (title text, buyer text, year integer, company_count integer)
language sql stable security definer set search_path = public
as $$
  select t.title, t.buyer, extract(year from coalesce(g.outcome_at, g.updated_at))::integer,
         (select count(*)::integer from groupement_members gm where gm.groupement_id = g.id)
    from networks n
    join network_showcases s on s.network_id = n.id
                            and (s.is_published or n.id in (select meute_managed_network_ids()))
    join groupements g on g.network_id = n.id and g.status = 'won'
    join tenders t on t.id = g.tender_id
   where n.slug = network_slug
   order by coalesce(g.outcome_at, g.updated_at) desc, t.title
$$;

revoke execute on function meute_showcase_public(text) from public;
revoke execute on function meute_showcase_public_organisations(text, text) from public;
grant execute on function meute_showcase_public(text) to meute_app;
grant execute on function meute_showcase_public_organisations(text, text) to meute_app;
revoke execute on function meute_showcase_public_groupings_won(text) from public;
grant execute on function meute_showcase_public_groupings_won(text) to meute_app;
