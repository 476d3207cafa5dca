-- Group purchasing, the savings ledger: the network's totals for people who may not read the
-- other companies' shares (S9: "savings are reported per firm and in total").
--
-- Each total is released on its own, under the rule of meute_purchase_aggregate(): at least 3
-- organisations contribute to it and none weighs more than 85 % of it. A total is a sum of one
-- figure per organisation (its paid amount, its baseline, its savings…) over every awarded
-- campaign, so the rule is applied to those per-organisation sums. Savings may be negative, so
-- an organisation's weight is its absolute value against the sum of absolute values: a large
-- loss cannot hide behind a small net total. The organisation count is released from 3 on.
-- The network's staff read every share anyway and always get the figures.

create function meute_purchase_savings_totals(network uuid)
returns table (
  campaign_count integer,
  organisation_count integer,
  paid_cents bigint,
  paid_hidden text,
  baseline_cents bigint,
  baseline_hidden text,
  savings_vs_current_cents bigint,
  savings_vs_current_hidden text,
  savings_vs_stand_alone_cents bigint,
  savings_vs_stand_alone_hidden text
)
language sql stable security definer set search_path = public
as $$
  with lines as (
    select a.organisation_id,
           a.share_cents,
           a.stand_alone_cost_cents - a.share_cents as vs_stand_alone,
           case when pc.current_unit_price_cents is not null
                then round(a.quantity::numeric * pc.current_unit_price_cents)::bigint end as baseline
      from purchase_allocations a
      join purchase_campaigns c on c.id = a.campaign_id and c.awarded_offer_id is not null
      left join purchase_commitments pc
        on pc.campaign_id = a.campaign_id and pc.organisation_id = a.organisation_id
     where a.network_id = network
  ), per_org as (
    select organisation_id,
           sum(share_cents) as paid,
           sum(vs_stand_alone) as vs_stand_alone,
           sum(baseline) as baseline,
           sum(baseline - share_cents) filter (where baseline is not null) as vs_current
      from lines group by organisation_id
  ), totals as (
    select count(*)::integer as n,
           sum(paid)::bigint as paid, count(paid) as paid_n,
           coalesce(max(abs(paid)) > 0.85 * sum(abs(paid)), false) as paid_dominant,
           sum(baseline)::bigint as baseline, count(baseline) as baseline_n,
           coalesce(max(abs(baseline)) > 0.85 * sum(abs(baseline)), false) as baseline_dominant,
           sum(vs_current)::bigint as vs_current, count(vs_current) as vs_current_n,
           coalesce(max(abs(vs_current)) > 0.85 * sum(abs(vs_current)), false) as vs_current_dominant,
           sum(vs_stand_alone)::bigint as vs_stand_alone, count(vs_stand_alone) as vs_stand_alone_n,
           coalesce(max(abs(vs_stand_alone)) > 0.85 * sum(abs(vs_stand_alone)), false)
             as vs_stand_alone_dominant
      from per_org
  ), access as (
    select network in (select meute_managed_network_ids()) as is_managed
  ), reasons as (
    select t.*, x.is_managed,
           case when t.paid_n < 3 then 'TOO_FEW_ORGANISATIONS'
                when t.paid_dominant then 'DOMINANT_ORGANISATION' end as paid_hidden,
           case when t.baseline_n < 3 then 'TOO_FEW_ORGANISATIONS'
                when t.baseline_dominant then 'DOMINANT_ORGANISATION' end as baseline_hidden,
           case when t.vs_current_n < 3 then 'TOO_FEW_ORGANISATIONS'
                when t.vs_current_dominant then 'DOMINANT_ORGANISATION' end as vs_current_hidden,
           case when t.vs_stand_alone_n < 3 then 'TOO_FEW_ORGANISATIONS'
                when t.vs_stand_alone_dominant then 'DOMINANT_ORGANISATION' end as vs_stand_alone_hidden
      from totals t cross join access x
  )
  select (select count(*)::integer from purchase_campaigns c
           where c.network_id = network and c.awarded_offer_id is not null),
         case when r.is_managed or r.n >= 3 then r.n end,
         case when r.is_managed or r.paid_hidden is null then r.paid end, r.paid_hidden,
         case when r.is_managed or r.baseline_hidden is null then r.baseline end, r.baseline_hidden,
         case when r.is_managed or r.vs_current_hidden is null then r.vs_current end, r.vs_current_hidden,
         case when r.is_managed or r.vs_stand_alone_hidden is null then r.vs_stand_alone end,
         r.vs_stand_alone_hidden
    from reasons r
   where network in (select meute_visible_network_ids())
$$;

grant execute on function meute_purchase_savings_totals(uuid) to meute_app;
