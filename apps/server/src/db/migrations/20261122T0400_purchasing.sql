-- Group purchasing: campaigns opened by a network's staff, the quantities its member
-- organisations commit, the suppliers' offers, and the award that splits the cost.
--
-- Confidentiality lives here: a member reads its own organisations' commitments and shares
-- only; the others' figures reach it only as an aggregate that meute_purchase_aggregate()
-- releases when at least 3 organisations contribute and none weighs more than 85 % of it.

create table purchase_campaigns (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  category text not null default '' check (length(category) <= 120),
  specification text not null default '' check (length(specification) <= 5000),
  unit text not null check (length(unit) between 1 and 40),
  commitment_deadline timestamptz not null,
  allocation_rule text not null
    check (allocation_rule in ('equal-unit-price', 'proportional-with-fixed-costs', 'shapley')),
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  -- The award: the offer chosen and what the allocation reports.
  awarded_offer_id uuid,
  -- Copied from the offer: members see who won, not the offers.
  award_supplier_name text,
  awarded_at timestamptz,
  awarded_by uuid references people (id) on delete set null,
  award_total_cost_cents bigint,
  award_total_quantity double precision,
  award_average_unit_price_cents double precision,
  award_is_individually_rational boolean,
  award_core_status text check (award_core_status in ('in-core', 'not-in-core', 'not-checked')),
  award_core_coalition uuid[] not null default '{}'
);
create index purchase_campaigns_network_idx on purchase_campaigns (network_id, commitment_deadline desc);

create table purchase_commitments (
  campaign_id uuid not null references purchase_campaigns (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  -- The campaign's network, copied so that the policies need no join.
  network_id uuid not null references networks (id) on delete cascade,
  quantity double precision not null check (quantity > 0 and quantity < 1e12),
  current_unit_price_cents integer check (current_unit_price_cents >= 0),
  ceiling_unit_price_cents integer check (ceiling_unit_price_cents >= 0),
  committed_by uuid references people (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (campaign_id, organisation_id)
);
create index purchase_commitments_organisation_idx on purchase_commitments (organisation_id);

create table purchase_offers (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references purchase_campaigns (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  supplier_name text not null check (length(supplier_name) between 1 and 200),
  pricing_kind text not null check (pricing_kind in ('all-units', 'incremental')),
  -- [{fromQuantity, unitPriceCents}], validated by the domain before it is written.
  tiers jsonb not null,
  fixed_cost_cents bigint not null check (fixed_cost_cents >= 0),
  valid_until date,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now()
);
create index purchase_offers_campaign_idx on purchase_offers (campaign_id);

-- Deferred: a restore copies the campaigns before their offers, in one transaction.
alter table purchase_campaigns
  add constraint purchase_campaigns_awarded_offer_fkey
  foreign key (awarded_offer_id) references purchase_offers (id) on delete set null
  deferrable initially deferred;

-- What each organisation pays under the award, in integer cents (shares add up to the total).
create table purchase_allocations (
  campaign_id uuid not null references purchase_campaigns (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  network_id uuid not null references networks (id) on delete cascade,
  quantity double precision not null,
  share_cents bigint not null,
  stand_alone_cost_cents bigint not null,
  is_individually_rational boolean not null,
  primary key (campaign_id, organisation_id)
);

-- Row-level security --------------------------------------------------------------------------

-- Every person of a network sees its campaigns and their rules.
alter table purchase_campaigns enable row level security;
create policy purchase_campaigns_visible on purchase_campaigns for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

-- A commitment is seen by the network's staff and by the people of the committing organisation.
alter table purchase_commitments enable row level security;
create policy purchase_commitments_visible on purchase_commitments for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or organisation_id in (select po.organisation_id from person_organisations po
                                 where po.person_id = meute_person_id()));

-- Offers are the staff's to compare.
alter table purchase_offers enable row level security;
create policy purchase_offers_managed on purchase_offers for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

-- A share is seen like a commitment.
alter table purchase_allocations enable row level security;
create policy purchase_allocations_visible on purchase_allocations for select to meute_app
  using (network_id in (select meute_managed_network_ids())
         or organisation_id in (select po.organisation_id from person_organisations po
                                 where po.person_id = meute_person_id()));

-- The aggregate of a campaign's commitments, for whoever sees the campaign: no row for a
-- campaign they cannot see. The figures are null when hidden_reason is set, except for the
-- network's staff, who see every commitment anyway.
create function meute_purchase_aggregate(campaign uuid)
returns table (organisation_count integer, total_quantity double precision, hidden_reason text)
language sql stable security definer set search_path = public
as $$
  select case when r.hidden_reason is null or r.is_managed then s.n end,
         case when r.hidden_reason is null or r.is_managed then s.total end,
         r.hidden_reason
    from purchase_campaigns c
   cross join lateral (
     select count(*)::integer as n,
            coalesce(sum(pc.quantity), 0)::double precision as total,
            coalesce(max(pc.quantity), 0)::double precision as biggest
       from purchase_commitments pc where pc.campaign_id = c.id) s
   cross join lateral (
     select case when s.n < 3 then 'TOO_FEW_ORGANISATIONS'
                 when s.biggest > 0.85 * s.total then 'DOMINANT_ORGANISATION'
            end as hidden_reason,
            c.network_id in (select meute_managed_network_ids()) as is_managed) r
   where c.id = campaign
     and c.network_id in (select meute_visible_network_ids())
$$;

grant select on purchase_campaigns, purchase_commitments, purchase_offers, purchase_allocations to meute_app;
grant execute on function meute_purchase_aggregate(uuid) to meute_app;
