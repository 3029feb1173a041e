import { EventCatalogue } from '../versioning/event-catalogue';
import { customerProfileUpdated } from './customer-profile-updated';
import { customerRegistered } from './customer-registered';
import { interactionRecorded } from './interaction-recorded';

export * from './channel';
export * from './party-kind';
export * from './customer-registered';
export * from './customer-profile-updated';
export * from './interaction-recorded';

/** Every event type the platform writes today. The full catalogue arrives with ingestion. */
export const eventCatalogue = new EventCatalogue([customerRegistered, customerProfileUpdated, interactionRecorded]);
