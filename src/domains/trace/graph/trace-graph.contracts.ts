import { z } from 'zod';

// The wire shapes of the trace graph (向前/向后追溯) and the recall list (召回清单).

export const MAX_TRACE_DEPTH = 20;

export const traceQuery = z.strictObject({
  direction: z.enum(['backward', 'forward']).describe('backward: where the batch came from (向前追溯); forward: who received it (向后追溯)'),
  depth: z.coerce.number().int().min(1).max(MAX_TRACE_DEPTH).default(MAX_TRACE_DEPTH).describe('hops to follow, 1–20'),
});
export type TraceQuery = z.infer<typeof traceQuery>;

export const HOLDER_KINDS = ['subject', 'unregistered', 'market'] as const;

const holderOut = z.object({
  kind: z.enum(HOLDER_KINDS).describe('a registered subject, a buyer recorded by hand, or a market/processor (入市)'),
  subjectId: z.string().nullable(),
  name: z.string(),
  county: z.string().describe('6-digit county code of the holder’s batch'),
  countyName: z.string().nullable(),
});

export const traceNodeOut = z.object({
  id: z.string(),
  code: z.string(),
  productName: z.string(),
  classCode: z.string(),
  source: z.string(),
  quantity: z.number(),
  unit: z.string(),
  stock: z.number(),
  depth: z.number().int().describe('hops from the batch asked about (0 = that batch); a batch reached along several paths appears once, at its smallest depth'),
  createdAt: z.date(),
  harvestDate: z.string().nullable(),
  holder: holderOut,
});

export const traceEdgeOut = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.string().describe('trade · market · transform · split · merge'),
  quantity: z.number(),
  createdAt: z.date(),
});

export const traceGraphOut = z.object({
  rootId: z.string(),
  direction: z.enum(['backward', 'forward']),
  depth: z.number().int(),
  nodes: z.array(traceNodeOut),
  edges: z.array(traceEdgeOut),
  truncated: z.boolean().describe('true when the graph had more batches than the cap (5,000): the nearest ones are given'),
});

export const recallHolderOut = z.object({
  hops: z.number().int(),
  batchId: z.string(),
  batchCode: z.string(),
  productName: z.string(),
  holderKind: z.enum(HOLDER_KINDS),
  subjectId: z.string().nullable(),
  name: z.string(),
  identityCode: z.string().nullable().describe('主体身份码, masked for a natural person; null for a holder not registered'),
  phone: z.string().nullable().describe('in full: the agency has to call the holder (each recall list is audited)'),
  address: z.string().nullable(),
  county: z.string(),
  countyName: z.string().nullable(),
  marketKind: z.string().nullable(),
  stall: z.string().nullable(),
  quantityReceived: z.number().describe('what reached this batch from the recalled goods (sum of its incoming edges from them)'),
  unit: z.string(),
  stock: z.number().describe('what the holder still has of this batch'),
  receivedAt: z.date(),
});

export const recallOut = z.object({
  batch: z.object({ id: z.string(), code: z.string(), productName: z.string(), quantity: z.number(), unit: z.string(), stock: z.number(), holderName: z.string(), county: z.string(), countyName: z.string().nullable() }),
  generatedAt: z.date(),
  holders: z.array(recallHolderOut),
  totals: z.object({
    batches: z.number().int(),
    holders: z.number().int().describe('distinct holders (a subject, or a hand-recorded buyer by name and phone)'),
    maxHops: z.number().int(),
    byUnit: z
      .array(z.object({ unit: z.string(), shipped: z.number().describe('what left the batch: received at hop 1'), stock: z.number().describe('what the downstream holders still hold: to be recalled') }))
      .describe('per unit (processing may change the unit); quantities passed on are not counted twice'),
  }),
});
export type RecallOut = z.infer<typeof recallOut>;
export type TraceGraphOut = z.infer<typeof traceGraphOut>;
