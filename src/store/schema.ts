// Row types for the query layer. JSON and timestamp columns read back differently per backend
// (SQLite: text; PostgreSQL: parsed jsonb and Date), so reads are decoded by the backend's codec.
import type { ColumnType } from 'kysely';

type JsonColumn = ColumnType<unknown, string, string>;
type TimestampColumn = ColumnType<string | Date, string, string>;
type NullableTimestampColumn = ColumnType<string | Date | null, string | null, string | null>;
type JsonOrNullColumn = ColumnType<unknown, string | null, string | null>;
type BigIntColumn = ColumnType<number | string | bigint, number, number>;
/** The creating account's id; null for what the single user of a loopback server without accounts made. */
type OwnerColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface DocumentRow {
  kind: string;
  id: string;
  name: string;
  body: JsonColumn;
  version: number;
  created_at: TimestampColumn;
  updated_at: TimestampColumn;
  deleted_at: NullableTimestampColumn;
  owner_id: OwnerColumn;
}

export interface UserRow {
  id: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: TimestampColumn;
}

export interface AuthSessionRow {
  token_hash: string;
  user_id: string;
  created_at: TimestampColumn;
  expires_at: TimestampColumn;
}

export interface UserIdentityRow {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: TimestampColumn;
}

export interface DocumentVersionRow {
  kind: string;
  id: string;
  version: number;
  name: string;
  body: JsonColumn;
  saved_at: TimestampColumn;
}

export interface RunRow {
  id: string;
  client_id: string;
  inputs: JsonColumn;
  seed: BigIntColumn;
  status: string;
  progress: number;
  summary: JsonOrNullColumn;
  error: string | null;
  created_at: TimestampColumn;
  started_at: NullableTimestampColumn;
  finished_at: NullableTimestampColumn;
  updated_at: TimestampColumn;
  owner_id: OwnerColumn;
}

export interface SessionRow {
  id: string;
  scenario_id: string;
  state: JsonColumn;
  head_seq: number;
  created_at: TimestampColumn;
  updated_at: TimestampColumn;
  owner_id: OwnerColumn;
}

export interface ParticipantRow {
  id: string;
  session_id: string;
  role: string;
  token_hash: string;
  created_at: TimestampColumn;
}

export interface ActionRow {
  session_id: string;
  seq: number;
  idempotency_key: string;
  action: JsonColumn;
  created_at: TimestampColumn;
}

export interface Database {
  documents: DocumentRow;
  document_versions: DocumentVersionRow;
  runs: RunRow;
  sessions: SessionRow;
  participants: ParticipantRow;
  session_actions: ActionRow;
  users: UserRow;
  auth_sessions: AuthSessionRow;
  user_identities: UserIdentityRow;
}
