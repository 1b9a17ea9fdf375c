/**
 * The follow-up's uncached read, step by step and in-process (no HTTP, no cache): the same data as
 * `followup-grid` (1,000 participants × 60 tracked activities), then each read helper timed alone, in
 * sequence, `BENCH_READS` times (default 30), and the whole `loadCourseData`. Prints median and p95 per
 * step, and the per-cell completion read (`completionsIn` + `courseCompletionsIn` + `presenceIn`) the
 * grid used before `completionSummaryIn`, for comparison on the same machine at the same time.
 *
 * Run: `npm run bench -- followup-read`; BENCH_PARTICIPANTS, BENCH_ACTIVITIES as for `followup-grid`.
 */
import { performance } from 'node:perf_hooks';
import { findUsersByIds } from '../src/server/modules/accounts/service.ts';
import {
  completionSummaryIn,
  completionsIn,
  courseCompletionsIn,
  presenceIn,
} from '../src/server/modules/completion/queries.ts';
import { trackedActivities } from '../src/server/modules/courses/criteria.ts';
import { enrolledPeople, groupsIn } from '../src/server/modules/enrolment/queries.ts';
import { loadCourseData } from '../src/server/modules/followup/grid.ts';
import { connect } from '../src/server/platform/db/index.ts';
import { addFollowupData } from './followup-grid.ts';
import { createDatabase, generateCourse } from './lib/generate.ts';
import { count, startTarget } from './lib/harness.ts';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function run(): Promise<number> {
  const participants = count('BENCH_PARTICIPANTS', 1000, 40);
  const activities = count('BENCH_ACTIVITIES', 60, 12);
  const reads = count('BENCH_READS', 30, 3);
  const database = await createDatabase();
  try {
    // The server migrates and seeds the database, then stops: the reads run here.
    const target = await startTarget({ env: { DATABASE_URL: database.url, JOBS: 'false' } });
    let courseId: string;
    try {
      const perSection = Math.min(activities, 12);
      const course = await generateCourse(database.url, {
        sections: Math.ceil(activities / perSection),
        activitiesPerSection: perSection,
        participants,
      });
      courseId = course.courseId;
      await addFollowupData(database.url, courseId, activities);
    } finally {
      await target.stop();
    }
    const { db, close } = connect(database.url, 4);
    try {
      const ids = (await trackedActivities(db, courseId)).map((a) => a.id);
      const userIds = (await enrolledPeople(db, courseId)).map((e) => e.userId);
      const steps: [string, () => Promise<unknown>][] = [
        ['enrolledPeople', () => enrolledPeople(db, courseId)],
        ['trackedActivities', () => trackedActivities(db, courseId)],
        ['completionSummaryIn', () => completionSummaryIn(db, courseId, ids)],
        ['groupsIn', () => groupsIn(db, courseId)],
        ['findUsersByIds (profiles)', () => findUsersByIds(db, userIds)],
        ['loadCourseData (all of it)', () => loadCourseData(db, courseId)],
        [
          'before: completionsIn + courseCompletionsIn + presenceIn',
          () =>
            Promise.all([
              completionsIn(db, courseId),
              courseCompletionsIn(db, courseId),
              presenceIn(db, courseId),
            ]),
        ],
      ];
      for (const [, step] of steps) await step(); // warm-up: connections, plans, JIT
      const figures: Record<string, { medianMs: number; p95Ms: number }> = {};
      for (const [name, step] of steps) {
        const times: number[] = [];
        for (let i = 0; i < reads; i++) {
          const start = performance.now();
          await step();
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        figures[name] = {
          medianMs: Math.round(quantile(times, 0.5) * 10) / 10,
          p95Ms: Math.round(quantile(times, 0.95) * 10) / 10,
        };
        console.error(
          `${name.padEnd(60)} médiane ${figures[name].medianMs} ms, p95 ${figures[name].p95Ms} ms`,
        );
      }
      console.log(JSON.stringify({ bench: 'followup-read', participants, activities, reads, figures }));
      return 0;
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.main) process.exitCode = await run();
