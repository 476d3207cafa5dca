-- The relocation challenge (« défi de relocalisation »): each member lists what it buys from
-- suppliers outside the network, with the yearly amount; Meute proposes member companies able to
-- supply it; the buyer records a line as in talks, replaced (by which member, for how much a
-- year) or dropped; staff follow how many lines were replaced and the amount brought back.
--
-- Confidentiality lives here: a supplier list reveals a member's purchasing. A line is read by
-- the people of the buying organisation and by the network's staff, nobody else — not the
-- other members, not even the company proposed or chosen to replace the supplier. The others of
-- the network learn only the network's totals, through meute_relocation_totals(), and only when
-- they hide every single member.

create table external_suppliers (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  -- The member that buys.
  organisation_id uuid not null references organisations (id) on delete cascade,
  -- What is bought, in the member's words (« usinage de pièces inox »).
  what text not null check (length(what) between 1 and 200),
  naf_code text check (naf_code ~ '^[0-9]{2}(\.[0-9]{1,2}[A-Z]?)?$'),
  competence_ids uuid[] not null default '{}',
  required_certifications text[] not null default '{}',
  -- The outside supplier: confidential, optional.
  supplier_name text not null default '' check (length(supplier_name) <= 200),
  supplier_place text not null default '' check (length(supplier_place) <= 200),
  yearly_amount_cents bigint not null check (yearly_amount_cents >= 0),
  status text not null default 'open' check (status in ('open', 'in-talks', 'replaced', 'dropped')),
  replaced_by_organisation_id uuid references organisations (id) on delete set null,
  -- The yearly amount now bought from the member company instead (may be less than listed).
  amount_brought_back_cents bigint check (amount_brought_back_cents >= 0),
  replaced_at timestamptz,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'replaced' or (amount_brought_back_cents is not null and replaced_at is not null))
);
create index external_suppliers_network_idx on external_suppliers (network_id, organisation_id);
create index external_suppliers_organisation_idx on external_suppliers (organisation_id);

alter table external_suppliers enable row level security;
create policy external_suppliers_visible on external_suppliers for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or organisation_id in (select meute_person_organisation_ids()));

-- The network's totals for whoever sees the network. A member (not staff) gets the figures only
-- when at least 3 organisations list suppliers and none weighs more than 85 % of the yearly
-- amount listed or of the amount brought back: below that, a total would tell one member's
-- purchasing to the others (the same rule as group purchasing's meute_purchase_aggregate).
create function meute_relocation_totals(network uuid)
returns table (organisation_count integer, line_count integer, replaced_count integer,
               listed_cents bigint, brought_back_cents bigint, hidden_reason text)
language sql stable security definer set search_path = public
as $$
  with per_org as (
    select es.organisation_id,
           count(*)::integer as lines,
           count(*) filter (where es.status = 'replaced')::integer as replaced,
           sum(es.yearly_amount_cents)::bigint as listed,
           coalesce(sum(es.amount_brought_back_cents) filter (where es.status = 'replaced'), 0)::bigint as back
      from external_suppliers es where es.network_id = network
     group by es.organisation_id),
  s as (
    select count(*)::integer as n,
           coalesce(sum(lines), 0)::integer as lines,
           coalesce(sum(replaced), 0)::integer as replaced,
           coalesce(sum(listed), 0)::bigint as listed,
           coalesce(sum(back), 0)::bigint as back,
           coalesce(max(listed), 0)::bigint as biggest_listed,
           coalesce(max(back), 0)::bigint as biggest_back
      from per_org),
  r as (
    select case when s.n < 3 then 'TOO_FEW_ORGANISATIONS'
                when s.biggest_listed > 0.85 * s.listed or s.biggest_back > 0.85 * s.back
                  then 'DOMINANT_ORGANISATION'
           end as hidden_reason,
           network in (select meute_managed_network_ids()) as is_managed
      from s)
  select case when r.hidden_reason is null or r.is_managed then s.n end,
         case when r.hidden_reason is null or r.is_managed then s.lines end,
         case when r.hidden_reason is null or r.is_managed then s.replaced end,
         case when r.hidden_reason is null or r.is_managed then s.listed end,
         case when r.hidden_reason is null or r.is_managed then s.back end,
         r.hidden_reason
    from s cross join r
   where network in (select meute_visible_network_ids())
$$;

-- « Purchases made locally » for funder reports: the yearly amount brought back into the
-- network by replaced lines, per network, year of replacement and territory of the buying
-- member (its département and région). Security invoker: the reader's row-level security
-- applies, so staff read their networks' figures only.
create view relocation_brought_back_by_year with (security_invoker = true) as
  select es.network_id,
         extract(year from es.replaced_at)::integer as year,
         o.departement_code,
         o.region_code,
         count(*)::integer as replaced_count,
         sum(es.amount_brought_back_cents)::bigint as brought_back_cents
    from external_suppliers es
    join organisations o on o.id = es.organisation_id
   where es.status = 'replaced'
   group by es.network_id, extract(year from es.replaced_at), o.departement_code, o.region_code;

grant select on external_suppliers, relocation_brought_back_by_year to meute_app;
grant execute on function meute_relocation_totals(uuid) to meute_app;
