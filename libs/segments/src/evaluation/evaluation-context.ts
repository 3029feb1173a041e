/**
 * The clock of one evaluation, and what it learns on the way: `changesAt` is the earliest moment after `now` at
 * which a condition it read could change by the passing of time alone (a window closing, a birthday, a lifecycle
 * date). Until then, and without a new event, the answer holds: that is when the customer is evaluated again.
 */
export interface EvaluationContext {
  now: number;
  changesAt: number;
}

export function evaluationContext(now: number): EvaluationContext {
  return { now, changesAt: Number.POSITIVE_INFINITY };
}

/** Notes a future moment at which the answer may change. */
export function changesAt(context: EvaluationContext, at: number): void {
  if (at > context.now && at < context.changesAt) context.changesAt = at;
}
