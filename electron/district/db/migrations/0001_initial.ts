// The district's first schema: accounts and sessions, the append-only audit log, enrolled
// halls, loaded batches and the quarantine, the hall records (tickets and submissions
// range-partitioned by month; partitions are made on demand by the loader), and the daily
// roll-up the reports read. Times are epoch milliseconds (bigint), as the halls export them.
export const MIGRATION_0001 = `
CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL);

CREATE TABLE accounts (
  username text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'viewer')),
  created_at bigint NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  username text NOT NULL REFERENCES accounts ON DELETE CASCADE,
  expires_at bigint NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at bigint NOT NULL,
  actor text,
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE halls (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name_zh text NOT NULL,
  name_bo text NOT NULL,
  name_ug text NOT NULL,
  public_key text NOT NULL,
  fingerprint text NOT NULL,
  enrolled_at bigint NOT NULL
);

CREATE TABLE batches (
  id text PRIMARY KEY,
  hall_id text NOT NULL REFERENCES halls,
  sha256 text NOT NULL,
  received_at bigint NOT NULL,
  created_at bigint,
  via text NOT NULL,
  counts jsonb NOT NULL
);
CREATE INDEX batches_hall_received ON batches (hall_id, received_at DESC);

CREATE TABLE quarantine (
  id bigserial PRIMARY KEY,
  received_at bigint NOT NULL,
  via text NOT NULL,
  file_name text NOT NULL,
  batch_id text,
  hall_id text,
  code text NOT NULL,
  problem text NOT NULL,
  sha256 text NOT NULL,
  stored_as text NOT NULL
);

CREATE TABLE tickets (
  hall_id text NOT NULL,
  day date NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  code text NOT NULL,
  service_id text NOT NULL,
  issued_service_id text NOT NULL,
  language text NOT NULL,
  priority boolean NOT NULL,
  kiosk_id text,
  counter_id text,
  staff_id text,
  state text NOT NULL,
  call_count integer NOT NULL,
  issued_at bigint NOT NULL,
  queued_at bigint,
  first_called_at bigint,
  last_called_at bigint,
  started_at bigint,
  finished_at bigint,
  PRIMARY KEY (hall_id, day, id)
) PARTITION BY RANGE (day);

CREATE TABLE submissions (
  hall_id text NOT NULL,
  day date NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  form_id text NOT NULL,
  form_version integer NOT NULL,
  ticket_id text,
  language text NOT NULL,
  filled_by text NOT NULL,
  filler_id text,
  created_at bigint NOT NULL,
  reviewed_by text,
  reviewed_at bigint,
  -- AES-256-GCM under the district data key: iv(12) | tag(16) | ciphertext of the answers' JSON.
  answers_sealed bytea,
  key_id text,
  purged_at bigint,
  PRIMARY KEY (hall_id, day, id)
) PARTITION BY RANGE (day);

CREATE TABLE print_jobs (
  hall_id text NOT NULL,
  ticket_id text NOT NULL,
  printer text NOT NULL,
  created_at bigint NOT NULL,
  batch_id text NOT NULL,
  state text NOT NULL,
  reason text,
  attempts integer NOT NULL,
  updated_at bigint,
  printed_at bigint,
  PRIMARY KEY (hall_id, ticket_id, printer, created_at)
);

CREATE TABLE ratings (
  hall_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  ticket_id text,
  counter_id text,
  staff_id text,
  service_id text NOT NULL,
  day date NOT NULL,
  score integer NOT NULL,
  reasons text[] NOT NULL,
  via text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (hall_id, id)
);

CREATE TABLE rating_followups (
  hall_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  rating_id text NOT NULL,
  opened_at bigint NOT NULL,
  closed_at bigint,
  closed_by text,
  note text,
  PRIMARY KEY (hall_id, id)
);

CREATE TABLE hall_statistics (
  hall_id text NOT NULL,
  day date NOT NULL,
  scope text NOT NULL,
  key text NOT NULL,
  batch_id text NOT NULL,
  row jsonb NOT NULL,
  PRIMARY KEY (hall_id, day, scope, key)
);

CREATE TABLE daily_rollup (
  hall_id text NOT NULL,
  day date NOT NULL,
  service_id text NOT NULL,
  counter_id text NOT NULL,
  language text NOT NULL,
  tickets integer NOT NULL,
  served integer NOT NULL,
  no_shows integer NOT NULL,
  wait_sum double precision NOT NULL,
  wait_n integer NOT NULL,
  wait_hist integer[] NOT NULL,
  service_sum double precision NOT NULL,
  service_n integer NOT NULL,
  ratings integer NOT NULL,
  rating_sum integer NOT NULL,
  PRIMARY KEY (day, hall_id, service_id, counter_id, language)
);
`;
