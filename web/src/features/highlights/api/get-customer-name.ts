import { useQuery } from '@tanstack/react-query';
import { customerName } from '@cairn/shared';
import { customerQueryOptions } from '../../customers/api/get-customer';

/**
 * The name of the customer the Highlights page is filtered to, when the catalog does not have
 * them: a customer an import or the API added after the catalog was loaded, or a link to one this
 * workspace does not have (a 404). The customer profile's query, so a profile opened before has
 * usually left them in the cache.
 */
export const useCustomerName = (ws: string, id: string | undefined, enabled: boolean) =>
  useQuery({ ...customerQueryOptions(ws, id ?? ''), enabled: enabled && id !== undefined, select: customerName });
