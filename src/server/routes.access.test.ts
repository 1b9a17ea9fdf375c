/**
 * Every route, an allowed and a refused actor. The last test fails when a route is added without a row
 * here, so access is tested for every route by construction.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFingerprint } from './modules/accounts/passwords.ts';
import { passwordTokens, users } from './modules/accounts/schema.ts';
import { multipart, samples, upload } from './modules/activities/file/testing.ts';
import { courses } from './modules/courses/schema.ts';
import { domains } from './modules/domains/schema.ts';
import { enrolments } from './modules/enrolment/schema.ts';
import { newPeople, setStage } from './modules/enrolment/testing.ts';
import { seedFollowup } from './modules/followup/testing.ts';
import { originCourse, publishInOffer } from './modules/hub/testing.ts';
import { notifications } from './modules/notifications/schema.ts';
import { offerSubscriptions, offers } from './modules/offers/schema.ts';
import { erasureRequests } from './modules/privacy/schema.ts';
import { hashToken } from './platform/auth/tokens.ts';
import { mailMessages } from './platform/mail/schema.ts';
import { type ApiClient, startTestApp, type TestApp } from './testing/harness.ts';
import { multipartBody } from './testing/multipart.ts';
import { uniqueShortName } from './testing/names.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const METRICS_TOKEN = 'jeton-des-metriques-0123456789';

beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN });
  const byEmail = async (email: string) =>
    (await t.db.select().from(users).where(eq(users.email, email)))[0]!.id;
  ids.aixUser = await byEmail('participant@magistere.test');
  ids.bordeauxUser = await byEmail('observateur@magistere.test');
  ids.aixDesigner = await byEmail('concepteur@magistere.test');
  // One notification of the participant's: hers to mark read, nobody else's (another person gets 404).
  ids.notification = (
    await t.db
      .insert(notifications)
      .values({
        userId: ids.aixUser,
        type: 'workflow.announce',
        data: { courseId: ids.aixUser, title: 'Session', subject: 'Bienvenue', message: '', dates: '' },
        createdAt: new Date(),
      })
      .returning()
  )[0]!.id;
  ids.aix = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-aix-marseille')))[0]!.id;
  ids.bordeaux = (await t.db.select().from(domains).where(eq(domains.slug, 'ac-bordeaux')))[0]!.id;
  const [mail] = await t.db
    .insert(mailMessages)
    .values({ to: 'x@magistere.test', subject: 'Test', text: 'Bonjour' })
    .returning();
  ids.mail = mail!.id;
  // A course of Aix with a section and a page, made by its designer.
  const designer = await t.as('concepteur@magistere.test');
  ids.course = (
    await designer.post('/api/courses', {
      domainId: ids.aix,
      title: 'Parcours test',
      shortName: uniqueShortName('T1'),
    })
  ).json().id;
  await t.enrol(ids.course!, 'participant@magistere.test');
  ids.section = (await designer.post(`/api/courses/${ids.course}/sections`, { title: 'Séance 1' })).json().id;
  const activity = (s: string) => ({
    sectionId: ids.section,
    kind: 'page',
    title: s,
    settings: { content: '<p>x</p>' },
  });
  ids.activity = (
    await designer.post(`/api/courses/${ids.course}/activities`, activity('Lecture'))
  ).json().id;
  ids.deletableActivity = (
    await designer.post(`/api/courses/${ids.course}/activities`, activity('À supprimer'))
  ).json().id;
  ids.deletableSection = (
    await designer.post(`/api/courses/${ids.course}/sections`, { title: 'À supprimer' })
  ).json().id;
  const archive = (await designer.get(`/api/courses/${ids.course}/archive`)).rawPayload;
  archiveForm = multipartBody({ domainId: ids.aix! }, [
    { field: 'archive', filename: 'parcours.zip', type: 'application/zip', content: archive },
  ]);
  // A file, a folder (two files, one to delete), an uploaded video and an image of the course.
  const kind = async (k: string) =>
    (
      await designer.post(`/api/courses/${ids.course}/activities`, {
        sectionId: ids.section,
        kind: k,
        title: k,
      })
    ).json().id as string;
  ids.fileActivity = await kind('file');
  await upload(designer, 'PUT', `/api/activities/${ids.fileActivity}/file`, [uploads.pdf]);
  ids.folderActivity = await kind('folder');
  const [kept, deletable] = (
    await upload(designer, 'POST', `/api/activities/${ids.folderActivity}/folder`, [uploads.pdf, uploads.png])
  ).json();
  ids.folderFile = kept.id;
  ids.deletableFolderFile = deletable.id;
  // A deposit space: the participant's deposit (two files, one to remove), the trainer's comments (one
  // to delete), and a second space where the participant withdraws her deposit.
  const participantClient = await t.as(A.participant);
  const formateur = await t.as(A.trainer);
  ids.depositActivity = await kind('deposit');
  const deposited = (
    await upload(participantClient, 'POST', `/api/activities/${ids.depositActivity}/deposit/files`, [
      uploads.pdf,
      uploads.png,
    ])
  ).json();
  ids.depositEntry = deposited.id;
  [ids.depositFile, ids.deletableDepositFile] = deposited.files.map((f: { id: string }) => f.id);
  const depositComment = async () =>
    (
      await formateur.post(
        `/api/activities/${ids.depositActivity}/deposit/entries/${ids.depositEntry}/comments`,
        {
          body: 'Bien',
        },
      )
    ).json().id as string;
  ids.depositComment = await depositComment();
  ids.deletableDepositComment = await depositComment();
  ids.withdrawActivity = await kind('deposit');
  await participantClient.put(`/api/activities/${ids.withdrawActivity}/deposit`, {
    description: '<p>À retirer</p>',
  });
  ids.videoActivity = await kind('video');
  await upload(designer, 'PUT', `/api/activities/${ids.videoActivity}/video`, [uploads.mp4]);
  ids.imageUrl = (
    await upload(designer, 'POST', `/api/courses/${ids.course}/images`, [uploads.png])
  ).json().url;
  await workflowFixtures();
  await hubFixtures();
  // Completion: an activity the participant marks as done by hand.
  ids.manualActivity = (
    await designer.post(`/api/courses/${ids.course}/activities`, {
      ...activity('Exercice'),
      completion: { mode: 'manual' },
    })
  ).json().id;

  // — Enrolment, groups and cohorts: a course with enrolled people, groups, a grouping, cohorts, and a
  // running session open for self-enrolment. —
  const trainer = await t.as('formateur@magistere.test');
  const referent = await t.as('referent@magistere.test');
  const people = await newPeople(t, 'acces', 8);
  enrolEmails.push(...people.map((p) => p.email));
  ids.enrolCourse = (
    await designer.post('/api/courses', {
      domainId: ids.aix,
      title: 'Inscriptions',
      shortName: uniqueShortName('INS'),
    })
  ).json().id;
  await trainer.post(`/api/courses/${ids.enrolCourse}/enrolments/lists/apply`, {
    lists: {
      participant: people
        .slice(0, 3)
        .map((p) => p.email)
        .join('\n'),
    },
  });
  const enrolled = (await trainer.get(`/api/courses/${ids.enrolCourse}/enrolments`)).json().items;
  ids.enrolmentToRemove = enrolled.find((e: { email: string }) => e.email === people[0]!.email).id;
  ids.groupMember = people[1]!.id;
  ids.memberToAdd = people[2]!.id;
  const group = async (name: string) =>
    (await trainer.post(`/api/courses/${ids.enrolCourse}/groups`, { name })).json().id as string;
  ids.group = await group('Groupe A');
  ids.deletableGroup = await group('À supprimer');
  await trainer.post(`/api/groups/${ids.group}/members`, { userIds: [ids.groupMember] });
  const grouping = async (name: string) =>
    (await trainer.post(`/api/courses/${ids.enrolCourse}/groupings`, { name, groupIds: [ids.group] })).json()
      .id as string;
  ids.grouping = await grouping('Tous');
  ids.deletableGrouping = await grouping('Groupement à supprimer');
  const cohort = async (name: string) =>
    (await referent.post('/api/cohorts', { domainId: ids.aix, name })).json().id as string;
  ids.cohort = await cohort('Cohorte test');
  ids.deletableCohort = await cohort('Cohorte à supprimer');
  await referent.post(`/api/cohorts/${ids.cohort}/members`, {
    emails: `${people[3]!.email}, ${people[4]!.email}`,
  });
  ids.cohortMember = people[4]!.id;
  enrolCsv = multipartBody({}, [
    {
      field: 'file',
      filename: 'inscriptions.csv',
      type: 'text/csv',
      content: Buffer.from(`courriel;rôle;groupe\n${people[5]!.email};formateur;Groupe CSV\n`),
    },
  ]);
  ids.sessionCourse = (
    await designer.post('/api/courses', {
      domainId: ids.aix,
      title: 'Session ouverte',
      shortName: uniqueShortName('SO'),
    })
  ).json().id;
  await setStage(t, ids.sessionCourse!, 'session_running', { selfEnrolment: true });

  // — Follow-up: a session of Aix with a group, two tracked activities and two participants, written
  // straight into the database; a saved filter and reminders of the demo trainer to change and delete.
  const followup = await seedFollowup(t.db, {
    groups: ['Groupe B'],
    tracked: ['Lire', 'Regarder'],
    people: [
      { key: 'p1', firstName: 'Paule', lastName: 'Accès', groups: ['Groupe B'], done: [0] },
      { key: 'p2', firstName: 'Pierre', lastName: 'Accès', lastAccess: new Date() },
    ],
  });
  ids.followupCourse = followup.courseId;
  const followupTrainer = await t.as('formateur@magistere.test');
  const savedFilter = (name: string) =>
    followupTrainer.post(`/api/courses/${followup.courseId}/saved-filters`, {
      name,
      criteria: { neverAccessed: true },
    });
  ids.savedFilter = (await savedFilter('À modifier')).json().id;
  ids.deletableSavedFilter = (await savedFilter('À supprimer')).json().id;
  const reminder = async () =>
    (
      await followupTrainer.post(`/api/courses/${followup.courseId}/reminders`, {
        target: 'not_started',
        subject: 'Relance',
        body: 'Bonjour',
        sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json().id as string;
  ids.reminder = await reminder();
  ids.deletableReminder = await reminder();

  // — Offer: a published course of its own, for its public demo. —
  const demoCourse = (
    await designer.post('/api/courses', {
      domainId: ids.aix,
      title: 'Démonstration',
      shortName: uniqueShortName('DEMO'),
    })
  ).json().id;
  const [demoOffer] = await t.db
    .insert(offers)
    .values({ kind: 'course', courseId: demoCourse, domainId: ids.aix!, title: 'Démonstration' })
    .returning();
  ids.demoOffer = String(demoOffer!.number);

  // — Privacy: two pending erasure requests of people of Aix, one to approve, one to refuse. —
  const pendingErasure = async (email: string) =>
    (
      await t.db
        .insert(erasureRequests)
        .values({ userId: await newAixUser(email), domainId: ids.aix!, reason: 'Je pars.' })
        .returning()
    )[0]!.id;
  ids.erasureToApprove = await pendingErasure('a-effacer@magistere.test');
  ids.erasureToRefuse = await pendingErasure('a-garder@magistere.test');
});
afterAll(() => t.close());

/** Life cycle: a parcours to move around, an indexed one, a running session and one ready to open. */
async function workflowFixtures() {
  const designer = await t.as(D);
  const trainer = await t.as(A.trainer);
  const post = async (url: string, body: unknown) => (await designer.post(url, body)).json().id as string;
  const indexation = {
    collection: 'formation',
    publics: ['tous'],
    objectives: 'Objectifs',
    origin: 'academie',
  };
  const dates = { startsAt: '2027-01-01T09:00:00+01:00', endsAt: '2027-02-01T09:00:00+01:00' };
  ids.wfCourse = await post('/api/courses', {
    domainId: ids.aix,
    title: 'Cycle de vie',
    shortName: uniqueShortName('CV'),
  });
  ids.indexedCourse = await post('/api/courses', {
    domainId: ids.aix,
    title: 'Indexé',
    shortName: uniqueShortName('IX'),
  });
  await designer.put(`/api/courses/${ids.indexedCourse}/metadata`, indexation);
  ids.runningSession = await post(`/api/courses/${ids.indexedCourse}/sessions`, {
    title: 'En cours',
    settings: dates,
  });
  await trainer.post(`/api/courses/${ids.runningSession}/open`, {});
  ids.readySession = await post(`/api/courses/${ids.indexedCourse}/sessions`, {
    title: 'Prête',
    settings: dates,
  });
  await t.db
    .insert(enrolments)
    .values({ courseId: ids.runningSession!, userId: ids.aixUser!, role: 'participant', method: 'manual' });
  ids.template = (await t.db.select().from(courses).where(eq(courses.stage, 'template')))[0]!.id;
  ids.offerNumber = String(
    (await designer.post(`/api/courses/${ids.runningSession}/publication`, {})).json().offer.number,
  );
}

/** Hub: a national parcours in the course offer, deployed in Bordeaux, whose origin then moved on. */
async function hubFixtures() {
  const admin = await t.as(A.admin);
  const origin = await originCourse(t, admin);
  ids.hubOffer = String(await publishInOffer(admin, origin, '1.0'));
  const deployer = await t.as(BD);
  ids.deployedCourse = (
    await deployer.post(`/api/offers/${ids.hubOffer}/deploy`, { domainId: ids.bordeaux })
  ).json().courseId;
  await publishInOffer(admin, origin, '1.1', 'Nouvelle activité.');
  // Another, not deployed yet: a second copy in one domain is refused.
  ids.hubOfferToDeploy = String(
    await publishInOffer(admin, await originCourse(t, admin, 'À déployer'), '1.0'),
  );
}

type Actor = 'anonymous' | 'crossSite' | string;
type Case = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string | (() => string);
  body?: unknown | (() => Promise<unknown>);
  headers?: Record<string, string>;
  allowed: [Actor, number];
  refused: [Actor, number];
};

const A = {
  admin: 'admin@magistere.test',
  referent: 'referent@magistere.test',
  manager: 'gestionnaire@magistere.test',
  participant: 'participant@magistere.test',
  observer: 'observateur@magistere.test',
  trainer: 'formateur@magistere.test',
};

async function sectionIds() {
  const page = (await (await t.as('concepteur@magistere.test')).get(`/api/courses/${ids.course}`)).json();
  return page.sections.map((section: { id: string }) => section.id).reverse();
}

async function freshToken() {
  const token = `jeton-de-test-${Math.random().toString(36).slice(2)}-abcdefghij`;
  await t.db.insert(passwordTokens).values({
    id: hashToken(token),
    userId: ids.aixDesigner!,
    passwordFingerprint: currentFingerprint(ids.aixDesigner!),
    expiresAt: new Date(Date.now() + 60_000),
  });
  return { token, password: 'Nouveau-mot-de-passe-1' };
}

/** A subscription to the offers' mail and the token of its unsubscribe link. */
async function subscriptionToken() {
  const token = `jeton-abonnement-${Math.random().toString(36).slice(2)}-abcdefghij`;
  await t.db
    .insert(offerSubscriptions)
    .values({ userId: ids.aixDesigner!, publics: ['tous'], token })
    .onConflictDoUpdate({ target: offerSubscriptions.userId, set: { token } });
  return { token };
}

async function newAixUser(email: string) {
  const [row] = await t.db
    .insert(users)
    .values({ email, firstName: 'Test', lastName: 'Cible', homeDomainId: ids.aix! })
    .returning();
  return row!.id;
}

let assignmentId = '';
const enrolEmails: string[] = [];
let enrolCsv = { payload: Buffer.alloc(0), headers: {} as Record<string, string> };
let archiveForm = { payload: Buffer.alloc(0), headers: {} as Record<string, string> };
const D = 'concepteur@magistere.test';
/** The hub's deployer, a designer of Bordeaux. */
const BD = 'conceptrice.bordeaux@magistere.test';
const uploads = {
  pdf: { filename: 'Programme.pdf', content: samples.pdf() },
  png: { filename: 'Schéma.png', content: samples.png() },
  mp4: { filename: 'Présentation.mp4', content: samples.mp4() },
};
/** A multipart body for a case: payload and its content type. */
const form = (...parts: (typeof uploads)[keyof typeof uploads][]) => {
  const { payload, headers } = multipart(parts);
  return { body: payload, headers };
};
/** The internal mail: messages, drafts, an attachment and labels in the demo session (trainer and participant). */
beforeAll(async () => {
  const [session] = await t.db
    .select()
    .from(courses)
    .where(eq(courses.title, 'Mémoire et apprentissages — session 2026-2027'));
  ids.mailCourse = session!.id;
  ids.mailTrainer = (await t.db.select().from(users).where(eq(users.email, A.trainer)))[0]!.id;
  const participant = await t.as(A.participant);
  const trainer = await t.as(A.trainer);
  const to = [{ type: 'user', id: ids.mailTrainer }];
  const sent = (
    await participant.post('/api/messaging/messages', { courseId: ids.mailCourse, subject: 'Accès', to })
  ).json();
  ids.mailMsg = sent.id;
  ids.mailConv = sent.conversationId;
  const trashed = (
    await participant.post('/api/messaging/messages', { courseId: ids.mailCourse, to })
  ).json();
  await participant.patch(`/api/messaging/messages/${trashed.id}`, { trashed: true });
  ids.mailTrashed = trashed.id;
  const draft = async () =>
    (await participant.post('/api/messaging/drafts', { courseId: ids.mailCourse, to })).json().id;
  ids.mailDraft = await draft();
  ids.mailDraftDel = await draft();
  ids.mailDraftSend = await draft();
  ids.mailDraftAtt = await draft();
  const upload = form(uploads.pdf);
  const attached = await participant.request(
    'POST',
    `/api/messaging/drafts/${ids.mailDraftAtt}/attachments`,
    upload.body,
    upload.headers,
  );
  ids.mailAtt = attached.json()[0].id;
  const withFile = await draft();
  const file = await participant.request(
    'POST',
    `/api/messaging/drafts/${withFile}/attachments`,
    upload.body,
    upload.headers,
  );
  await participant.post(`/api/messaging/drafts/${withFile}/send`, {});
  ids.mailMsgFile = withFile;
  ids.mailMsgFileLink = file.json()[0].id;
  const label = async (name: string) =>
    (await trainer.post('/api/messaging/labels', { name, colour: 'blue-ecume' })).json().id;
  ids.mailLabel = await label('À modifier');
  ids.mailLabelDel = await label('À supprimer');
  ids.mailLabelOn = await label('Sur la conversation');
  await trainer.put(`/api/messaging/labels/${ids.mailLabelOn}/conversations`, {
    conversationId: ids.mailConv,
  });
});

const cases: Case[] = [
  // The internal mail: every route is open to any signed-in person; what they reach is their own copies only.
  {
    method: 'GET',
    url: '/api/messaging/messages?folder=inbox',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  { method: 'GET', url: '/api/messaging/unread', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'GET',
    url: () => `/api/messaging/messages/${ids.mailMsg}`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 404],
  },
  {
    method: 'GET',
    url: () => `/api/messaging/messages/${ids.mailMsg}/conversation`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 404],
  },
  {
    method: 'PATCH',
    url: () => `/api/messaging/messages/${ids.mailMsg}`,
    body: { starred: true },
    allowed: [A.trainer, 204],
    refused: [A.observer, 404],
  },
  {
    method: 'DELETE',
    url: () => `/api/messaging/messages/${ids.mailTrashed}`,
    allowed: [A.participant, 204],
    refused: [A.trainer, 404],
  },
  {
    method: 'POST',
    url: () => `/api/messaging/conversations/${ids.mailConv}/read`,
    allowed: [A.trainer, 204],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/messaging/messages',
    body: () => Promise.resolve({ courseId: ids.mailCourse, to: [{ type: 'user', id: ids.mailTrainer }] }),
    allowed: [A.participant, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: '/api/messaging/drafts',
    body: () => Promise.resolve({ courseId: ids.mailCourse }),
    allowed: [A.participant, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/messaging/drafts/${ids.mailDraft}`,
    body: () => Promise.resolve({ courseId: ids.mailCourse, subject: 'Modifié', version: 1 }),
    allowed: [A.participant, 200],
    refused: [A.trainer, 404],
  },
  {
    method: 'DELETE',
    url: () => `/api/messaging/drafts/${ids.mailDraftDel}`,
    allowed: [A.participant, 204],
    refused: [A.trainer, 404],
  },
  {
    method: 'POST',
    url: () => `/api/messaging/drafts/${ids.mailDraftSend}/send`,
    body: {},
    allowed: [A.participant, 201],
    refused: [A.trainer, 404],
  },
  {
    method: 'POST',
    url: () => `/api/messaging/drafts/${ids.mailDraft}/attachments`,
    ...form(uploads.pdf),
    allowed: [A.participant, 201],
    refused: [A.trainer, 404],
  },
  {
    method: 'DELETE',
    url: () => `/api/messaging/drafts/${ids.mailDraftAtt}/attachments/${ids.mailAtt}`,
    allowed: [A.participant, 204],
    refused: [A.trainer, 404],
  },
  {
    method: 'GET',
    url: () => `/api/messaging/messages/${ids.mailMsgFile}/attachments/${ids.mailMsgFileLink}`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 404],
  },
  {
    method: 'GET',
    url: '/api/messaging/recipients',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'GET',
    url: () => `/api/messaging/people?courseId=${ids.mailCourse}&q=`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  { method: 'GET', url: '/api/messaging/labels', allowed: [A.trainer, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/messaging/labels',
    body: { name: 'Nouvelle', colour: 'green-emeraude' },
    allowed: [A.trainer, 201],
    refused: ['anonymous', 401],
  },
  {
    method: 'PUT',
    url: () => `/api/messaging/labels/${ids.mailLabel}`,
    body: { name: 'Modifiée', colour: 'pink-tuile' },
    allowed: [A.trainer, 200],
    refused: [A.participant, 404],
  },
  {
    method: 'DELETE',
    url: () => `/api/messaging/labels/${ids.mailLabelDel}`,
    allowed: [A.trainer, 204],
    refused: [A.participant, 404],
  },
  {
    method: 'PUT',
    url: () => `/api/messaging/labels/${ids.mailLabel}/conversations`,
    body: () => Promise.resolve({ conversationId: ids.mailConv }),
    allowed: [A.trainer, 204],
    refused: [A.participant, 404],
  },
  {
    method: 'DELETE',
    url: () => `/api/messaging/labels/${ids.mailLabelOn}/conversations/${ids.mailConv}`,
    allowed: [A.trainer, 204],
    refused: [A.participant, 404],
  },
  {
    method: 'GET',
    url: '/api/messaging/preferences',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'PUT',
    url: '/api/messaging/preferences',
    body: { emailCopy: false },
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  { method: 'GET', url: '/api/admin/messaging', allowed: [A.admin, 200], refused: [A.participant, 403] },
  {
    method: 'PUT',
    url: '/api/admin/messaging',
    body: { attachmentMaxBytes: 5_000_000, trashRetentionDays: 30 },
    allowed: [A.admin, 200],
    refused: [A.participant, 403],
  },

  // Notifications: one's own, every one of them.
  {
    method: 'GET',
    url: '/api/me/notifications/summary',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  { method: 'GET', url: '/api/me/notifications', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: () => `/api/me/notifications/${ids.notification}/read`,
    allowed: [A.participant, 204],
    refused: [A.observer, 404],
  },
  {
    method: 'POST',
    url: '/api/me/notifications/read-all',
    allowed: [A.participant, 200],
    refused: ['crossSite', 403],
  },
  {
    method: 'GET',
    url: '/api/me/notification-preferences',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'PUT',
    url: '/api/me/notification-preferences',
    body: { preferences: [{ type: 'workflow.announce', channel: 'digest' }] },
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  // "Prévenez-moi": one's own subscription, the mail's unsubscribe link, the digest on demand.
  {
    method: 'GET',
    url: '/api/me/offer-subscription',
    allowed: [A.observer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'PUT',
    url: '/api/me/offer-subscription',
    body: { publics: ['encadrement'], keywords: ['pilotage'] },
    allowed: [A.observer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'DELETE',
    url: '/api/me/offer-subscription',
    allowed: [A.observer, 204],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/offer-subscriptions/unsubscribe',
    body: subscriptionToken,
    allowed: ['anonymous', 204],
    refused: ['crossSite', 403],
  },
  { method: 'POST', url: '/api/admin/offers/digest', allowed: [A.admin, 200], refused: [A.observer, 403] },
  // Life cycle: first, before other cases change the demo accounts' roles and passwords.
  // Course hub: early, before other cases change the demo accounts' roles and passwords.
  { method: 'GET', url: '/api/hub/courses', allowed: [BD, 200], refused: [A.participant, 403] },
  {
    method: 'POST',
    url: () => `/api/offers/${ids.hubOfferToDeploy}/deploy`,
    body: () => Promise.resolve({ domainId: ids.bordeaux }),
    allowed: [BD, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.deployedCourse}/deployment`,
    allowed: [BD, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.deployedCourse}/deployment/update`,
    allowed: [BD, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.wfCourse}/workflow`,
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.wfCourse}/template`,
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.wfCourse}/template`,
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.wfCourse}/metadata`,
    body: { collection: 'autoformation', keywords: ['mémoire'] },
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.indexedCourse}/sessions`,
    body: { title: 'Session' },
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  // The offer: publication (designers of the domain), the public catalogue, short links.
  {
    method: 'GET',
    url: () => `/api/courses/${ids.runningSession}/publication`,
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.runningSession}/publication`,
    body: {},
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  { method: 'GET', url: '/api/offers', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  {
    method: 'GET',
    url: '/api/offers/export.csv',
    allowed: ['anonymous', 200],
    refused: ['crossSite', 200],
  },
  {
    method: 'GET',
    url: '/api/offers/export.pdf',
    allowed: ['anonymous', 200],
    refused: ['crossSite', 200],
  },
  {
    method: 'GET',
    url: () => `/api/offers/${ids.offerNumber}`,
    allowed: ['anonymous', 200],
    refused: ['crossSite', 200],
  },
  {
    method: 'GET',
    url: () => `/f${ids.offerNumber}`,
    allowed: ['anonymous', 302],
    refused: ['crossSite', 302],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.runningSession}/publication`,
    allowed: [D, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.runningSession}/practical`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.readySession}/session`,
    body: { selfEnrolment: true, maxParticipants: 30 },
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.readySession}/open`,
    body: {},
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.runningSession}/announce`,
    body: { subject: 'Bienvenue', message: 'La session commence.' },
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.runningSession}/archive`,
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.runningSession}/archive`,
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.wfCourse}/trash`,
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.wfCourse}/trash`,
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.template}/from-template`,
    body: () =>
      Promise.resolve({ domainId: ids.aix, title: 'Depuis le gabarit', shortName: uniqueShortName('DG') }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/capabilities`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  { method: 'GET', url: '/api/templates', allowed: [D, 200], refused: [A.participant, 403] },
  { method: 'GET', url: '/api/trash', allowed: [D, 200], refused: [A.participant, 403] },
  { method: 'GET', url: '/api/courses', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/courses',
    body: () => Promise.resolve({ domainId: ids.aix, title: 'Nouveau', shortName: uniqueShortName('N') }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/courses/${ids.course}`,
    body: { title: 'Parcours renommé' },
    allowed: [D, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/sections`,
    body: { title: 'Séance 2' },
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.course}/sections/order`,
    body: async () => ({ ids: await sectionIds() }),
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/sections/${ids.section}`,
    body: { title: 'Séance un' },
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/sections/${ids.deletableSection}`,
    allowed: [D, 204],
    refused: [A.trainer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/activities`,
    body: () =>
      Promise.resolve({
        sectionId: ids.section,
        kind: 'label',
        title: 'Objectif',
        settings: { style: 'objective', content: '<p>Savoir</p>' },
      }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.activity}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/activities/${ids.activity}`,
    body: { title: 'Lecture préalable' },
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.activity}/move`,
    body: () => Promise.resolve({ sectionId: ids.section, position: 0 }),
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.deletableActivity}`,
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  { method: 'GET', url: '/api/activity-kinds', allowed: [D, 200], refused: [A.participant, 403] },
  {
    method: 'PUT',
    url: '/api/activity-kinds/page/favourite',
    body: { favourite: true },
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/duplicate`,
    body: () => Promise.resolve({ domainId: ids.aix }),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/archive`,
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.activity}/view`,
    allowed: [A.participant, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/progress`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/mine`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: '/api/courses/import',
    // The archive of the test course, exported in beforeAll.
    get body() {
      return archiveForm.payload;
    },
    get headers() {
      return archiveForm.headers;
    },
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  // Before the password reset below: it changes the designer's password.
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.fileActivity}/file`,
    ...form(uploads.pdf),
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.fileActivity}/file`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.fileActivity}/file/info`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.folderActivity}/folder`,
    ...form(uploads.pdf, uploads.png),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder/${ids.folderFile}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.folderActivity}/folder/${ids.deletableFolderFile}`,
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.folderActivity}/folder.zip`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  // Deposit space.
  {
    method: 'GET',
    url: () => `/api/activities/${ids.depositActivity}/deposit`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.depositActivity}/deposit`,
    body: { description: '<p>Ma production</p>' },
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.depositActivity}/deposit/files`,
    ...form(uploads.pdf),
    allowed: [A.participant, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.depositActivity}/deposit/files/${ids.depositFile}`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.depositActivity}/deposit/entries/${ids.depositEntry}/comments`,
    body: { body: 'Merci' },
    allowed: [A.participant, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/activities/${ids.depositActivity}/deposit/comments/${ids.depositComment}`,
    body: { hidden: true },
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.depositActivity}/deposit/comments/${ids.deletableDepositComment}`,
    allowed: [A.trainer, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/activities/${ids.depositActivity}/deposit/entries/${ids.depositEntry}`,
    body: { hidden: false },
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.depositActivity}/deposit.zip`,
    allowed: [A.trainer, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.depositActivity}/deposit/files/${ids.deletableDepositFile}`,
    allowed: [A.participant, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.withdrawActivity}/deposit`,
    allowed: [A.participant, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.depositActivity}/deposit/entries/${ids.depositEntry}`,
    allowed: [A.trainer, 204],
    refused: [A.participant, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.videoActivity}/video`,
    ...form(uploads.mp4),
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/activities/${ids.videoActivity}/video`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/images`,
    ...form(uploads.png),
    allowed: [D, 201],
    refused: [A.participant, 403],
  },
  { method: 'GET', url: () => `${ids.imageUrl}`, allowed: [A.participant, 200], refused: [A.observer, 403] },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.course}/thumbnail`,
    ...form(uploads.png),
    allowed: [D, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/thumbnail`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.course}/thumbnail`,
    allowed: [D, 204],
    refused: [A.participant, 403],
  },
  { method: 'GET', url: '/api/admin/video-hosts', allowed: [A.admin, 200], refused: [A.referent, 403] },
  {
    method: 'PUT',
    url: '/api/admin/video-hosts',
    body: { hosts: ['apps.education.fr', 'video.ploud.fr'] },
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  { method: 'GET', url: '/healthz', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  // The offer is public: its demo is for anyone, from any site (a link in a mail, a partner's page).
  {
    method: 'GET',
    url: () => `/api/offers/${ids.demoOffer}/demo`,
    allowed: ['anonymous', 200],
    refused: ['crossSite', 200],
  },
  { method: 'GET', url: '/readyz', allowed: ['anonymous', 200], refused: ['crossSite', 200] },
  // Metrics need the configured bearer token (METRICS_TOKEN); the cross-site client sends none.
  {
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    allowed: ['anonymous', 200],
    refused: ['crossSite', 401],
  },
  {
    method: 'POST',
    url: '/api/auth/login',
    body: { email: A.trainer, password: 'Magistere-demo-2026' },
    allowed: ['anonymous', 200],
    refused: ['crossSite', 403],
  },
  { method: 'POST', url: '/api/auth/logout', allowed: [A.trainer, 204], refused: ['anonymous', 401] },
  // The realtime WebSocket: an HTTP request that is no upgrade is told so; the upgrades themselves are
  // tested through a listening server in platform/realtime/realtime.test.ts.
  {
    method: 'GET',
    url: '/api/realtime',
    headers: { origin: 'http://localhost:3000' },
    allowed: [A.trainer, 426],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset/request',
    body: { email: A.trainer },
    allowed: ['anonymous', 202],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset/check',
    body: freshToken,
    allowed: ['anonymous', 204],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset',
    body: freshToken,
    allowed: ['anonymous', 204],
    refused: ['crossSite', 403],
  },
  { method: 'GET', url: '/api/me', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'PATCH',
    url: '/api/me',
    body: { discipline: 'Mathématiques' },
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/me/password',
    body: { currentPassword: 'Magistere-demo-2026', newPassword: 'Magistere-demo-2026' },
    allowed: [A.participant, 204],
    refused: ['anonymous', 401],
  },
  { method: 'GET', url: '/api/domains', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'POST',
    url: '/api/domains',
    body: { slug: 'ac-lyon', name: 'Académie de Lyon', kind: 'academie' },
    allowed: [A.admin, 201],
    refused: [A.referent, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/domains/${ids.bordeaux}`,
    body: { name: 'Académie de Bordeaux' },
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  { method: 'GET', url: '/api/users', allowed: [A.manager, 200], refused: [A.participant, 403] },
  {
    method: 'POST',
    url: '/api/users',
    body: () =>
      Promise.resolve({
        email: 'nouveau@magistere.test',
        firstName: 'Jeanne',
        lastName: 'Nouvelle',
        homeDomainId: ids.aix,
      }),
    allowed: [A.referent, 201],
    refused: [A.manager, 403],
  },
  {
    method: 'GET',
    url: () => `/api/users/${ids.aixUser}`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/users/${ids.aixUser}`,
    body: { discipline: 'Anglais' },
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'POST',
    url: () => `/api/users/${ids.aixUser}/suspend`,
    allowed: [A.referent, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/users/${ids.aixUser}/reactivate`,
    allowed: [A.referent, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/users/${ids.deletable}`,
    allowed: [A.referent, 204],
    refused: [A.manager, 403],
  },
  {
    method: 'GET',
    url: () => `/api/users/${ids.aixUser}/roles`,
    allowed: [A.referent, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: '/api/role-assignments',
    body: () =>
      Promise.resolve({ userId: ids.aixUser, role: 'trainer', contextLevel: 'domain', instanceId: ids.aix }),
    allowed: [A.referent, 201],
    refused: [A.participant, 403],
  },
  {
    method: 'GET',
    url: '/api/role-contexts?level=course&q=memoire',
    allowed: [A.referent, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/role-assignments/${assignmentId}`,
    allowed: [A.referent, 204],
    refused: [A.trainer, 403],
  },
  { method: 'GET', url: '/api/audit', allowed: [A.observer, 200], refused: [A.participant, 403] },
  // The GDPR: one's own data and deletion request; the requests, for the administrators who decide.
  { method: 'GET', url: '/api/me/personal-data', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  {
    method: 'GET',
    url: '/api/me/erasure-request',
    allowed: [A.participant, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: '/api/me/erasure-request',
    body: { reason: 'Je change de métier.', confirmed: true },
    allowed: [A.observer, 201],
    refused: ['anonymous', 401],
  },
  {
    method: 'DELETE',
    url: '/api/me/erasure-request',
    allowed: [A.observer, 204],
    refused: ['anonymous', 401],
  },
  {
    method: 'GET',
    url: '/api/privacy/erasure-requests',
    allowed: [A.referent, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/privacy/erasure-requests/${ids.erasureToApprove}/approve`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'POST',
    url: () => `/api/privacy/erasure-requests/${ids.erasureToRefuse}/refuse`,
    body: { reason: 'Vous animez une session en cours.' },
    allowed: [A.admin, 200],
    refused: [A.observer, 403],
  },
  { method: 'GET', url: '/api/admin/mail', allowed: [A.admin, 200], refused: [A.referent, 403] },
  {
    method: 'GET',
    url: () => `/api/admin/mail/${ids.mail}`,
    allowed: [A.admin, 200],
    refused: [A.referent, 403],
  },
  // — Completion —
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/completion`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.course}/visit`,
    allowed: [A.participant, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.course}/completion-criteria`,
    allowed: [A.participant, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/courses/${ids.course}/completion-criteria`,
    body: () => Promise.resolve({ activities: [ids.manualActivity] }),
    // The designer's password was reset above: the referent edits the course.
    allowed: [A.referent, 200],
    refused: [A.participant, 403],
  },
  {
    method: 'POST',
    url: () => `/api/activities/${ids.manualActivity}/completion`,
    allowed: [A.participant, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/activities/${ids.manualActivity}/completion`,
    allowed: [A.participant, 200],
    refused: [A.trainer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.manualActivity}/completions/${ids.aixUser}`,
    body: { state: 'complete' },
    allowed: [A.trainer, 200],
    // Not the participant: a row above made them a trainer of Aix.
    refused: [A.observer, 403],
  },
  { method: 'GET', url: '/api/me/progress', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  { method: 'GET', url: '/api/me/space', allowed: [A.participant, 200], refused: ['anonymous', 401] },
  // — Enrolment (by now participant@ holds a trainer role in Aix: the refused one is Bordeaux's observer) —
  {
    method: 'GET',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.enrolCourse}/enrolment-candidates`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments`,
    body: () => Promise.resolve({ role: 'tutor', emails: [enrolEmails[6]] }),
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/enrolments/${ids.enrolmentToRemove}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/lists/validate`,
    body: () => Promise.resolve({ lists: { participant: enrolEmails[7] } }),
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/lists/apply`,
    body: () => Promise.resolve({ lists: { participant: enrolEmails[7] } }),
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.enrolCourse}/cohorts`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/cohort/validate`,
    body: () => Promise.resolve({ cohortId: ids.cohort }),
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/cohort/apply`,
    body: () => Promise.resolve({ cohortId: ids.cohort }),
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/csv/validate`,
    get body() {
      return enrolCsv.payload;
    },
    get headers() {
      return enrolCsv.headers;
    },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/enrolments/csv/apply`,
    get body() {
      return enrolCsv.payload;
    },
    get headers() {
      return enrolCsv.headers;
    },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.sessionCourse}/self-enrolment`,
    allowed: [A.observer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.sessionCourse}/self-enrolment`,
    allowed: [A.observer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'DELETE',
    url: () => `/api/courses/${ids.sessionCourse}/self-enrolment`,
    allowed: [A.observer, 200],
    refused: ['anonymous', 401],
  },
  // — Groups and groupings —
  {
    method: 'GET',
    url: () => `/api/courses/${ids.enrolCourse}/groups`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/groups`,
    body: { name: 'Groupe B' },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/groups/${ids.group}`,
    body: { description: 'Le matin' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/groups/${ids.deletableGroup}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/groups/${ids.group}/members`,
    body: () => Promise.resolve({ userIds: [ids.memberToAdd] }),
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/groups/${ids.group}/members/${ids.groupMember}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.enrolCourse}/groupings`,
    body: { name: 'Nouveau groupement' },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/groupings/${ids.grouping}`,
    body: { name: 'Tout le monde' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/groupings/${ids.deletableGrouping}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'PUT',
    url: () => `/api/activities/${ids.activity}/audience`,
    body: { audience: null },
    allowed: [A.referent, 200],
    refused: [A.trainer, 403],
  },
  // — Cohorts —
  { method: 'GET', url: '/api/cohorts', allowed: [A.referent, 200], refused: [A.observer, 403] },
  {
    method: 'POST',
    url: '/api/cohorts',
    body: () => Promise.resolve({ domainId: ids.aix, name: 'Nouvelle cohorte' }),
    allowed: [A.referent, 201],
    refused: [A.trainer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/cohorts/${ids.cohort}`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/cohorts/${ids.cohort}`,
    body: { description: 'Pour les tests' },
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/cohorts/${ids.deletableCohort}`,
    allowed: [A.referent, 204],
    refused: [A.manager, 403],
  },
  {
    method: 'POST',
    url: () => `/api/cohorts/${ids.cohort}/members`,
    body: () => Promise.resolve({ emails: enrolEmails[7] }),
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/cohorts/${ids.cohort}/members/${ids.cohortMember}`,
    allowed: [A.referent, 204],
    refused: [A.manager, 403],
  },
  // — Follow-up (formateur@ is a trainer in Aix; observateur@ and gestionnaire@ hold their roles in Bordeaux) —
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/followup`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/followup/export`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/followup/message`,
    body: { criteria: {}, subject: 'Bonjour', body: 'Message' },
    allowed: [A.trainer, 200],
    refused: ['crossSite', 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/followup/reminder`,
    body: { criteria: {}, subject: 'Relance', body: 'Message' },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/saved-filters`,
    allowed: [A.trainer, 200],
    refused: ['anonymous', 401],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/saved-filters`,
    body: { name: 'Nouveau filtre', criteria: { progressBelow: 50 } },
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/saved-filters/${ids.savedFilter}`,
    body: { name: 'Filtre renommé' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/saved-filters/${ids.deletableSavedFilter}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/reminders`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/courses/${ids.followupCourse}/reminders`,
    body: () =>
      Promise.resolve({
        target: 'behind',
        belowProgress: 50,
        subject: 'Relance',
        body: 'Message',
        sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    allowed: [A.trainer, 201],
    refused: [A.observer, 403],
  },
  {
    method: 'PATCH',
    url: () => `/api/reminders/${ids.reminder}`,
    body: { subject: 'Relance modifiée' },
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'POST',
    url: () => `/api/reminders/${ids.reminder}/send`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'DELETE',
    url: () => `/api/reminders/${ids.deletableReminder}`,
    allowed: [A.trainer, 204],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/attendance`,
    allowed: [A.trainer, 200],
    refused: [A.observer, 403],
  },
  {
    method: 'GET',
    url: () => `/api/courses/${ids.followupCourse}/attendance/export`,
    allowed: [A.referent, 200],
    refused: [A.manager, 403],
  },
];

async function client(actor: Actor): Promise<ApiClient> {
  if (actor === 'anonymous') return t.anonymous();
  if (actor === 'crossSite') {
    const c = t.anonymous();
    return {
      ...c,
      request: (method: never, url: string, payload?: unknown) =>
        c.request(method, url, payload, { origin: 'https://evil.example' }),
    } as unknown as ApiClient;
  }
  return t.as(actor);
}

async function call(actor: Actor, c: Case) {
  const url = typeof c.url === 'function' ? c.url() : c.url;
  const body = typeof c.body === 'function' ? await (c.body as () => Promise<unknown>)() : c.body;
  return (await client(actor)).request(c.method, url, body, c.headers);
}

/**
 * The same API path spelled as a client may send it. The router percent-decodes letters, so `same`
 * spellings reach the very route (and must meet the very refusal); the others reach no API route.
 */
function spellings(url: string): { url: string; same: boolean }[] {
  const [pathname, query] = url.split('?') as [string, string | undefined];
  const q = query === undefined ? '' : `?${query}`;
  const rest = pathname.slice('/api'.length);
  const hex = (text: string) => text.replace(/[a-z]/gi, (c) => `%${c.charCodeAt(0).toString(16)}`);
  const [, first = '', ...others] = rest.split('/');
  return [
    { url: `/%61pi${rest}${q}`, same: true },
    { url: `/ap%69${rest}${q}`, same: true },
    { url: `/%61%70%69${rest}${q}`, same: true },
    { url: `/api/${hex(first)}${others.length ? `/${others.join('/')}` : ''}${q}`, same: true },
    { url: `/api%2F${rest.slice(1)}${q}`, same: false },
    ...(others.length ? [{ url: `/api/${first}%2F${others.join('%2F')}${q}`, same: false }] : []),
    { url: `//api${rest}${q}`, same: false },
    { url: `/api/${rest}${q}`, same: false },
    { url: `/api/.${rest}${q}`, same: false },
    { url: `/api/x/..${rest}${q}`, same: false },
    { url: `/API${rest}${q}`, same: false },
    { url: `/Api${rest}${q}`, same: false },
    { url: `${pathname}/${q}`, same: false },
  ];
}

/**
 * Whatever the spelling, the refused actor gets the plain spelling's refusal or reaches no route (a 4xx,
 * or the web app's HTML shell, which holds no data); never a handler.
 */
async function refusedUnderEverySpelling(c: Case) {
  const url = typeof c.url === 'function' ? c.url() : c.url;
  if (!url.startsWith('/api/')) return;
  const body = typeof c.body === 'function' ? await (c.body as () => Promise<unknown>)() : c.body;
  const actor = await client(c.refused[0]);
  for (const spelling of spellings(url)) {
    const response = await actor.request(c.method, spelling.url, body, c.headers);
    const where = `${c.method} ${spelling.url}: ${response.statusCode} ${response.body.slice(0, 200)}`;
    if (spelling.same) {
      expect(response.statusCode, where).toBe(c.refused[1]);
      if (response.statusCode >= 400)
        expect(response.headers['content-type'], where).toMatch(/problem\+json/);
    } else if (response.statusCode < 400 && response.statusCode !== c.refused[1]) {
      expect(response.headers['content-type'], where).toMatch(/^text\/html/);
    }
  }
}

describe('access to every route', () => {
  for (const c of cases) {
    const label = `${c.method} ${typeof c.url === 'string' ? c.url : c.url.toString().match(/`(.*)`/)?.[1]}`;
    it(`${label}: refused to ${c.refused[0]} (${c.refused[1]}), allowed to ${c.allowed[0]} (${c.allowed[1]})`, async () => {
      ids.deletable ??= await newAixUser('a-supprimer@magistere.test');
      if (c.url.toString().includes('role-assignments/') && !assignmentId) {
        const referent = await t.as(A.referent);
        const created = await referent.post('/api/role-assignments', {
          userId: ids.aixDesigner,
          role: 'tutor',
          contextLevel: 'domain',
          instanceId: ids.aix,
        });
        assignmentId = created.json().id;
      }
      await refusedUnderEverySpelling(c);
      const refused = await call(c.refused[0], c);
      expect(refused.statusCode, refused.body).toBe(c.refused[1]);
      if (refused.statusCode >= 400) expect(refused.headers['content-type']).toMatch(/problem\+json/);
      const allowed = await call(c.allowed[0], c);
      expect(allowed.statusCode, allowed.body).toBe(c.allowed[1]);
    });
  }

  it('covers every route the application serves', () => {
    // A route is matched by its path: a tested request may carry a query string.
    const tested = cases.map(
      (c) => `${c.method} ${(typeof c.url === 'string' ? c.url : c.url()).split('?')[0]}`,
    );
    const served = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(r.url))
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*')
      .map((r) => `${r.method} ${r.url}`);
    expect(served.length).toBeGreaterThan(30);
    // A served route is covered when some tested request matches its pattern (":param" = one segment).
    const untested = served.filter((route) => {
      const pattern = new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`);
      return !tested.some((request) => pattern.test(request));
    });
    expect(untested).toEqual([]);
  });
});
