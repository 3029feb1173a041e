import { ProjectionStatus } from '@cdp/projection-engine';

/** The audiences worker as an operator sees it: the shape of every projection's status. */
export type AudiencesStatus = ProjectionStatus;
