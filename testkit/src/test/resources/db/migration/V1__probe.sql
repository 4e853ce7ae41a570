-- A stand-in for storage's migrations in the testkit's own tests (storage is not on this module's class path).
CREATE TABLE probe (id integer PRIMARY KEY, note text NOT NULL);
