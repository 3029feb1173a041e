import { eventCatalogue, NewEvent, SegmentArchivedData, SegmentDefinedData, SegmentRedefinedData } from '@cdp/event-model';
import { isDeepStrictEqual } from 'node:util';
import { InvalidSegmentConditionsError } from '../conditions/invalid-conditions-error';
import { parseSegmentConditions } from '../conditions/parse-conditions';
import { Segment, evolveSegment } from './segment';
import { InvalidSegmentError, SegmentAlreadyDefinedError, SegmentArchivedError, SegmentNotDefinedError } from './segment-errors';

export type SegmentDefinition = { name: string; description?: string; conditions: unknown };

export type SegmentCommand =
  | { type: 'DefineSegment'; data: SegmentDefinition & { segmentId: string } }
  | { type: 'RedefineSegment'; data: SegmentDefinition & { segmentId: string } }
  | { type: 'ArchiveSegment'; data: { segmentId: string; reason?: string } };

type Draft<Type extends string, Data> = Pick<NewEvent<Type, Data & object>, 'type' | 'schemaVersion' | 'data'>;
export type SegmentEventDraft =
  | Draft<'SegmentDefined', SegmentDefinedData>
  | Draft<'SegmentRedefined', SegmentRedefinedData>
  | Draft<'SegmentArchived', SegmentArchivedData>;

/**
 * A segment is defined once, redefined any number of times while not archived, and archived once. The conditions
 * are validated here and stored normalised, so every event in `segment-<id>` holds a definition that evaluates.
 * Redefining with the same name, description and conditions records nothing.
 */
export function decideSegment(command: SegmentCommand, state: Segment | null): SegmentEventDraft[] {
  const { segmentId } = command.data;
  switch (command.type) {
    case 'DefineSegment': {
      if (state !== null) throw new SegmentAlreadyDefinedError(segmentId);
      return [{ type: 'SegmentDefined', schemaVersion: 1, data: definitionData(command.data, 'SegmentDefined') }];
    }
    case 'RedefineSegment': {
      if (state === null) throw new SegmentNotDefinedError(segmentId);
      if (state.archivedAt !== null) throw new SegmentArchivedError(segmentId);
      const data = definitionData(command.data, 'SegmentRedefined');
      const unchanged =
        data.name === state.name && (data.description ?? null) === state.description && isDeepStrictEqual(data.conditions, state.conditions);
      return unchanged ? [] : [{ type: 'SegmentRedefined', schemaVersion: 1, data }];
    }
    case 'ArchiveSegment': {
      if (state === null) throw new SegmentNotDefinedError(segmentId);
      if (state.archivedAt !== null) return [];
      const data = command.data.reason === undefined ? {} : { reason: command.data.reason };
      const issues = eventCatalogue.validate('SegmentArchived', 1, data);
      if (issues.length > 0) throw new InvalidSegmentError(issues);
      return [{ type: 'SegmentArchived', schemaVersion: 1, data }];
    }
  }
}

function definitionData(definition: SegmentDefinition, type: 'SegmentDefined' | 'SegmentRedefined'): SegmentDefinedData {
  let conditions: Record<string, unknown>;
  try {
    conditions = parseSegmentConditions(definition.conditions) as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof InvalidSegmentConditionsError) throw new InvalidSegmentError(error.issues);
    throw error;
  }
  const data: SegmentDefinedData = {
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    conditions,
  };
  const issues = eventCatalogue.validate(type, 1, data).map((issue) => ({ ...issue, path: issue.path.replace(/^data\./, '') }));
  if (issues.length > 0) throw new InvalidSegmentError(issues);
  return data;
}

/** The three functions the command handler needs (the shape of @cdp/customer's Decider). */
export const segmentDecider = {
  initialState: (): Segment | null => null,
  evolve: evolveSegment,
  decide: decideSegment,
};
