import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/page.shared.js';

// Shared by routes, the other domains' contracts and the web console: administrative divisions on the wire.

export const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'a region code: 2, 4, 6, 9 or 12 digits');

export const regionOut = z.object({ code: z.string(), name: z.string(), level: z.number().int(), parentCode: z.string().nullable(), hasChildren: z.boolean() });
export const regionListQuery = z.strictObject({ ...pageQuery, parent: regionCode.optional() });
export const regionDetailOut = regionOut.extend({ path: z.array(z.object({ code: z.string(), name: z.string() })) });
export const regionPage = pageOf(regionOut);
