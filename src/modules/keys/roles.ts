export { isRole, ROLES, type Role } from '../../domain/roles';
