-- Peer exchange in confidence, part 2: what members say in a working group — threads and
-- experience reports (retours d'expérience), replies, reactions, mentions and attached files,
-- and the leaders' moderation.
--
-- Every row carries its group, and every policy reads: the group is one whose content the
-- current person may read (`meute_group_ids()`: an active member who accepted the current
-- charter). Nobody else reads a word of it — not the network's staff, not federation staff, not an
-- instance administrator. Writes are made by the application after the service's checks.

create table group_posts (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  -- A reply belongs to its thread; a thread has none. Deferred, so that a restore may copy a
  -- reply before its thread (a thread's row moves when its activity time changes).
  thread_id uuid references group_posts (id) on delete cascade deferrable initially deferred,
  kind text not null check (kind in ('discussion', 'report', 'reply')),
  title text check (title is null or length(title) between 1 and 200),
  body_markdown text not null check (length(body_markdown) between 1 and 40000),
  -- The HTML the sanitiser kept from the Markdown (allow-list): the only thing the web renders.
  body_html text not null,
  -- Chatham House: the content may be reused, the author is named to nobody outside the group.
  chatham boolean not null default false,
  author_id uuid references people (id) on delete set null,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  -- Threads: the time of their last reply and how many they have, for the keyset-paginated list.
  last_activity_at timestamptz not null default now(),
  reply_count integer not null default 0,
  -- A leader's moderation: the post stays, its content is hidden with the reason.
  hidden_at timestamptz,
  hidden_by uuid references people (id) on delete set null,
  hidden_reason text check (hidden_reason is null or length(hidden_reason) between 1 and 500),
  check ((thread_id is null) = (kind <> 'reply')),
  check ((kind = 'reply') = (title is null))
);
create index group_posts_threads_idx on group_posts (group_id, last_activity_at desc, id desc) where thread_id is null;
create index group_posts_replies_idx on group_posts (thread_id, created_at);

create table group_post_reactions (
  post_id uuid not null references group_posts (id) on delete cascade,
  group_id uuid not null references working_groups (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  reaction text not null check (reaction in ('thumbs-up', 'thanks', 'insightful', 'same-here')),
  created_at timestamptz not null default now(),
  primary key (post_id, person_id, reaction)
);
create index group_post_reactions_group_idx on group_post_reactions (group_id);

create table group_post_mentions (
  post_id uuid not null references group_posts (id) on delete cascade,
  group_id uuid not null references working_groups (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  primary key (post_id, person_id)
);
create index group_post_mentions_group_idx on group_post_mentions (group_id);

-- Files are uploaded first (post_id null), then attached to the post that cites them.
create table group_post_files (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references working_groups (id) on delete cascade,
  post_id uuid references group_posts (id) on delete cascade,
  name text not null check (length(name) between 1 and 255),
  content_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  bytes bytea not null,
  uploaded_by uuid references people (id) on delete set null,
  uploaded_at timestamptz not null default now()
);
create index group_post_files_post_idx on group_post_files (post_id);
create index group_post_files_group_idx on group_post_files (group_id);

alter table group_posts enable row level security;
create policy group_posts_members on group_posts for select to meute_app
  using (group_id in (select meute_group_ids()));

alter table group_post_reactions enable row level security;
create policy group_post_reactions_members on group_post_reactions for select to meute_app
  using (group_id in (select meute_group_ids()));

alter table group_post_mentions enable row level security;
create policy group_post_mentions_members on group_post_mentions for select to meute_app
  using (group_id in (select meute_group_ids()));

alter table group_post_files enable row level security;
create policy group_post_files_members on group_post_files for select to meute_app
  using (group_id in (select meute_group_ids()));

grant select on group_posts, group_post_reactions, group_post_mentions, group_post_files to meute_app;
