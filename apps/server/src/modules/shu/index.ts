/** The shu module's only door: SHU rules, the running estimate, simulations, the year end and cash payouts. */
export { shuRoutes } from './shu.routes.js';
export { setShuRules } from './commands/set-shu-rules.js';
export { proposeShuDistribution } from './commands/propose-shu-distribution.js';
export { recordRatApproval, countersignRatApproval } from './commands/approve-shu-distribution.js';
export { postShuDistribution } from './commands/post-shu-distribution.js';
export { payShuInCash } from './commands/pay-shu-in-cash.js';
export { getShuRules, fiscalYearFor } from './queries/get-shu-rules.js';
export { getRunningShu, simulateShu } from './queries/get-running-shu.js';
export { computeYearShu } from './queries/compute-year-shu.js';
export { getMemberShu } from './queries/get-member-shu.js';
export { getMemberDistribution } from './queries/get-member-distribution.js';
export { listOwedShu } from './queries/list-owed-shu.js';
export { getShuDistribution, listShuDistributionMembers } from './queries/get-shu-distribution.js';
export { verifyShuCounters } from './queries/verify-shu-counters.js';
export { participationSources, type ParticipationSource } from './participation-sources.js';
export type { ShuContext, FiscalYear } from './shu.types.js';
export * as shuSchema from './shu.schema.js';
