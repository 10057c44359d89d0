import { z } from 'zod';
import { hasRole, ROLES, type Role } from '../enums.js';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../limits.js';
import { IdSchema, TimestampSchema, tooLongMessage } from './common.js';

export const RoleSchema = z.enum(ROLES);

/** The roles someone with `role` may hand out (to members or tokens): their own and below. */
export function rolesGrantableBy(role: Role): Role[] {
  return ROLES.filter((candidate) => hasRole(role, candidate));
}

export const EmailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, tooLongMessage(EMAIL_MAX_LENGTH))
  .email('Enter an email address like name@example.com')
  .transform((email) => email.toLowerCase());
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, tooLongMessage(PASSWORD_MAX_LENGTH));
export const PersonNameSchema = z.string().trim().min(1, 'Enter a name').max(NAME_MAX_LENGTH, tooLongMessage(NAME_MAX_LENGTH));
export const WorkspaceNameSchema = z.string().trim().min(1, "Enter the workspace's name").max(NAME_MAX_LENGTH, tooLongMessage(NAME_MAX_LENGTH));

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  mustChangePassword: z.boolean(),
  createdAt: TimestampSchema,
});
export type User = z.infer<typeof UserSchema>;

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: TimestampSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const MembershipSchema = z.object({ workspace: WorkspaceSchema, role: RoleSchema });
export type Membership = z.infer<typeof MembershipSchema>;

// --- setup and sign-in ---

export const SetupStatusSchema = z.object({ needed: z.boolean() });

export const CreateSetupBodySchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  name: PersonNameSchema,
  workspaceName: WorkspaceNameSchema,
});
export type CreateSetupBody = z.infer<typeof CreateSetupBodySchema>;

export const SetupResultSchema = z.object({ user: UserSchema, workspace: WorkspaceSchema });

export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH, tooLongMessage(PASSWORD_MAX_LENGTH)),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const LoginResultSchema = z.object({ user: UserSchema });

export const CsrfTokenSchema = z.object({ token: z.string() });

export const MeSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSchema) });
export type Me = z.infer<typeof MeSchema>;

export const ChangePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH, tooLongMessage(PASSWORD_MAX_LENGTH)),
    newPassword: PasswordSchema,
  })
  // A member's initial password is known to the admin who chose it: keeping it is not choosing one's own.
  .refine((body) => body.newPassword !== body.currentPassword, { path: ['newPassword'], message: 'Choose a password other than the current one' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

// --- workspaces and members ---

export const CreateWorkspaceBodySchema = z.object({ name: WorkspaceNameSchema });
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBodySchema>;
export const UpdateWorkspaceBodySchema = CreateWorkspaceBodySchema;

export const WorkspaceWithRoleSchema = WorkspaceSchema.extend({ role: RoleSchema });
export type WorkspaceWithRole = z.infer<typeof WorkspaceWithRoleSchema>;

export const MemberSchema = z.object({
  userId: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  mustChangePassword: z.boolean(),
  joinedAt: TimestampSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const CreateMemberBodySchema = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  role: RoleSchema,
  /** Initial password for a new user; they must change it on first sign-in. Ignored for existing users. */
  password: PasswordSchema.optional(),
});
export type CreateMemberBody = z.infer<typeof CreateMemberBodySchema>;

export const CreatedMemberSchema = MemberSchema.extend({
  /** False when the email already had an account: the initial password was not used. */
  accountCreated: z.boolean(),
});
export type CreatedMember = z.infer<typeof CreatedMemberSchema>;

export const UpdateMemberBodySchema = z.object({ role: RoleSchema });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const MemberParamsSchema = z.object({ ws: IdSchema, userId: IdSchema });

// --- API tokens ---

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  /** The first characters of the secret, enough to recognise it; the rest is never shown again. */
  prefix: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenBodySchema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the token').max(NAME_MAX_LENGTH, tooLongMessage(NAME_MAX_LENGTH)),
  role: RoleSchema,
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBodySchema>;

export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
