-- Peer exchange, part 3: urgent alerts to a whole network and their acknowledgements, and what
-- each person chooses to receive by e-mail (immediate mails, a daily or weekly digest).
--
-- An alert is read by everyone of the network. Who raised it may be withheld from the other
-- members (the raiser's name lives in alert_raisers, which only staff and the raiser read when
-- the alert is anonymous). Who acknowledged for which organisation is read by the network's
-- staff and by the organisation's own people.
-- The job queue (pg-boss) creates its own schema `pgboss` when the server starts: not here.

create table alerts (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references networks (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text not null check (length(description) between 1 and 8000),
  -- What to check now, one item a line.
  checklist text[] not null default '{}' check (cardinality(checklist) <= 30),
  -- The other members do not learn which company raised it; staff still do.
  is_anonymous boolean not null default false,
  created_at timestamptz not null default now(),
  last_reminded_at timestamptz,
  closed_at timestamptz,
  closed_by uuid references people (id) on delete set null
);
create index alerts_network_idx on alerts (network_id, created_at desc);
create index alerts_open_idx on alerts (network_id) where closed_at is null;

create table alert_raisers (
  alert_id uuid primary key references alerts (id) on delete cascade,
  person_id uuid references people (id) on delete set null,
  organisation_id uuid references organisations (id) on delete set null
);

-- One acknowledgement per organisation, by any of its people.
create table alert_acknowledgements (
  alert_id uuid not null references alerts (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  person_id uuid references people (id) on delete set null,
  acknowledged_at timestamptz not null default now(),
  primary key (alert_id, organisation_id)
);

-- What a person receives by e-mail. No row: the defaults (immediate mails, daily digest).
create table notification_preferences (
  person_id uuid primary key references people (id) on delete cascade,
  digest text not null default 'daily' check (digest in ('daily', 'weekly', 'never')),
  immediate_email boolean not null default true,
  updated_at timestamptz not null default now()
);

-- One-click unsubscribe links in e-mails: only the SHA-256 of the token is kept.
create table unsubscribe_tokens (
  token_hash text primary key,
  person_id uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index unsubscribe_tokens_expiry_idx on unsubscribe_tokens (expires_at);

-- Each digest run, once per frequency and period whatever the number of instances.
create table digest_runs (
  id uuid primary key default gen_random_uuid(),
  frequency text not null check (frequency in ('daily', 'weekly')),
  period_key text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  people_count integer not null default 0,
  mails_sent integer not null default 0,
  unique (frequency, period_key)
);

alter table alerts enable row level security;
create policy alerts_visible on alerts for select to meute_app
  using (network_id in (select meute_visible_network_ids()));

alter table alert_raisers enable row level security;
create policy alert_raisers_visible on alert_raisers for select to meute_app
  using (
    person_id = meute_person_id()
    or alert_id in (select a.id from alerts a where a.network_id in (select meute_managed_network_ids()))
    or alert_id in (select a.id from alerts a
                     where not a.is_anonymous and a.network_id in (select meute_visible_network_ids()))
  );

alter table alert_acknowledgements enable row level security;
create policy alert_acknowledgements_visible on alert_acknowledgements for select to meute_app
  using (
    alert_id in (select a.id from alerts a where a.network_id in (select meute_managed_network_ids()))
    or organisation_id in (select po.organisation_id from person_organisations po
                            where po.person_id = meute_person_id())
  );

alter table notification_preferences enable row level security;
create policy notification_preferences_own on notification_preferences for select to meute_app
  using (person_id = meute_person_id());

-- Read by the system only (the unsubscribe page runs without a session).
alter table unsubscribe_tokens enable row level security;
alter table digest_runs enable row level security;

grant select on alerts, alert_raisers, alert_acknowledgements, notification_preferences to meute_app;
