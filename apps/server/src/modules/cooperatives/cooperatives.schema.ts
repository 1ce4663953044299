import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BylawsSettings } from '@lumbung/shared/contracts/cooperatives';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'district'] }).notNull(),
  provinceCode: text('province_code').notNull(),
});

export const cooperatives = pgTable(
  'cooperatives',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    legalEntityNumber: text('legal_entity_number').notNull().unique(),
    nikKoperasi: text('nik_koperasi').unique(),
    type: text('type', {
      enum: ['simpan_pinjam', 'konsumen', 'produsen', 'pemasaran', 'jasa', 'serba_usaha'],
    }).notNull(),
    tier: text('tier', { enum: ['primer', 'sekunder'] }).notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => regions.code),
    isClosedLoop: boolean('is_closed_loop').notNull(),
    fiscalYearStartMonth: smallint('fiscal_year_start_month').notNull(),
    bylaws: jsonb('bylaws').$type<BylawsSettings>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (table) => [index('cooperatives_district_idx').on(table.districtCode)],
);

export const cooperativeFederation = pgTable(
  'cooperative_federation',
  {
    secondaryCooperativeId: uuid('secondary_cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    memberCooperativeId: uuid('member_cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.secondaryCooperativeId, table.memberCooperativeId] })],
);
