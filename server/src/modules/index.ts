import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { workspacesRoutes } from './workspaces/workspaces.routes.js';

/** Feature modules' routes, registered in this order after the infrastructure plugins. */
export const featureRoutes: FastifyPluginAsyncZod[] = [healthRoutes, workspacesRoutes, tokensRoutes, auditRoutes];
