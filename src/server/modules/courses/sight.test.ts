/**
 * What of a course each reader is shown (visibility.ts), the rule the course page, an activity's routes,
 * progress, Mon espace and the offer's demonstration share.
 */
import { describe, expect, it } from 'vitest';
import { courseShown, opensLater, shown } from './visibility.ts';

const now = new Date('2026-12-01T10:00:00Z');
const later = new Date('2026-12-02T10:00:00Z');
const earlier = new Date('2026-11-30T10:00:00Z');
const item = (visibility: 'visible' | 'hidden', availableFrom: Date | null = null) => ({
  visibility,
  availableFrom,
});

describe('sights', () => {
  it('shows learners what is visible and open, everything to who sees all, the visible to a showcase', () => {
    const cases = [item('visible'), item('visible', earlier), item('visible', later), item('hidden')];
    expect(cases.map((c) => shown('learner', c, now))).toEqual([true, true, false, false]);
    expect(cases.map((c) => shown('all', c, now))).toEqual([true, true, true, true]);
    expect(cases.map((c) => shown('showcase', c, now))).toEqual([true, true, true, false]);
  });

  it('says when something kept from learners by its date alone opens', () => {
    expect(opensLater('learner', item('visible', later), now)).toEqual(later);
    expect(opensLater('learner', item('hidden', later), now)).toBeUndefined();
    expect(opensLater('learner', item('visible', earlier), now)).toBeUndefined();
    expect(opensLater('all', item('visible', later), now)).toBeUndefined();
  });

  it('opens a course to learners at a stage open to them only', () => {
    const course = (stage: 'construction' | 'session_preparation' | 'session_running' | 'trash') => ({
      stage,
      ...item('visible'),
    });
    expect(courseShown('learner', course('session_running'), now)).toBe(true);
    expect(courseShown('learner', course('construction'), now)).toBe(true);
    expect(courseShown('learner', course('session_preparation'), now)).toBe(false);
    expect(courseShown('learner', course('trash'), now)).toBe(false);
    expect(courseShown('learner', { stage: 'session_running', ...item('visible', later) }, now)).toBe(false);
    expect(courseShown('showcase', course('session_preparation'), now)).toBe(true);
    expect(courseShown('all', { stage: 'template', ...item('hidden') }, now)).toBe(true);
  });
});
