import { defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';
import { integrationClients } from './schema.js';

/** A client system is seen by the agencies whose jurisdiction holds its home region (the ministry sees every one). */
export const clientVisibility = defineVisibility({ regionCode: integrationClients.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
