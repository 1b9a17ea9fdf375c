/**
 * How a kind reports what a person did in an activity — submitted, was graded, met the kind's own rule —
 * for completion to record. The completion module sits above the kinds (it reads their contract), so it
 * lends its recorder here at start-up (`recordOutcomesWith`, runtime.ts) instead of the kinds importing it.
 */
import type { Tx } from '../../platform/db/index.ts';

export type ActivityOutcome = {
  userId: string;
  activityId: string;
  /** The person submitted (true) or withdrew their submission (false): rule `submit`. */
  submitted?: boolean;
  /** Their grade in percent (0–100), or null when removed: rule `grade`, against the pass grade. */
  grade?: number | null;
  /** Whether the kind's own rule holds: rule `kind`. */
  complete?: boolean;
  /** When it happened: the request's or the job's instant. */
  now: Date;
};

/** A person's state on an activity as completion records it; null: not done. */
export type OutcomeState = 'complete' | 'failed' | null;

type Recorder = (tx: Tx, outcome: ActivityOutcome) => Promise<OutcomeState>;

let recorder: Recorder | undefined;

/** Completion's recorder of outcomes; one for the whole platform. */
export function recordOutcomesWith(record: Recorder) {
  if (recorder && recorder !== record) throw new Error('a recorder of activity outcomes is already set');
  recorder = record;
}

/**
 * Reports what a person did, in the kind's transaction. Only what matches the activity's rule counts (a
 * grade means nothing to a `submit` rule), and a trainer's override stands. Returns the state now recorded.
 */
export function reportActivityOutcome(tx: Tx, outcome: ActivityOutcome): Promise<OutcomeState> {
  if (!recorder) throw new Error('no recorder of activity outcomes: the completion module is not loaded');
  return recorder(tx, outcome);
}
