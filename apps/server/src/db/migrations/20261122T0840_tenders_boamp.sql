-- Tenders imported from a French BOAMP notice (the DILA's open data) are told apart from eForms
-- notices and from tenders entered by hand.
alter table tenders drop constraint tenders_source_check;
alter table tenders add constraint tenders_source_check check (source in ('manual', 'eforms', 'boamp'));
