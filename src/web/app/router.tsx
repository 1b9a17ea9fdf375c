/** Every page of the app, under the DSFR frame. French URLs. */
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { lazyPage } from './lazy.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAuth, RequireCapability } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';

// Every page is a chunk of its own, loaded when first shown with the namespaces of strings it draws besides
// `common` (Layout's Suspense waits for both; `i18n.test.ts` checks each list against the page's keys).
const ActivityEditPage = lazyPage(
  () => import('../features/activities/ActivityEditPage.tsx'),
  'ActivityEditPage',
  ['courses', 'activities', 'editor', 'completion', 'audience'],
);
const ActivityViewPage = lazyPage(
  () => import('../features/activities/ActivityViewPage.tsx'),
  'ActivityViewPage',
  ['courses', 'activities', 'editor', 'completion', 'audience'],
);
const DomainsPage = lazyPage(() => import('../features/admin-domains/DomainsPage.tsx'), 'DomainsPage', [
  'admin',
]);
const VideoHostsPage = lazyPage(
  () => import('../features/admin-settings/VideoHostsPage.tsx'),
  'VideoHostsPage',
  ['admin'],
);
const UserCreatePage = lazyPage(
  () => import('../features/admin-users/UserCreatePage.tsx'),
  'UserCreatePage',
  ['users'],
);
const UserDetailPage = lazyPage(
  () => import('../features/admin-users/UserDetailPage.tsx'),
  'UserDetailPage',
  ['users'],
);
const UsersPage = lazyPage(() => import('../features/admin-users/UsersPage.tsx'), 'UsersPage', ['users']);
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage', ['users', 'admin']);
const ForgotPasswordPage = lazyPage(
  () => import('../features/auth/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
  ['auth'],
);
const LoginPage = lazyPage(() => import('../features/auth/LoginPage.tsx'), 'LoginPage', ['auth']);
const ResetPasswordPage = lazyPage(
  () => import('../features/auth/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
  ['auth'],
);
const CohortDetailPage = lazyPage(
  () => import('../features/cohorts/CohortDetailPage.tsx'),
  'CohortDetailPage',
  ['cohorts'],
);
const CohortsPage = lazyPage(() => import('../features/cohorts/CohortsPage.tsx'), 'CohortsPage', ['cohorts']);
const CompletionSettingsPage = lazyPage(
  () => import('../features/completion/CompletionSettingsPage.tsx'),
  'CompletionSettingsPage',
  ['activities', 'editor', 'completion'],
);
const CourseCreatePage = lazyPage(
  () => import('../features/courses/CourseCreatePage.tsx'),
  'CourseCreatePage',
  ['courses', 'editor'],
);
const CoursePage = lazyPage(() => import('../features/courses/CoursePage.tsx'), 'CoursePage', [
  'courses',
  'activities',
  'editor',
  'completion',
  'lifecycle',
  'audience',
  'selfEnrolment',
]);
const CourseSettingsPage = lazyPage(
  () => import('../features/courses/CourseSettingsPage.tsx'),
  'CourseSettingsPage',
  ['courses', 'editor'],
);
const GroupsPage = lazyPage(() => import('../features/enrolment/GroupsPage.tsx'), 'GroupsPage', [
  'enrolment',
]);
const ParticipantsPage = lazyPage(
  () => import('../features/enrolment/ParticipantsPage.tsx'),
  'ParticipantsPage',
  ['enrolment'],
);
const AttendancePage = lazyPage(() => import('../features/followup/AttendancePage.tsx'), 'AttendancePage', [
  'audience',
  'followup',
]);
const FollowupPage = lazyPage(() => import('../features/followup/FollowupPage.tsx'), 'FollowupPage', [
  'audience',
  'followup',
]);
const RemindersPage = lazyPage(() => import('../features/followup/RemindersPage.tsx'), 'RemindersPage', [
  'followup',
]);
const HomePage = lazyPage(() => import('../features/home/HomePage.tsx'), 'HomePage', [
  'home',
  'courses',
  'activities',
  'editor',
  'completion',
  'audience',
]);
const HubPage = lazyPage(() => import('../features/hub/HubPage.tsx'), 'HubPage', ['hub']);
const AccessibilityPage = lazyPage(() => import('../features/legal/LegalPages.tsx'), 'AccessibilityPage', [
  'legal',
]);
const CookiesPage = lazyPage(() => import('../features/legal/LegalPages.tsx'), 'CookiesPage', ['legal']);
const LegalNoticePage = lazyPage(() => import('../features/legal/LegalPages.tsx'), 'LegalNoticePage', [
  'legal',
]);
const PersonalDataPage = lazyPage(() => import('../features/legal/LegalPages.tsx'), 'PersonalDataPage', [
  'legal',
]);
const MailDetailPage = lazyPage(() => import('../features/mail/MailDetailPage.tsx'), 'MailDetailPage', [
  'admin',
]);
const MailboxPage = lazyPage(() => import('../features/messaging/MailboxPage.tsx'), 'MailboxPage', [
  'messaging',
]);
const MessagePage = lazyPage(() => import('../features/messaging/MessagePage.tsx'), 'MessagePage', [
  'messaging',
  'editor',
]);
const ComposePage = lazyPage(() => import('../features/messaging/ComposePage.tsx'), 'ComposePage', [
  'messaging',
  'editor',
]);
const MailPage = lazyPage(() => import('../features/mail/MailPage.tsx'), 'MailPage', ['admin']);
const AlertsPage = lazyPage(() => import('../features/offers/AlertsPage.tsx'), 'AlertsPage', [
  'indexation',
  'offers',
]);
const CataloguePage = lazyPage(() => import('../features/offers/CataloguePage.tsx'), 'CataloguePage', [
  'indexation',
  'offerCatalogue',
]);
const DemoViewPage = lazyPage(() => import('../features/offers/DemoViewPage.tsx'), 'DemoViewPage', [
  'courses',
  'activities',
  'editor',
  'completion',
  'offers',
  'audience',
]);
const PresentationPage = lazyPage(
  () => import('../features/offers/PresentationPage.tsx'),
  'PresentationPage',
  ['editor', 'indexation', 'offerCatalogue', 'offers', 'selfEnrolment'],
);
const UnsubscribePage = lazyPage(() => import('../features/offers/UnsubscribePage.tsx'), 'UnsubscribePage', [
  'offers',
]);
const ErasureRequestsPage = lazyPage(
  () => import('../features/privacy/ErasureRequestsPage.tsx'),
  'ErasureRequestsPage',
  ['privacy'],
);
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage', [
  'profile',
  'privacy',
]);
const NotificationsPage = lazyPage(
  () => import('../features/notifications/NotificationsPage.tsx'),
  'NotificationsPage',
  ['notifications'],
);
const NotificationPreferencesPage = lazyPage(
  () => import('../features/notifications/PreferencesPage.tsx'),
  'PreferencesPage',
  ['notifications', 'profile'],
);
const IndexationPage = lazyPage(() => import('../features/workflow/IndexationPage.tsx'), 'IndexationPage', [
  'editor',
  'lifecycle',
  'indexation',
]);
const LifecyclePage = lazyPage(() => import('../features/workflow/LifecyclePage.tsx'), 'LifecyclePage', [
  'lifecycle',
  'offers',
  'hub',
]);
const TrashPage = lazyPage(() => import('../features/workflow/TrashPage.tsx'), 'TrashPage', ['lifecycle']);

const USERS = ['user:view', 'user:manage'];

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: 'connexion', element: <LoginPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: 'reinitialiser-mot-de-passe', element: <ResetPasswordPage /> },
      { path: 'accessibilite', element: <AccessibilityPage /> },
      { path: 'mentions-legales', element: <LegalNoticePage /> },
      { path: 'donnees-personnelles', element: <PersonalDataPage /> },
      { path: 'gestion-des-cookies', element: <CookiesPage /> },
      // The offer is public: anyone may search it and read an offer before logging in to enrol.
      { path: 'offres', element: <CataloguePage /> },
      { path: 'offres/:number', element: <PresentationPage /> },
      { path: 'offres/:number/demo', element: <DemoViewPage /> },
      { path: 'offres/desabonnement', element: <UnsubscribePage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'profil', element: <ProfilePage /> },
          { path: 'messagerie', element: <MailboxPage /> },
          { path: 'messagerie/ecrire', element: <ComposePage /> },
          { path: 'messagerie/:id', element: <MessagePage /> },
          { path: 'profil/notifications', element: <NotificationPreferencesPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'offres/alertes', element: <AlertsPage /> },
          {
            path: 'parcours/nouveau',
            element: (
              <RequireCapability anyOf={['course:create']}>
                <CourseCreatePage />
              </RequireCapability>
            ),
          },
          { path: 'parcours/:id', element: <CoursePage /> },
          { path: 'parcours/:id/parametres', element: <CourseSettingsPage /> },
          { path: 'parcours/:id/cycle-de-vie', element: <LifecyclePage /> },
          { path: 'parcours/:id/indexation', element: <IndexationPage /> },
          {
            path: 'reseau-des-concepteurs',
            element: (
              <RequireCapability anyOf={['hub:search']}>
                <HubPage />
              </RequireCapability>
            ),
          },
          {
            path: 'corbeille',
            element: (
              <RequireCapability anyOf={['course:delete']}>
                <TrashPage />
              </RequireCapability>
            ),
          },
          { path: 'parcours/:id/achevement', element: <CompletionSettingsPage /> },
          { path: 'parcours/:id/participants', element: <ParticipantsPage /> },
          { path: 'parcours/:id/groupes', element: <GroupsPage /> },
          { path: 'parcours/:id/activite/nouvelle', element: <ActivityEditPage /> },
          { path: 'parcours/:id/activite/:activityId', element: <ActivityViewPage /> },
          { path: 'parcours/:id/activite/:activityId/modifier', element: <ActivityEditPage /> },
          { path: 'parcours/:id/suivi', element: <FollowupPage /> },
          { path: 'parcours/:id/relances', element: <RemindersPage /> },
          { path: 'parcours/:id/attestation', element: <AttendancePage /> },
          {
            path: 'admin/utilisateurs',
            element: (
              <RequireCapability anyOf={USERS}>
                <UsersPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/utilisateurs/nouveau',
            element: (
              <RequireCapability anyOf={['user:manage']}>
                <UserCreatePage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/utilisateurs/:id',
            element: (
              <RequireCapability anyOf={USERS}>
                <UserDetailPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/domaines',
            element: (
              <RequireCapability anyOf={['domain:manage']}>
                <DomainsPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/hebergeurs-video',
            element: (
              <RequireCapability anyOf={['platform:configure']}>
                <VideoHostsPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/cohortes',
            element: (
              <RequireCapability anyOf={['cohort:manage']}>
                <CohortsPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/cohortes/:id',
            element: (
              <RequireCapability anyOf={['cohort:manage']}>
                <CohortDetailPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/journal',
            element: (
              <RequireCapability anyOf={['audit:view']}>
                <AuditPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/demandes-de-suppression',
            element: (
              <RequireCapability anyOf={['privacy:decide_erasure']}>
                <ErasureRequestsPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/courriels',
            element: (
              <RequireCapability anyOf={['mail:view']}>
                <MailPage />
              </RequireCapability>
            ),
          },
          {
            path: 'admin/courriels/:id',
            element: (
              <RequireCapability anyOf={['mail:view']}>
                <MailDetailPage />
              </RequireCapability>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
