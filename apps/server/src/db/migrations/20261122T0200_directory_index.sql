-- What the in-memory directory index needs to stay current: every organisation carries the
-- directory version of the statement that last wrote it, so an app instance that has seen
-- version V reloads exactly the organisations written after V.
--
-- Why a version and not a sequence: writers take the directory_version row lock at their first
-- write (the statement trigger below) and hold it until they commit, so versions become visible
-- in commit order. A reader that sees version V therefore sees every organisation written at a
-- version <= V; a sequence value, taken before the commit, could become visible after a larger one
-- and be missed.

alter table organisations add column directory_change bigint not null default 0;

-- Replaces the after-statement bump on organisations with a before-statement one, so that the
-- rows written by the statement can carry the new version.
drop trigger organisations_directory_version on organisations;

create function meute_begin_directory_change() returns trigger
language plpgsql security definer set search_path = public
as $$
declare
  next bigint;
begin
  update directory_version set version = version + 1 returning version into next;
  perform set_config('meute.directory_change', next::text, true);
  return null;
end
$$;

create function meute_stamp_directory_change() returns trigger
language plpgsql
as $$
begin
  new.directory_change := current_setting('meute.directory_change')::bigint;
  return new;
end
$$;

create trigger organisations_directory_version before insert or update on organisations
  for each statement execute function meute_begin_directory_change();
create trigger organisations_directory_version_truncate after truncate on organisations
  for each statement execute function meute_bump_directory_version();
-- New rows take the version as a default (cheaper than a row trigger on a million-row import);
-- updated rows get it from a trigger.
alter table organisations
  alter column directory_change set default current_setting('meute.directory_change')::bigint;
create trigger organisations_directory_change before update on organisations
  for each row execute function meute_stamp_directory_change();

-- A change of an organisation's competences or certifications marks the organisation itself
-- (a HOT update: directory_change is in no index).
create function meute_mark_organisations_changed() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
  update organisations set directory_change = 0
   where id in (select organisation_id from changed);
  return null;
end
$$;

create trigger organisation_competences_mark_insert after insert on organisation_competences
  referencing new table as changed for each statement execute function meute_mark_organisations_changed();
create trigger organisation_competences_mark_delete after delete on organisation_competences
  referencing old table as changed for each statement execute function meute_mark_organisations_changed();
create trigger organisation_certifications_mark_insert after insert on organisation_certifications
  referencing new table as changed for each statement execute function meute_mark_organisations_changed();
create trigger organisation_certifications_mark_update after update on organisation_certifications
  referencing new table as changed for each statement execute function meute_mark_organisations_changed();
create trigger organisation_certifications_mark_delete after delete on organisation_certifications
  referencing old table as changed for each statement execute function meute_mark_organisations_changed();

-- Each competence's search text, parsed once: a page says which competences matched the words.
alter table competences
  add column search_vector tsvector generated always as (to_tsvector('meute_french', label)) stored;

-- Everything a directory search needs to know of the person asking, in one round trip and
-- without a transaction: the directory version, the sets the organisations' policy compares
-- with (computed by the policy's own functions), every network the person sees, and the id of
-- the network asked for if they see it. Only the app's owner may call it: it takes the person's
-- id as an argument.
create function meute_directory_viewer(person uuid, network_slug text)
returns table (version text, direct text[], federations text[], is_admin boolean, visible text[], network_id uuid)
language plpgsql volatile security definer set search_path = public
as $$
begin
  perform set_config('meute.person_id', person::text, true);
  return query
    select (select d.version::text from directory_version d),
           meute_direct_network_array()::text[],
           meute_staffed_federation_array()::text[],
           meute_is_instance_admin(),
           array(select v::text from meute_visible_network_ids() v order by v),
           (select n.id from networks n
             where n.slug = network_slug and n.id in (select meute_visible_network_ids()));
end
$$;
revoke execute on function meute_directory_viewer(uuid, text) from public;
