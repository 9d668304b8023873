-- The subsidy ledger, version 1 (SQLite). See docs/ARCHITECTURE.md, "The ledger".
-- Who we are: a ledger is a database holding this table with application = 'subsidy ledger'.
CREATE TABLE subsidy_ledger (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO subsidy_ledger (name, value) VALUES ('application', 'subsidy ledger');
-- The ledger's own id: a copy keeps it, so a journal can tell its ledger from another.
INSERT INTO subsidy_ledger (name, value) VALUES ('ledger_id', lower(hex(randomblob(16))));

-- Every change, in order: a batch recorded, a batch replaced, an entry or a batch voided, an import.
-- The ledger's state is the highest seq; a batch records the state it was computed against.
CREATE TABLE ledger_change (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  what TEXT NOT NULL,
  batch INTEGER NOT NULL,
  entity TEXT,
  program TEXT,
  reason TEXT,
  tool_version TEXT NOT NULL
);

-- One committed run (kind calc) or one import of earlier payments (kind import).
CREATE TABLE batch (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL,
  content_key TEXT,
  inputs TEXT NOT NULL,
  policy_id TEXT,
  policy_sha256 TEXT,
  as_of TEXT,
  tool_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  computed_against INTEGER NOT NULL,
  out_dir TEXT,
  -- the run that wrote it (its set's directory name): a stopped run's journal names it too
  run TEXT,
  files TEXT NOT NULL,
  state TEXT NOT NULL,
  replaces INTEGER,
  replaced_by INTEGER,
  entities INTEGER NOT NULL,
  total TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX batch_content ON batch (content_key);

-- What each batch paid each entity: the history, appended to, never updated or deleted.
-- paid: items 'program=amount' or 'program=amount/months', ';' between them; an item that counts
-- against the program's limit starts with '*'.
CREATE TABLE payment (
  batch INTEGER NOT NULL,
  row INTEGER NOT NULL,
  entity TEXT NOT NULL,
  period TEXT NOT NULL,
  paid TEXT NOT NULL,
  PRIMARY KEY (batch, row)
) WITHOUT ROWID;

-- Per entity, what its limited programs have used up: the counted '*' items of the history that
-- are not voided or replaced, as 'program|period|batch|amount|months' joined by ';'. Derived from
-- payment and ledger_change, kept in the same transaction, read in bulk by a run.
CREATE TABLE entity_state (
  entity TEXT PRIMARY KEY,
  state TEXT NOT NULL
) WITHOUT ROWID;
