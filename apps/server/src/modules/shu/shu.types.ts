import type { Tx } from '../../platform/db/database.js';

/** What every SHU command receives (ARCHITECTURE.md: one context per command). */
export interface ShuContext {
  tx: Tx;
  cooperativeId: string;
  now: Date;
  actorPersonId: string | null;
  /** The caller's key for a write; ledger entry keys derive from the distribution instead. */
  idempotencyKey: string | null;
}

export type ShuReadContext = Pick<ShuContext, 'tx' | 'cooperativeId' | 'now'>;

/** A fiscal year: its first and last day and its length in days (365 or 366). */
export interface FiscalYear {
  year: number;
  start: string;
  end: string;
  days: number;
}

/** Control account of each capital kind's member sub-accounts (savings.types.ts, chart-templates.ts). */
export const capitalControlCodes = {
  pokok: '3-1101',
  wajib: '3-1102',
  sukarela: '2-1201',
  berjangka: '2-1202',
} as const;

export const shuCodes = {
  currentYearShu: '3-1301',
  toDistribute: '2-1401',
  taxPayable: '2-1301',
  cash: '1-1101',
} as const;

/** Member lines per distribution entry (savings' month-end interest uses the same batch). */
export const MEMBERS_PER_ENTRY = 1_000;
