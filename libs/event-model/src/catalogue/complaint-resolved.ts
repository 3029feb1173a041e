import { IsIn } from 'class-validator';
import { PersonalData } from '../personal-data/personal-data.decorators';
import { ComplaintResolution, complaintResolutions } from './complaints';
import { EntityId, FreeText, Optional } from './value-rules';
import { EventTypeDefinition } from '../versioning/event-type-definition';

export class ComplaintResolvedV1 {
  @EntityId() complaintId!: string;
  @IsIn(complaintResolutions) resolution!: ComplaintResolution;
  @PersonalData() @Optional() @FreeText() note?: string;
}

export type ComplaintResolvedData = ComplaintResolvedV1;

export const complaintResolved: EventTypeDefinition = {
  type: 'ComplaintResolved',
  origin: 'producer',
  description: 'A complaint was closed, and how.',
  versions: { 1: ComplaintResolvedV1 },
  upcasters: {},
  example: { complaintId: 'cmp-77', resolution: 'compensated', note: 'Voucher of 10 GBP sent.' },
};
