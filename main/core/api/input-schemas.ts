/** zod schemas of every KioskApi input: what a transport receives is parsed here before the core sees it. */
import { z } from 'zod';
import type { KioskApiInput, KioskApiMethod } from '../../../preload/api.ts';

const empty = z.object({}).strict();
const tapId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const intent = z.enum(['start-work', 'start-break', 'end-break', 'end-work']);

export const INPUT_SCHEMAS: { [M in KioskApiMethod]: z.ZodType<KioskApiInput<M>> } = {
  getSnapshot: empty as unknown as z.ZodType<Record<string, never>>,
  register: z.object({ tapId, intent }).strict(),
  cancelTap: z.object({ tapId }).strict(),
  getRoster: empty as unknown as z.ZodType<Record<string, never>>,
  presentDemoCard: z.object({ demoCardId: z.string().regex(/^[a-z0-9-]{1,32}$/) }).strict(),
};
