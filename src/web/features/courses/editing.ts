/** Changes to a course's structure, applied to the cached page at once and then sent to the server. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  type CoursePage,
  courseKeys,
  deleteSection,
  moveActivity,
  orderSections,
  type Section,
  updateActivity,
  updateSection,
} from '../../api/courses.ts';

export type Visibility = 'visible' | 'hidden';

export function useCourseEditing(courseId: string, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const key = courseKeys.page(courseId);

  const optimistic = useCallback(
    async (update: (page: CoursePage) => CoursePage, send: () => Promise<unknown>) => {
      const previous = queryClient.getQueryData<CoursePage>(key);
      if (previous) queryClient.setQueryData<CoursePage>(key, update(previous));
      try {
        await send();
      } catch (error) {
        if (previous) queryClient.setQueryData(key, previous);
        onError(error);
        throw error;
      } finally {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
    [queryClient, key, onError],
  );

  const withSections = (page: CoursePage, sections: Section[]): CoursePage => ({ ...page, sections });

  return {
    /** Puts the sections in this order. */
    orderSections: (ids: string[]) =>
      optimistic(
        (page) =>
          withSections(
            page,
            ids.map((id) => page.sections.find((s) => s.id === id)).filter((s): s is Section => Boolean(s)),
          ),
        () => orderSections(courseId, ids),
      ),
    /** Moves an activity to `position` in the section `sectionId` (index once removed from where it was). */
    moveActivity: (activityId: string, sectionId: string, position: number) =>
      optimistic(
        (page) => {
          const moving = page.sections.flatMap((s) => s.activities).find((a) => a.id === activityId);
          if (!moving) return page;
          const without = page.sections.map((s) => ({
            ...s,
            activities: s.activities.filter((a) => a.id !== activityId),
          }));
          return withSections(
            page,
            without.map((s) => {
              if (s.id !== sectionId) return s;
              const activities = [...s.activities];
              activities.splice(position, 0, { ...moving, sectionId });
              return { ...s, activities };
            }),
          );
        },
        () => moveActivity(activityId, { sectionId, position }),
      ),
    // The eye buttons send no version (If-Match): they change one field to what the person sees and
    // clicks, overwriting nothing typed; the server still moves the version on, so an edit form opened
    // before then is told its save is stale.
    setSectionVisibility: (sectionId: string, visibility: Visibility) =>
      optimistic(
        (page) =>
          withSections(
            page,
            page.sections.map((s) => (s.id === sectionId ? { ...s, visibility } : s)),
          ),
        () => updateSection(sectionId, { visibility }),
      ),
    setActivityVisibility: (activityId: string, visibility: Visibility) =>
      optimistic(
        (page) =>
          withSections(
            page,
            page.sections.map((s) => ({
              ...s,
              activities: s.activities.map((a) => (a.id === activityId ? { ...a, visibility } : a)),
            })),
          ),
        () => updateActivity(activityId, { visibility }),
      ),
    deleteSection: (sectionId: string) =>
      optimistic(
        (page) =>
          withSections(
            page,
            page.sections.filter((s) => s.id !== sectionId),
          ),
        () => deleteSection(sectionId),
      ),
    refresh: () => queryClient.invalidateQueries({ queryKey: key }),
  };
}
