import { z } from 'zod';
import { DATABASE_DRIVERS } from '../enums.js';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(DATABASE_DRIVERS),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;
