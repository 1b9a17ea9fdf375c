/** Every page of the app, under the DSFR frame. French URLs. */
import { createBrowserRouter } from 'react-router';
import { ActivityEditPage } from '../features/activities/ActivityEditPage.tsx';
import { ActivityViewPage } from '../features/activities/ActivityViewPage.tsx';
import { DomainsPage } from '../features/admin-domains/DomainsPage.tsx';
import { VideoHostsPage } from '../features/admin-settings/VideoHostsPage.tsx';
import { UserCreatePage } from '../features/admin-users/UserCreatePage.tsx';
import { UserDetailPage } from '../features/admin-users/UserDetailPage.tsx';
import { UsersPage } from '../features/admin-users/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';
import { CohortDetailPage } from '../features/cohorts/CohortDetailPage.tsx';
import { CohortsPage } from '../features/cohorts/CohortsPage.tsx';
import { CompletionSettingsPage } from '../features/completion/CompletionSettingsPage.tsx';
import { CourseCreatePage } from '../features/courses/CourseCreatePage.tsx';
import { CoursePage } from '../features/courses/CoursePage.tsx';
import { CourseSettingsPage } from '../features/courses/CourseSettingsPage.tsx';
import { GroupsPage } from '../features/enrolment/GroupsPage.tsx';
import { ParticipantsPage } from '../features/enrolment/ParticipantsPage.tsx';
import { AttendancePage } from '../features/followup/AttendancePage.tsx';
import { FollowupPage } from '../features/followup/FollowupPage.tsx';
import { RemindersPage } from '../features/followup/RemindersPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { HubPage } from '../features/hub/HubPage.tsx';
import {
  AccessibilityPage,
  CookiesPage,
  LegalNoticePage,
  PersonalDataPage,
} from '../features/legal/LegalPages.tsx';
import { MailDetailPage } from '../features/mail/MailDetailPage.tsx';
import { MailPage } from '../features/mail/MailPage.tsx';
import { AlertsPage } from '../features/offers/AlertsPage.tsx';
import { CataloguePage } from '../features/offers/CataloguePage.tsx';
import { DemoViewPage } from '../features/offers/DemoViewPage.tsx';
import { PresentationPage } from '../features/offers/PresentationPage.tsx';
import { UnsubscribePage } from '../features/offers/UnsubscribePage.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { IndexationPage } from '../features/workflow/IndexationPage.tsx';
import { LifecyclePage } from '../features/workflow/LifecyclePage.tsx';
import { TrashPage } from '../features/workflow/TrashPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAuth, RequireCapability } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';

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
