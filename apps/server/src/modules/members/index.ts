/** The members module's only door: the registry, applications, exits and member cards. */
export { membersRoutes } from './members.routes.js';
export { registerMember, type MemberDetails } from './commands/register-member.js';
export { applyForMembership } from './commands/apply-for-membership.js';
export { decideApplication } from './commands/decide-application.js';
export { recordMemberExit } from './commands/record-member-exit.js';
export { issueMemberCard, verifyMemberCard } from './commands/member-card.js';
export {
  getMember,
  getMemberByNumber,
  listMembers,
  searchMembers,
} from './queries/read-members.js';
export { toMemberView } from './queries/to-member-view.js';
export { loadCardKeys } from './card-keys.js';
export type { Member, CardKeys } from './members.types.js';
export * as membersSchema from './members.schema.js';
