/** Every page of the app, under the DSFR frame. French URLs. */
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { lazyNamed } from './lazy.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAuth, RequireCapability } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';

// Every page is a chunk of its own, loaded when first shown (Layout's Suspense waits for it).
const ActivityEditPage = lazyNamed(
  () => import('../features/activities/ActivityEditPage.tsx'),
  'ActivityEditPage',
);
const ActivityViewPage = lazyNamed(
  () => import('../features/activities/ActivityViewPage.tsx'),
  'ActivityViewPage',
);
const DomainsPage = lazyNamed(() => import('../features/admin-domains/DomainsPage.tsx'), 'DomainsPage');
const VideoHostsPage = lazyNamed(
  () => import('../features/admin-settings/VideoHostsPage.tsx'),
  'VideoHostsPage',
);
const UserCreatePage = lazyNamed(
  () => import('../features/admin-users/UserCreatePage.tsx'),
  'UserCreatePage',
);
const UserDetailPage = lazyNamed(
  () => import('../features/admin-users/UserDetailPage.tsx'),
  'UserDetailPage',
);
const UsersPage = lazyNamed(() => import('../features/admin-users/UsersPage.tsx'), 'UsersPage');
const AuditPage = lazyNamed(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const ForgotPasswordPage = lazyNamed(
  () => import('../features/auth/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const LoginPage = lazyNamed(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const ResetPasswordPage = lazyNamed(
  () => import('../features/auth/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const CohortDetailPage = lazyNamed(
  () => import('../features/cohorts/CohortDetailPage.tsx'),
  'CohortDetailPage',
);
const CohortsPage = lazyNamed(() => import('../features/cohorts/CohortsPage.tsx'), 'CohortsPage');
const CompletionSettingsPage = lazyNamed(
  () => import('../features/completion/CompletionSettingsPage.tsx'),
  'CompletionSettingsPage',
);
const CourseCreatePage = lazyNamed(
  () => import('../features/courses/CourseCreatePage.tsx'),
  'CourseCreatePage',
);
const CoursePage = lazyNamed(() => import('../features/courses/CoursePage.tsx'), 'CoursePage');
const CourseSettingsPage = lazyNamed(
  () => import('../features/courses/CourseSettingsPage.tsx'),
  'CourseSettingsPage',
);
const GroupsPage = lazyNamed(() => import('../features/enrolment/GroupsPage.tsx'), 'GroupsPage');
const ParticipantsPage = lazyNamed(
  () => import('../features/enrolment/ParticipantsPage.tsx'),
  'ParticipantsPage',
);
const AttendancePage = lazyNamed(() => import('../features/followup/AttendancePage.tsx'), 'AttendancePage');
const FollowupPage = lazyNamed(() => import('../features/followup/FollowupPage.tsx'), 'FollowupPage');
const RemindersPage = lazyNamed(() => import('../features/followup/RemindersPage.tsx'), 'RemindersPage');
const HomePage = lazyNamed(() => import('../features/home/HomePage.tsx'), 'HomePage');
const HubPage = lazyNamed(() => import('../features/hub/HubPage.tsx'), 'HubPage');
const AccessibilityPage = lazyNamed(() => import('../features/legal/LegalPages.tsx'), 'AccessibilityPage');
const CookiesPage = lazyNamed(() => import('../features/legal/LegalPages.tsx'), 'CookiesPage');
const LegalNoticePage = lazyNamed(() => import('../features/legal/LegalPages.tsx'), 'LegalNoticePage');
const PersonalDataPage = lazyNamed(() => import('../features/legal/LegalPages.tsx'), 'PersonalDataPage');
const MailDetailPage = lazyNamed(() => import('../features/mail/MailDetailPage.tsx'), 'MailDetailPage');
const MailPage = lazyNamed(() => import('../features/mail/MailPage.tsx'), 'MailPage');
const AlertsPage = lazyNamed(() => import('../features/offers/AlertsPage.tsx'), 'AlertsPage');
const CataloguePage = lazyNamed(() => import('../features/offers/CataloguePage.tsx'), 'CataloguePage');
const DemoViewPage = lazyNamed(() => import('../features/offers/DemoViewPage.tsx'), 'DemoViewPage');
const PresentationPage = lazyNamed(
  () => import('../features/offers/PresentationPage.tsx'),
  'PresentationPage',
);
const UnsubscribePage = lazyNamed(() => import('../features/offers/UnsubscribePage.tsx'), 'UnsubscribePage');
const ErasureRequestsPage = lazyNamed(
  () => import('../features/privacy/ErasureRequestsPage.tsx'),
  'ErasureRequestsPage',
);
const ProfilePage = lazyNamed(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');
const IndexationPage = lazyNamed(() => import('../features/workflow/IndexationPage.tsx'), 'IndexationPage');
const LifecyclePage = lazyNamed(() => import('../features/workflow/LifecyclePage.tsx'), 'LifecyclePage');
const TrashPage = lazyNamed(() => import('../features/workflow/TrashPage.tsx'), 'TrashPage');

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
