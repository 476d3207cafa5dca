-- Group purchasing, second step: who may join a campaign, and the members' last word.
--
-- Eligibility: staff may reserve a campaign to some company categories (TPE, PME, ETI, GE), NAF
-- sections (A–U) and départements. An empty list means "no condition on this criterion".
--
-- Opting out: once an offer is awarded, every company sees the price it would pay and may opt out
-- until the opt-out deadline (S9: "the best is chosen; 17 firms commit, 4 opt out"). The shares
-- are computed again over the companies that stay; purchase_allocations only ever holds those.

alter table purchase_campaigns
  add column eligible_categories text[] not null default '{}'
    check (eligible_categories <@ array['TPE', 'PME', 'ETI', 'GE']),
  add column eligible_naf_sections text[] not null default '{}'
    check (cardinality(eligible_naf_sections) <= 21),
  add column eligible_departements text[] not null default '{}'
    check (cardinality(eligible_departements) <= 101),
  add column opt_out_deadline timestamptz;

alter table purchase_commitments
  add column opted_out_at timestamptz;

-- The aggregate counts the companies still in: before the award that is every commitment, after
-- it the ones that did not opt out.
create or replace function meute_purchase_aggregate(campaign uuid)
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
       from purchase_commitments pc
      where pc.campaign_id = c.id and pc.opted_out_at is null) s
   cross join lateral (
     select case when s.n < 3 then 'TOO_FEW_ORGANISATIONS'
                 when s.biggest > 0.85 * s.total then 'DOMINANT_ORGANISATION'
            end as hidden_reason,
            c.network_id in (select meute_managed_network_ids()) as is_managed) r
   where c.id = campaign
     and c.network_id in (select meute_visible_network_ids())
$$;
