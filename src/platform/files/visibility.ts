import { defineVisibility, inActorJurisdiction } from '../auth/visibility.js';
import { files } from './schema.js';

/**
 * Which uploads an official reaches by region alone: those filed under a region of the agency's jurisdiction (the
 * uploader's agency and those above it). Whoever reads a record holding a file reads the file through that record.
 */
export const uploadVisibility = defineVisibility({ regionCode: files.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
