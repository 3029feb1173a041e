/** The computed audiences (`AudienceSnapshots`). */
export const AUDIENCE_SNAPSHOTS = Symbol('AUDIENCE_SNAPSHOTS');
