import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { enrolments } from './schema.ts';
import { holdings, newCourse, newPeople, setStage } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const url = (course: string) => `/api/courses/${course}/self-enrolment`;

describe('self-enrolment', () => {
  it('is open only in a running session that accepts it, up to its number of seats', async () => {
    const course = await newCourse(t, 'Session ouverte');
    const people = await newPeople(t, 'auto', 3, 'ac-bordeaux');
    const [first, second, third] = await Promise.all(people.map((p) => t.as(p.email)));

    // A parcours in construction is not a session.
    let problem = problemOf(await first!.post(url(course)));
    expect([problem.status, problem.body.code]).toEqual([409, 'session_not_running']);
    expect(problem.body.title).toBe('Cette session n’est pas ouverte aux inscriptions.');
    expect((await first!.get(url(course))).json()).toMatchObject({
      enrolled: false,
      canEnrol: false,
      reason: 'sessionNotRunning',
      // A course one may not join is not named.
      title: null,
    });

    // A session in preparation is not open yet.
    await setStage(t, course, 'session_preparation', { selfEnrolment: true, maxParticipants: 2 });
    expect(problemOf(await first!.post(url(course))).body.code).toBe('session_not_running');

    // Running, but without self-enrolment.
    await setStage(t, course, 'session_running', { selfEnrolment: false, maxParticipants: 2 });
    problem = problemOf(await first!.post(url(course)));
    expect([problem.status, problem.body.code]).toEqual([409, 'self_enrolment_off']);
    expect(problem.body.title).toMatch(/auto-inscription/);
    expect(await holdings(t, course)).toMatchObject({ enrolments: 0 });

    // Open: two seats.
    await setStage(t, course, 'session_running', { selfEnrolment: true, maxParticipants: 2 });
    expect((await first!.get(url(course))).json()).toEqual({
      enrolled: false,
      canEnrol: true,
      canUnenrol: false,
      reason: null,
      seatsLeft: 2,
      title: 'Session ouverte',
    });
    expect((await first!.get(`/api/courses/${course}`)).statusCode).toBe(403);
    const enrolled = await first!.post(url(course));
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json()).toMatchObject({ enrolled: true, canUnenrol: true, seatsLeft: 1 });
    expect((await first!.get(`/api/courses/${course}`)).statusCode).toBe(200);
    const [row] = await t.db.select().from(enrolments).where(eq(enrolments.userId, people[0]!.id));
    expect(row).toMatchObject({ method: 'self', role: 'participant', status: 'active' });
    expect(problemOf(await first!.post(url(course))).body.code).toBe('already_enrolled');

    expect((await second!.post(url(course))).statusCode).toBe(200);
    problem = problemOf(await third!.post(url(course)));
    expect([problem.status, problem.body.code]).toEqual([409, 'session_full']);
    expect(problem.body.title).toMatch(/complète/);
    expect(await holdings(t, course)).toMatchObject({ active: 2 });

    // A seat freed by self-unenrolment is taken by the next person.
    const left = await second!.delete(url(course));
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ enrolled: false, canEnrol: true, seatsLeft: 1 });
    expect((await second!.get(`/api/courses/${course}`)).statusCode).toBe(403);
    expect((await third!.post(url(course))).statusCode).toBe(200);
    expect(await holdings(t, course)).toMatchObject({ enrolments: 3, active: 2 });
  });

  it('does not let people leave an enrolment made by the trainers, nor one they do not have', async () => {
    const course = await newCourse(t, 'Session imposée');
    await setStage(t, course, 'session_running', { selfEnrolment: true });
    const [person] = await newPeople(t, 'impose', 1);
    const trainer = await t.as('formateur@magistere.test');
    const learner = await t.as(person!.email);
    expect(problemOf(await learner.delete(url(course))).body.code).toBe('not_enrolled');
    await trainer.post(`/api/courses/${course}/enrolments`, { role: 'participant', emails: [person!.email] });
    expect((await learner.get(url(course))).json()).toMatchObject({ enrolled: true, canUnenrol: false });
    const refused = problemOf(await learner.delete(url(course)));
    expect([refused.status, refused.body.code]).toEqual([409, 'self_unenrol_refused']);
    expect(await holdings(t, course)).toMatchObject({ active: 1 });
  });

  it('needs a session and a signed-in person', async () => {
    const course = await newCourse(t, 'Anonyme');
    await setStage(t, course, 'session_running', { selfEnrolment: true });
    expect((await t.anonymous().post(url(course))).statusCode).toBe(401);
    const participant = await t.as('participant@magistere.test');
    expect((await participant.post(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await participant.post(url('pas-un-id'))).statusCode).toBe(400);
  });
});
