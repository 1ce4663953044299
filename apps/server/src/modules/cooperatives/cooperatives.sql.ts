import { and, asc, eq, gt, inArray, or, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { cooperativeFederation, cooperatives, regions } from './cooperatives.schema.js';

export type CooperativeRow = typeof cooperatives.$inferSelect & {
  districtName: string;
  provinceCode: string;
};

const cooperativeColumns = {
  id: cooperatives.id,
  name: cooperatives.name,
  legalEntityNumber: cooperatives.legalEntityNumber,
  nikKoperasi: cooperatives.nikKoperasi,
  type: cooperatives.type,
  tier: cooperatives.tier,
  districtCode: cooperatives.districtCode,
  isClosedLoop: cooperatives.isClosedLoop,
  fiscalYearStartMonth: cooperatives.fiscalYearStartMonth,
  bylaws: cooperatives.bylaws,
  createdAt: cooperatives.createdAt,
  createdBy: cooperatives.createdBy,
  districtName: regions.name,
  provinceCode: regions.provinceCode,
};

export async function upsertRegions(tx: Tx, rows: (typeof regions.$inferInsert)[]) {
  await tx
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: { name: sql`excluded.name`, level: sql`excluded.level` },
    });
}

export async function listRegionRows(tx: Tx) {
  return tx.select().from(regions).orderBy(asc(regions.code));
}

export async function findRegion(tx: Tx, code: string) {
  const [row] = await tx.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

export async function insertCooperative(tx: Tx, row: typeof cooperatives.$inferInsert) {
  await tx.insert(cooperatives).values(row);
}

export async function findCooperativeRow(tx: Tx, id: string): Promise<CooperativeRow | null> {
  const [row] = await tx
    .select(cooperativeColumns)
    .from(cooperatives)
    .innerJoin(regions, eq(regions.code, cooperatives.districtCode))
    .where(eq(cooperatives.id, id));
  return row ?? null;
}

export async function findCooperativeByNikKoperasi(tx: Tx, nikKoperasi: string) {
  const [row] = await tx
    .select({ id: cooperatives.id })
    .from(cooperatives)
    .where(eq(cooperatives.nikKoperasi, nikKoperasi));
  return row ?? null;
}

export async function findCooperativeByLegalEntityNumber(tx: Tx, legalEntityNumber: string) {
  const [row] = await tx
    .select({ id: cooperatives.id })
    .from(cooperatives)
    .where(eq(cooperatives.legalEntityNumber, legalEntityNumber));
  return row ?? null;
}

/** Keyset page by id (UUIDv7, so creation order), optionally within region prefixes. */
export async function listCooperativeRows(
  tx: Tx,
  filter: { regionPrefixes: string[] | null; afterId: string | null; limit: number },
) {
  const conditions = [
    filter.afterId ? gt(cooperatives.id, filter.afterId) : undefined,
    filter.regionPrefixes
      ? or(...filter.regionPrefixes.map((prefix) => like(cooperatives.districtCode, `${prefix}%`)))
      : undefined,
  ].filter((condition) => condition !== undefined);
  return tx
    .select(cooperativeColumns)
    .from(cooperatives)
    .innerJoin(regions, eq(regions.code, cooperatives.districtCode))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(cooperatives.id))
    .limit(filter.limit);
}

export async function insertFederationLink(tx: Tx, row: typeof cooperativeFederation.$inferInsert) {
  const inserted = await tx
    .insert(cooperativeFederation)
    .values(row)
    .onConflictDoNothing()
    .returning();
  return inserted.length > 0;
}

export async function listFederationLinks(tx: Tx, cooperativeId: string) {
  const links = await tx
    .select()
    .from(cooperativeFederation)
    .where(
      or(
        eq(cooperativeFederation.secondaryCooperativeId, cooperativeId),
        eq(cooperativeFederation.memberCooperativeId, cooperativeId),
      ),
    );
  const ids = [
    ...new Set(links.flatMap((link) => [link.secondaryCooperativeId, link.memberCooperativeId])),
  ];
  const names =
    ids.length === 0
      ? []
      : await tx
          .select({ id: cooperatives.id, name: cooperatives.name })
          .from(cooperatives)
          .where(inArray(cooperatives.id, ids));
  return { links, names: new Map(names.map((row) => [row.id, row.name])) };
}
