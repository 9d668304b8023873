-- The subsidy ledger, version 2 (PostgreSQL): the persons a hire list's programs paid (calc --hires).
-- One row per person, program and batch: the resident identity number (18 characters), the firm
-- paid, the period and batch, the amount and the hire date. A later batch reads the rows that
-- still count (voided IS NULL) all at once at its start, so that a person paid once stays paid
-- where they were paid. --replace and void take a batch's (or a firm's) persons out by setting
-- voided to the number of the ledger_change that did it: nothing is deleted.
CREATE TABLE hired_person (
  batch BIGINT NOT NULL,
  person TEXT NOT NULL,
  program TEXT NOT NULL,
  entity TEXT NOT NULL,
  period TEXT NOT NULL,
  amount TEXT NOT NULL,
  hire_date TEXT NOT NULL,
  voided BIGINT,
  PRIMARY KEY (batch, person, program)
);
CREATE INDEX hired_person_entity ON hired_person (batch, entity);
