/** The cooperatives module's only door: tenants, regions and federation. */
export { cooperativesRoutes } from './cooperatives.routes.js';
export { registerCooperative } from './commands/register-cooperative.js';
export { joinFederation } from './commands/join-federation.js';
export { seedRegions } from './commands/seed-regions.js';
export { getCooperative, findCooperativeDistrict } from './queries/get-cooperative.js';
export { listCooperatives } from './queries/list-cooperatives.js';
export { getFederation } from './queries/get-federation.js';
export * as cooperativesSchema from './cooperatives.schema.js';
export type { Cooperative, RegisterCooperativeInput } from './cooperatives.types.js';
