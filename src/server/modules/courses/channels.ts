/**
 * The activities' realtime channels, `activity:<activityId>:<name>`: each kind declares its own in its
 * contract (`channels`), with the capability a reader must hold in the activity's context. The course
 * engine serves them because it knows both the kinds and who may see an activity now (visibility,
 * audience); it registers the prefix with the platform at start-up (runtime.ts).
 */
import { z } from 'zod';
import { can } from '../../platform/access/can.ts';
import type { Capability } from '../../platform/access/capabilities.ts';
import type { Db } from '../../platform/db/index.ts';
import { defineChannel } from '../../platform/realtime/channels.ts';
import { activityKind } from '../activities/index.ts';
import { activityContextId, findActivity } from './service.ts';
import { visibleActivity } from './visibility.ts';

const Rest = z.tuple([z.uuid(), z.string().regex(/^[a-z][a-z0-9-]{0,40}$/)]);

/** The name of an activity's channel, for the kind that publishes on it. */
export const activityChannel = (activityId: string, name: string) => `activity:${activityId}:${name}`;

const activityChannels = {
  authorize: async (ctx: Parameters<typeof visibleActivity>[0], rest: string) => {
    const parsed = Rest.safeParse(rest.split(':'));
    if (!parsed.success) return false;
    const [activityId, name] = parsed.data;
    // An activity the actor may not see now does not exist for them (visibleActivity throws a 404).
    const activity = await visibleActivity(ctx, activityId);
    const channel = activityKind(activity.kind)?.channels?.[name];
    if (!channel) return false;
    const contextId = await activityContextId(ctx.db, activity.id);
    return contextId !== undefined && can(ctx.db, ctx.actor, channel.capability as Capability, contextId);
  },
  presence: async (db: Db, rest: string) => {
    const [activityId = '', name = ''] = rest.split(':');
    const activity = await findActivity(db, activityId);
    return (activity && activityKind(activity.kind)?.channels?.[name]?.presence) ?? 'people';
  },
};

export function serveActivityChannels() {
  defineChannel('activity', activityChannels);
}
