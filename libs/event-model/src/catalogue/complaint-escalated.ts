import { IsIn } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { ComplaintSeverity, complaintSeverities } from './complaints';
import { EntityId, FreeText, Optional, Text } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ComplaintEscalatedV1 {
  @EntityId() complaintId!: string;
  /** The new severity, when the escalation changes it. */
  @Optional() @IsIn(complaintSeverities) severity?: ComplaintSeverity;
  /** A team or role, e.g. "customer-care-lead"; not a person's name. */
  @Optional() @Text(100) escalatedTo?: string;
  @PersonalData() @Optional() @FreeText() note?: string;
}

export type ComplaintEscalatedData = ComplaintEscalatedV1;

export const complaintEscalated: EventTypeDefinition = {
  type: 'ComplaintEscalated',
  origin: 'producer',
  description: 'A complaint went up a level: to another team, or to a higher severity.',
  versions: { 1: ComplaintEscalatedV1 },
  upcasters: {},
  example: { complaintId: 'cmp-77', severity: 'high', escalatedTo: 'customer-care-lead' },
};
