import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CompanyDetailSchema,
  CompanyListItemSchema,
  CompanySchema,
  CreateCustomerBodySchema,
  CustomerDetailSchema,
  DeletedCompanyDomainListSchema,
  FillCompaniesFromEmailsBodySchema,
  FillCompaniesFromEmailsResultSchema,
  ListCompaniesQuerySchema,
  ListCustomersQuerySchema,
  MergeCompanyBodySchema,
  UpdateCompanyBodySchema,
  UpdateCustomerBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
  pageOf,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as customersService from './customers.service.js';

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['customers'];

  app.get(
    '/api/workspaces/:ws/customers',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary:
          'Customers by name, or with `sort=evidence` most highlights first, or `sort=recent` latest source first (those without one last), with their company and evidence counts; q searches name, email, external id and company',
        params: WorkspaceParamsSchema,
        querystring: ListCustomersQuerySchema,
        response: { 200: pageOf(CustomerDetailSchema) },
      },
    },
    async (request) => customersService.listCustomers(db, workspaceActorOf(request), request.query),
  );

  app.post(
    '/api/workspaces/:ws/customers',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Add a customer (201), or get the one with this email or external id (200)',
        params: WorkspaceParamsSchema,
        body: CreateCustomerBodySchema,
        response: { 200: CustomerDetailSchema, 201: CustomerDetailSchema },
      },
    },
    async (request, reply) => {
      const { customer, created } = await customersService.createCustomer(db, workspaceActorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(customer);
    },
  );

  app.get(
    '/api/workspaces/:ws/customers/:id',
    { config: { access: { role: 'viewer' } }, schema: { tags, summary: 'One customer with company and evidence counts', params: WorkspaceIdParamsSchema, response: { 200: CustomerDetailSchema } } },
    async (request) => customersService.getCustomer(db, workspaceActorOf(request), request.params.id),
  );

  app.patch(
    '/api/workspaces/:ws/customers/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary:
          'Edit a customer and their company; a body with `company` (even `null`) marks the company, and the company fields it gives, set by hand, which imports then keep; `companySetByHand: false` lets imports and email domains set the company again',
        params: WorkspaceIdParamsSchema,
        body: UpdateCustomerBodySchema,
        response: { 200: CustomerDetailSchema },
      },
    },
    async (request) => customersService.updateCustomer(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/workspaces/:ws/customers/companies-from-emails',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags,
        summary: "Give customers with a work email and no company the company of their email's domain (mail providers and companies cleared by hand excepted); dryRun only counts",
        params: WorkspaceParamsSchema,
        body: FillCompaniesFromEmailsBodySchema,
        response: { 200: FillCompaniesFromEmailsResultSchema },
      },
    },
    async (request) => customersService.fillCompaniesFromEmails(db, workspaceActorOf(request), request.body),
  );

  app.get(
    '/api/workspaces/:ws/companies',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary:
          "Companies by name, or with `sort=evidence` most highlights first, each with its customers and their evidence counted; q searches the name and customers' email domains",
        params: WorkspaceParamsSchema,
        querystring: ListCompaniesQuerySchema,
        response: { 200: pageOf(CompanyListItemSchema) },
      },
    },
    async (request) => customersService.listCompanies(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/companies/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary:
          "One company with its counts, and the insights and backlog items its customers' highlights back, most first; its customers are `GET …/customers?companyId=`, its highlights `GET …/highlights?companyId=`",
        params: WorkspaceIdParamsSchema,
        response: { 200: CompanyDetailSchema },
      },
    },
    async (request) => customersService.getCompany(db, workspaceActorOf(request), request.params.id),
  );

  app.patch(
    '/api/workspaces/:ws/companies/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary:
          "Rename a company (its old name becomes an alias imports still lead here by), set which of its fields (segment, plan, annualRevenue) imports leave alone, or let some of its aliases go; `fieldsSetByHand: []` lets imports naming the company fill them all in again",
        description: '409 naming `name` when another company has that name (ignoring case): merge this one into it instead. 422 naming `aliases` for a name that is not one of its aliases.',
        params: WorkspaceIdParamsSchema,
        body: UpdateCompanyBodySchema,
        response: { 200: CompanySchema },
      },
    },
    async (request) => customersService.updateCompany(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/companies/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary:
          "Delete a company (no trash): its customers stay, without a company, which imports and email domains then leave empty; its names that are email domains (`emailDomains`) give new people no company either, until a person names a company so (Edit customer, a rename)",
        params: WorkspaceIdParamsSchema,
      },
    },
    async (request, reply) => {
      await customersService.deleteCompany(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/workspaces/:ws/deleted-company-domains',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary:
          "The email domains of deleted companies, most recently deleted first: new customers at one get no company from their email. `heldBy`: a company that goes by the domain again, which people there are put at meanwhile",
        params: WorkspaceParamsSchema,
        response: { 200: DeletedCompanyDomainListSchema },
      },
    },
    async (request) => customersService.listDeletedCompanyDomains(db, workspaceActorOf(request)),
  );

  app.delete(
    '/api/workspaces/:ws/deleted-company-domains/:id',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary:
          "Forget a deleted company's email domain: new customers there are put at a company of that name again (created if need be), as naming a company so by hand does; those at the company when it was deleted stay without one",
        params: WorkspaceIdParamsSchema,
      },
    },
    async (request, reply) => {
      await customersService.forgetDeletedCompanyDomain(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/companies/:id/merge',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary:
          "Merge this company into another: its customers move to the one kept, which fills its empty fields from this one and takes its name and aliases as aliases; this one is deleted",
        description: '400 naming `intoCompanyId` for the company itself, 404 naming it for a company not in this workspace.',
        params: WorkspaceIdParamsSchema,
        body: MergeCompanyBodySchema,
        response: { 200: CompanyListItemSchema },
      },
    },
    async (request) => customersService.mergeCompany(db, workspaceActorOf(request), request.params.id, request.body.intoCompanyId),
  );
};
