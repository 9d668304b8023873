-- The subsidy ledger, version 3 (SQLite): payments stored a block of rows per database row.
-- A batch's payments were one row each (a million rows for a million firms, each bound and stepped
-- on its own); they are now one row per block of up to 2,000 of the batch's rows, the rows as a JSON
-- array of [row, entity, period, paid] in row order (paid as in version 1), keyed by a row number no
-- other block of the batch has (here its first row; a run's writer: the first row it was handed).
-- The view payment shows them one per row, as before, so that every reader asks what it asked.
-- Nothing is lost: the old rows are copied into blocks in this migration's transaction, then their
-- table is dropped.
CREATE TABLE payment_block (
  batch INTEGER NOT NULL,
  first_row INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (batch, first_row)
) WITHOUT ROWID;
INSERT INTO payment_block (batch, first_row, data)
  SELECT batch, min(row), json_group_array(json_array(row, entity, period, paid) ORDER BY row)
  FROM payment
  GROUP BY batch, (row - 1) / 2000;
DROP TABLE payment;
CREATE VIEW payment (batch, row, entity, period, paid) AS
  SELECT b.batch, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3
  FROM payment_block AS b, json_each(b.data) AS j;
