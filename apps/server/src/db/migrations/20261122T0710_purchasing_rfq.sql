-- Requests for quotation: a campaign's staff send suppliers a link with a token, and a supplier
-- answers through it without an account. Only the SHA-256 of the token is stored.
--
-- A supplier is no person of Meute: the row-level security functions (meute_person_id() …) know
-- nothing of them. The public path therefore reads with the owner connection, every query scoped
-- by the invitation found from the token's hash; the pooled volume comes from
-- meute_rfq_pooled_volume(), keyed by that hash, which releases the total only under the same
-- rule as the members' aggregate (at least 3 organisations, none above 85 %).

create table purchase_rfq_invitations (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references purchase_campaigns (id) on delete cascade,
  -- The campaign's network, copied so that the policy needs no join.
  network_id uuid not null references networks (id) on delete cascade,
  supplier_name text not null check (length(supplier_name) between 1 and 200),
  email text check (email is null or length(email) between 3 and 254),
  token_hash text not null unique,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_by uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  -- When the supplier last opened the link, and last sent its offer.
  last_opened_at timestamptz,
  answered_at timestamptz
);
create index purchase_rfq_invitations_campaign_idx on purchase_rfq_invitations (campaign_id, created_at);

-- One offer per invitation, replaced when the supplier revises it.
alter table purchase_offers
  add column rfq_invitation_id uuid unique references purchase_rfq_invitations (id) on delete set null;

-- Invitations are the staff's, like the offers.
alter table purchase_rfq_invitations enable row level security;
create policy purchase_rfq_invitations_managed on purchase_rfq_invitations for select to meute_app
  using (network_id in (select meute_managed_network_ids()));

-- The pooled volume a supplier may see: nothing for an unknown, revoked or expired token; the
-- count and the total only when at least 3 organisations committed and none weighs more than
-- 85 % (the rule of meute_purchase_aggregate(), without the staff exception), and otherwise why.
create function meute_rfq_pooled_volume(token_hash_hex text, at timestamptz)
returns table (organisation_count integer, total_quantity double precision, hidden_reason text)
language sql stable security definer set search_path = public
as $$
  select case when r.hidden_reason is null then s.n end,
         case when r.hidden_reason is null then s.total end,
         r.hidden_reason
    from purchase_rfq_invitations i
   cross join lateral (
     select count(*)::integer as n,
            coalesce(sum(pc.quantity), 0)::double precision as total,
            coalesce(max(pc.quantity), 0)::double precision as biggest
       from purchase_commitments pc where pc.campaign_id = i.campaign_id) s
   cross join lateral (
     select case when s.n < 3 then 'TOO_FEW_ORGANISATIONS'
                 when s.biggest > 0.85 * s.total then 'DOMINANT_ORGANISATION'
            end as hidden_reason) r
   where i.token_hash = token_hash_hex
     and i.revoked_at is null
     and i.expires_at > at
$$;

grant select on purchase_rfq_invitations to meute_app;
revoke execute on function meute_rfq_pooled_volume(text, timestamptz) from public;
grant execute on function meute_rfq_pooled_volume(text, timestamptz) to meute_app;
