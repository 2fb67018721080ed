// Role-play as a service over the store; the HTTP routes are src/server/roleplay-routes.ts.
export { createRolePlayService, digestsEqual, newToken, sessionChannel } from './service.js';
export type {
  ActResult,
  ClassLinks,
  ClassView,
  ClientAction,
  RolePlayService,
  RolePlayServiceError,
  RolePlayServiceOptions,
  Seat,
  TableLinks,
  TableSpec,
} from './service.js';
