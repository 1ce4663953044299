-- why: a serba usaha cooperative runs several business units (simpan pinjam, toko, produksi, jasa) and its members and the RAT read the surplus per unit; each revenue and expense account now says which unit it counts in (null = umum, shared by all).
alter table ledger_accounts add column business_unit text
  check (business_unit in ('simpan_pinjam', 'toko', 'produksi', 'jasa'));

-- Existing charts: the template accounts of each unit (rules/chart-templates.ts), then their
-- member sub-accounts after their control account.
update ledger_accounts set business_unit = case
    when code in ('1-1310', '1-1319', '2-1202', '2-1601', '4-1201', '4-1202', '4-1203', '4-1211',
                  '5-2501', '5-2102') then 'simpan_pinjam'
    when code in ('4-1101', '4-1102', '5-1101') then 'toko'
    when code in ('4-1111', '4-1112', '5-1102') then 'produksi'
    when code in ('4-1401', '4-1402') then 'jasa'
  end
where parent_account_id is null
  and code in ('1-1310', '1-1319', '2-1202', '2-1601', '4-1201', '4-1202', '4-1203', '4-1211',
               '5-2501', '5-2102', '4-1101', '4-1102', '5-1101', '4-1111', '4-1112', '5-1102',
               '4-1401', '4-1402');

update ledger_accounts sub set business_unit = control.business_unit
from ledger_accounts control
where control.cooperative_id = sub.cooperative_id and control.id = sub.parent_account_id
  and control.business_unit is not null;
