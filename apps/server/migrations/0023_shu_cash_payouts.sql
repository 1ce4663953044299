-- why: A member's SHU left owed in SHU yang akan dibagikan (a cash payout, or a member not aktif at posting) is paid out at the teller once, and the record says when, by whom, in which teller session and with which entry.

-- One row per paid member and distribution: the primary key is what makes a second payout impossible.
create table shu_cash_payouts (
  cooperative_id uuid not null,
  distribution_id uuid not null,
  membership_id uuid not null,
  entry_id uuid not null,
  session_id uuid not null,
  paid_by uuid,
  paid_at timestamptz not null,
  idempotency_key text not null,
  primary key (cooperative_id, distribution_id, membership_id),
  foreign key (cooperative_id, distribution_id, membership_id)
    references shu_distribution_members (cooperative_id, distribution_id, membership_id)
);

create trigger shu_cash_payouts_append_only before update or delete on shu_cash_payouts
  for each row execute function shu_refuse_change();
revoke update, delete, truncate on shu_cash_payouts from lumbung_app;

alter table shu_cash_payouts enable row level security;
create policy tenant on shu_cash_payouts using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
