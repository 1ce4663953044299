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
import { memberStatuses, occupationSegments } from '@lumbung/shared/contracts/members';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const memberNumberCounters = pgTable('member_number_counters', {
  cooperativeId: uuid('cooperative_id').primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
});

export const members = pgTable(
  'members',
  {
    cooperativeId: uuid('cooperative_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    memberNumber: text('member_number'),
    personId: uuid('person_id').notNull(),
    fullName: text('full_name').notNull(),
    nik: text('nik').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    village: text('village'),
    occupationSegment: text('occupation_segment', { enum: occupationSegments }).notNull(),
    employer: text('employer'),
    status: text('status', { enum: memberStatuses }).notNull(),
    registeredVia: text('registered_via', { enum: ['officer', 'self', 'import'] }).notNull(),
    registeredBy: uuid('registered_by'),
    appliedAt: timestamptz('applied_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    exitReason: text('exit_reason'),
  },
  (table) => [
    primaryKey({ columns: [table.cooperativeId, table.membershipId] }),
    unique().on(table.cooperativeId, table.memberNumber),
    index('members_status_idx').on(table.cooperativeId, table.status),
    index('members_nik_idx').on(table.cooperativeId, table.nik),
    index('members_phone_idx').on(table.cooperativeId, table.phone),
  ],
);
