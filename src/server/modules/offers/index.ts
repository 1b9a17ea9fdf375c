/** The offers module's public face: what other modules may use. */
export {
  courseOfferToDeploy,
  type OfferVersionRow,
  offerById,
  offerVersionsOf,
  searchCourseOffers,
} from './course-offer.ts';
export { subscriptionPersonalData } from './subscriptions.ts';
