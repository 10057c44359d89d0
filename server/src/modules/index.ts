import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.js';
import { backlogRoutes } from './backlog/backlog.routes.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import { clustersRoutes } from './clusters/clusters.routes.js';
import { customersRoutes } from './customers/customers.routes.js';
import { erasureRoutes } from './erasure/erasure.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { highlightsRoutes } from './highlights/highlights.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { insightsRoutes } from './insights/insights.routes.js';
import { integrationsRoutes } from './integrations/integrations.routes.js';
import { sampleDataRoutes } from './sample-data/sample-data.routes.js';
import { savedSearchesRoutes } from './saved-searches/saved-searches.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { sourcesRoutes } from './sources/sources.routes.js';
import { tagsRoutes } from './tags/tags.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { trendsRoutes } from './trends/trends.routes.js';
import { workspacesRoutes } from './workspaces/workspaces.routes.js';

/** Feature modules' routes, registered in this order after the infrastructure plugins. */
export const featureRoutes: FastifyPluginAsyncZod[] = [healthRoutes, workspacesRoutes, tokensRoutes, auditRoutes, tagsRoutes, highlightsRoutes, catalogRoutes, customersRoutes, sourcesRoutes, importsRoutes, integrationsRoutes, sampleDataRoutes, searchRoutes, savedSearchesRoutes, insightsRoutes, backlogRoutes, clustersRoutes, trendsRoutes, erasureRoutes];
