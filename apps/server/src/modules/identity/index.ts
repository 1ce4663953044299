/** The identity module's only door: people, memberships, roles, sessions, codes and PINs. */
export { identityRoutes, type IdentityRouteDeps } from './identity.routes.js';
export { registerPerson } from './commands/register-person.js';
export { createOfficer } from './commands/create-officer.js';
export { ensurePerson } from './commands/ensure-person.js';
export { loginWithPassword } from './commands/login-with-password.js';
export { checkTransactionPin, setTransactionPin } from './commands/transaction-pin.js';
export { sendOneTimeCodeTopic } from './commands/request-one-time-code.js';
export { resolveActor } from './queries/resolve-actor.js';
export { getPersonAccess } from './queries/get-person-access.js';
export { createMessageChannel, channelConfigFromEnv } from './channels/create-channel.js';
export type { MessageChannel } from './channels/channel.js';
export { sendOneTimeCodeHandler } from './send-one-time-code-handler.js';
export * as identitySchema from './identity.schema.js';
export type { IdentityPolicy } from './identity.types.js';
export { setMembershipStatus } from './commands/set-membership-status.js';
export { validateIdentity } from './commands/validate-identity.js';
