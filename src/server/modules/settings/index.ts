/** The settings module's public face: what other modules may use. */

export { settingsCapabilities } from './policy.ts';
export {
  DEFAULT_MESSAGING_LIMITS,
  getVersionedSetting,
  MESSAGING_LIMITS_KEY,
  type MessagingLimits,
  messagingLimits,
  setSetting,
  videoHosts,
} from './service.ts';
