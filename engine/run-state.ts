import { z } from 'zod';
import { RUN_STATE_VERSION } from './runner';

/** The persisted shape of a tour run; parsed on every storage read and every incoming message. */
export const RunStateSchema = z.strictObject({
  v: z.literal(RUN_STATE_VERSION),
  tourId: z.string().max(80),
  stepIndex: z.number().int().min(0).max(200),
  status: z.enum(['active', 'away', 'closed', 'finished']),
  startedAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
