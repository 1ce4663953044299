-- why: retried writes must return the first response (idempotency keys stored in the same transaction as the write), and external side effects leave through an outbox written in that transaction and delivered with retries.
create table idempotency_keys (
  scope text not null,
  key text not null check (length(key) between 8 and 200),
  cooperative_id uuid references cooperatives (id),
  route text not null,
  request_hash text not null,
  response_status integer not null,
  response_body jsonb,
  created_at timestamptz not null,
  primary key (scope, key)
);

alter table idempotency_keys enable row level security;
create policy idempotency_keys_scope on idempotency_keys
  using (cooperative_id is not distinct from app_cooperative_id() or app_is_system())
  with check (cooperative_id is not distinct from app_cooperative_id() or app_is_system());

create table outbox (
  id uuid primary key,
  cooperative_id uuid references cooperatives (id),
  topic text not null,
  payload jsonb not null,
  idempotency_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index outbox_due_idx on outbox (next_attempt_at) where status = 'pending';

alter table outbox enable row level security;
create policy outbox_scope on outbox
  using (cooperative_id is not distinct from app_cooperative_id() or app_is_system())
  with check (cooperative_id is not distinct from app_cooperative_id() or app_is_system());
