/** Platform settings: the hosts whose videos the Video activity may embed. */
import { get, ifMatch, send } from './client.ts';

export type { VideoHostsSetting } from '../../shared/api.ts';

export const settingsKeys = { videoHosts: ['admin', 'video-hosts'] as const };

export const getVideoHosts = () => get('/api/admin/video-hosts', (c) => c.api.VideoHostsSetting);

/** The whole list, conditional on the version shown (409 `stale_version` when another admin changed it). */
export const saveVideoHosts = (hosts: string[], version: number) =>
  send('PUT', '/api/admin/video-hosts', {
    body: { hosts },
    headers: ifMatch(version),
    answer: (c) => c.api.VideoHostsSetting,
  });
