-- The subsidy ledger, version 1 (PostgreSQL). See docs/ARCHITECTURE.md, "The ledger".
-- Who we are: a ledger is a database holding this table with application = 'subsidy ledger'.
CREATE TABLE subsidy_ledger (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO subsidy_ledger (name, value) VALUES ('application', 'subsidy ledger');
-- The ledger's own id: a copy keeps it, so a journal can tell its ledger from another.
INSERT INTO subsidy_ledger (name, value) VALUES ('ledger_id', md5(random()::text || clock_timestamp()::text));

-- Every change, in order: a batch recorded, a batch replaced, an entry or a batch voided, an import.
-- The ledger's state is the highest seq; a batch records the state it was computed against.
CREATE TABLE ledger_change (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  what TEXT NOT NULL,
  batch BIGINT NOT NULL,
  entity TEXT,
  program TEXT,
  reason TEXT,
  tool_version TEXT NOT NULL
);

-- One committed run (kind calc) or one import of earlier payments (kind import).
CREATE TABLE batch (
  id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL,
  content_key TEXT,
  inputs TEXT NOT NULL,
  policy_id TEXT,
  policy_sha256 TEXT,
  as_of TEXT,
  tool_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  computed_against BIGINT NOT NULL,
  out_dir TEXT,
  -- the run that wrote it (its set's directory name): a stopped run's journal names it too
  run TEXT,
  files TEXT NOT NULL,
  state TEXT NOT NULL,
  replaces BIGINT,
  replaced_by BIGINT,
  entities BIGINT NOT NULL,
  total TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX batch_content ON batch (content_key);

-- What each batch paid each entity: the history, appended to, never updated or deleted.
-- paid: items 'program=amount' or 'program=amount/months', ';' between them; an item that counts
-- against the program's limit starts with '*'.
CREATE TABLE payment (
  batch BIGINT NOT NULL,
  row BIGINT NOT NULL,
  entity TEXT NOT NULL,
  period TEXT NOT NULL,
  paid TEXT NOT NULL,
  PRIMARY KEY (batch, row)
);

-- Per entity, what its limited programs have used up: the counted '*' items of the history that
-- are not voided or replaced, as 'program|period|batch|amount|months' joined by ';'. Derived from
-- payment and ledger_change, kept in the same transaction, read in bulk by a run.
-- Pages kept 30% free, so that rewriting an entity's state stays on its page (a HOT update: no new
-- index entry, far less WAL), as every run rewrites many.
CREATE TABLE entity_state (
  entity TEXT PRIMARY KEY,
  state TEXT NOT NULL
) WITH (fillfactor = 70);
