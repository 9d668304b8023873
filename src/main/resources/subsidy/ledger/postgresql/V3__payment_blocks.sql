-- The subsidy ledger, version 3 (PostgreSQL): payments stored a block of rows per database row.
-- A batch's payments were one row each (a million rows for a million firms); they are now one row
-- per block of up to 2,000 of the batch's rows, the rows as a JSON array of [row, entity, period,
-- paid] in row order (paid as in version 1), keyed by a row number no other block of the batch has
-- (here its first row; a run's writer: the first row it was handed). The view payment shows them one
-- per row, as before,
-- so that every reader asks what it asked. Nothing is lost: the old rows are copied into blocks in
-- this migration's transaction, then their table is dropped.
CREATE TABLE payment_block (
  batch BIGINT NOT NULL,
  first_row BIGINT NOT NULL,
  data JSON NOT NULL,
  PRIMARY KEY (batch, first_row)
);
-- Kept as written, not compressed: compressing a batch's blocks costs more CPU than the run's lookups.
ALTER TABLE payment_block ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO payment_block (batch, first_row, data)
  SELECT batch, min(row), json_agg(json_build_array(row, entity, period, paid) ORDER BY row)
  FROM payment
  GROUP BY batch, (row - 1) / 2000;
DROP TABLE payment;
CREATE VIEW payment (batch, row, entity, period, paid) AS
  SELECT b.batch, (j.value ->> 0)::bigint, j.value ->> 1, j.value ->> 2, j.value ->> 3
  FROM payment_block AS b, json_array_elements(b.data) AS j;
-- An entity's id is compared byte for byte (collation "C"), as SQLite compares it: the database's own
-- collation (zh_CN.UTF-8, en_US.UTF-8, C.UTF-8 …) costs a call into the C library for every comparison
-- of the key's index, and a run looks up and rewrites a million of them. Nothing else changes: ids are
-- only ever compared for equality and kept in an order of the index's own.
ALTER TABLE entity_state ALTER COLUMN entity TYPE TEXT COLLATE "C";
