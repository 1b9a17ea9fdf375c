import { eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { activityCompletions, courseCompletions, coursePresence } from './schema.ts';

/** Every completion state recorded in a course (the grid and the filters read this once per request). */
export async function completionsIn(db: Tx, courseId: string) {
  return db
    .select({
      userId: activityCompletions.userId,
      activityId: activityCompletions.activityId,
      state: activityCompletions.state,
      completedAt: activityCompletions.completedAt,
    })
    .from(activityCompletions)
    .where(eq(activityCompletions.courseId, courseId));
}

/** Who completed the course, and when. */
export async function courseCompletionsIn(db: Tx, courseId: string) {
  return db
    .select({ userId: courseCompletions.userId, completedAt: courseCompletions.completedAt })
    .from(courseCompletions)
    .where(eq(courseCompletions.courseId, courseId));
}

/** First and last access, hits and time spent of everyone who came to the course. */
export async function presenceIn(db: Tx, courseId: string) {
  return db
    .select({
      userId: coursePresence.userId,
      firstAt: coursePresence.firstAt,
      lastAt: coursePresence.lastAt,
      hits: coursePresence.hits,
      seconds: coursePresence.seconds,
    })
    .from(coursePresence)
    .where(eq(coursePresence.courseId, courseId));
}

/** What the completion tables know about one person in a course, folded by PostgreSQL (`completionSummaryIn`). */
export type CompletionSummary = {
  userId: string;
  /** Positions (0-based, in the `activityIds` given) of the activities with a recorded state, in no order. */
  positions: number[];
  /** Aligned with `positions`: `c` complete, `f` failed, one character each. */
  codes: string;
  /** Aligned with `positions`: when the state was reached, epoch milliseconds. */
  dates: number[];
  /** How many of the given activities are complete. */
  completed: number;
  courseCompletedAt: Date | null;
  firstAccessAt: Date | null;
  lastAccessAt: Date | null;
  seconds: number;
};

/**
 * Epoch milliseconds of a timestamp, cut (not rounded) to the millisecond as a JavaScript Date is. In
 * double precision (`date_part`), far cheaper per row than `extract`'s numeric: microsecond timestamps
 * around 2026 are exact to ~2.4e-7 s, so adding half a microsecond before `floor` lands on the right
 * millisecond whatever the rounding of the product.
 */
const epochMs = (column: SQL) => sql`floor(date_part('epoch', ${column}) * 1000 + 0.0005)::bigint`;

/**
 * One row per person who has a completion state (among `activityIds`), a course completion or a presence
 * in the course: their states folded by PostgreSQL into one text (`<position><c|f><epoch ms>`, comma
 * separated), plus course completion, first/last access and time spent. One query and one row per person
 * instead of one row per (person, activity) — a session of 1,000 × 60 is ~30,000 completion rows, which
 * cost far more to parse and map in Node than to fold in PostgreSQL. One aggregate per person, without
 * ORDER BY: PostgreSQL 15 sorts each group again for every ordered aggregate, and the positions make
 * the order useless. Dates come back as epoch milliseconds: no date parsing per cell.
 */
export async function completionSummaryIn(
  db: Tx,
  courseId: string,
  activityIds: readonly string[],
): Promise<CompletionSummary[]> {
  const c = activityCompletions;
  const cc = courseCompletions;
  const p = coursePresence;
  const result = await db.execute<{
    user_id: string;
    cells: string | null;
    completed: number | null;
    course_completed_at: string | null;
    first_at: string | null;
    last_at: string | null;
    seconds: number | null;
  }>(sql`
    with tracked as (
      select id, (n - 1)::int as k from unnest(${sql.param([...activityIds])}::uuid[]) with ordinality as t(id, n)
    ),
    states as (
      select ${c.userId} as user_id,
             string_agg(tracked.k || case when ${c.state} = 'complete' then 'c' else 'f' end
                        || ${epochMs(sql`${c.completedAt}`)}, ',') as cells,
             (count(*) filter (where ${c.state} = 'complete'))::int as completed
        from ${c} join tracked on tracked.id = ${c.activityId}
       where ${c.courseId} = ${courseId}
       group by ${c.userId}
    ),
    done as (
      select ${cc.userId} as user_id, ${epochMs(sql`${cc.completedAt}`)} as course_completed_at
        from ${cc} where ${cc.courseId} = ${courseId}
    ),
    presence as (
      select ${p.userId} as user_id, ${epochMs(sql`${p.firstAt}`)} as first_at,
             ${epochMs(sql`${p.lastAt}`)} as last_at, ${p.seconds} as seconds
        from ${p} where ${p.courseId} = ${courseId}
    )
    select user_id, states.cells, states.completed,
           done.course_completed_at, presence.first_at, presence.last_at, presence.seconds
      from states full join done using (user_id) full join presence using (user_id)`);
  // bigint comes back as text (exact): well within a double for epoch milliseconds.
  const date = (ms: string | null) => (ms === null ? null : new Date(Number(ms)));
  return result.rows.map((row) => ({
    userId: row.user_id,
    ...parseCells(row.cells ?? ''),
    completed: row.completed ?? 0,
    courseCompletedAt: date(row.course_completed_at),
    firstAccessAt: date(row.first_at),
    lastAccessAt: date(row.last_at),
    seconds: row.seconds ?? 0,
  }));
}

/** `3c1793000000123,0f1793000000456` → positions, codes and dates, read digit by digit (no regex, no split). */
function parseCells(text: string): Pick<CompletionSummary, 'positions' | 'codes' | 'dates'> {
  const positions: number[] = [];
  const dates: number[] = [];
  let codes = '';
  let i = 0;
  while (i < text.length) {
    let k = 0;
    let ch = text.charCodeAt(i);
    while (ch >= 48 && ch <= 57) {
      k = k * 10 + ch - 48;
      ch = text.charCodeAt(++i);
    }
    codes += text[i++];
    let ms = 0;
    ch = text.charCodeAt(i);
    while (ch >= 48 && ch <= 57) {
      ms = ms * 10 + ch - 48;
      ch = text.charCodeAt(++i);
    }
    i++; // the comma
    positions.push(k);
    dates.push(ms);
  }
  return { positions, codes, dates };
}

/**
 * SQL true when the person completed the activity (state `complete`; `failed` is not done). For the
 * set-based statements of other modules, as `inAudience` is: "continue where I stopped" reads it over
 * every activity of every course of Mon espace at once.
 */
export function completedBy(activityId: SQL, userId: SQL): SQL {
  return sql`exists (select 1 from activity_completions ac
    where ac.activity_id = ${activityId} and ac.user_id = ${userId} and ac.state = 'complete')`;
}
