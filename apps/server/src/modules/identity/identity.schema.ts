import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  membershipStatuses,
  type MembershipRole,
  type OfficerRole,
} from '@lumbung/shared/contracts/identity';
import { cooperativesSchema } from '../cooperatives/index.js';

const { cooperatives } = cooperativesSchema;

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const people = pgTable('people', {
  id: uuid('id').primaryKey(),
  nik: text('nik').notNull().unique(),
  fullName: text('full_name').notNull(),
  phone: text('phone').notNull().unique(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  sex: text('sex', { enum: ['female', 'male'] }).notNull(),
  locale: text('locale', { enum: ['id', 'en'] })
    .notNull()
    .default('id'),
  passwordHash: text('password_hash'),
  pinHash: text('pin_hash'),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  failedPinCount: integer('failed_pin_count').notNull().default(0),
  pinLockedUntil: timestamptz('pin_locked_until'),
  createdAt: timestamptz('created_at').notNull(),
});

export const memberships = pgTable(
  'memberships',
  {
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    id: uuid('id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    roles: text('roles').array().$type<MembershipRole[]>().notNull(),
    status: text('status', { enum: membershipStatuses }).notNull().default('aktif'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.id] }),
    unique().on(table.cooperativeId, table.personId),
    index('memberships_person_idx').on(table.personId),
  ],
);

export const officerScopes = pgTable(
  'officer_scopes',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<OfficerRole>().notNull(),
    regionCodes: text('region_codes').array().notNull().default([]),
    grantedAt: timestamptz('granted_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.role] })],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['cookie', 'bearer'] }).notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_person_idx').on(table.personId)],
);

export const oneTimeCodes = pgTable('one_time_codes', {
  id: uuid('id').primaryKey(),
  phone: text('phone').notNull(),
  purpose: text('purpose', { enum: ['login', 'reset_password'] }).notNull(),
  codeHash: text('code_hash').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  consumedAt: timestamptz('consumed_at'),
  createdAt: timestamptz('created_at').notNull(),
});
