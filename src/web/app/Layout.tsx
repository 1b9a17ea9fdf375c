/** The DSFR page frame: skip links, header with navigation, main content, footer. */
import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display/index.js';
import { Footer } from '@codegouvfr/react-dsfr/Footer.js';
import { Header } from '@codegouvfr/react-dsfr/Header/index.js';
import { MainNavigation, type MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation/index.js';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks.js';
import { Fragment, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import type { Me } from '../api/accounts.ts';
import { Loading } from '../components/Loading.tsx';
import { Bell } from '../features/notifications/Bell.tsx';
import { useMeQuery } from './auth.tsx';
import { DomainSwitcher, MessagingLink, UserMenu } from './HeaderTools.tsx';

export const MAIN_ID = 'contenu';
const NAV_ID = 'navigation-principale';
const FOOTER_ID = 'pied-de-page';

function BrandTop() {
  const { t } = useTranslation();
  const lines = t('ui.app.brandTop').split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={line}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function useNavigationItems(me: Me | null | undefined): MainNavigationProps.Item[] {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The offer is public: its link is there for everyone, signed in or not.
  const offer: MainNavigationProps.Item = {
    text: t('offers.title'),
    linkProps: { to: '/offres' },
    isActive: pathname === '/offres' || pathname.startsWith('/offres/'),
  };
  if (!me) return [offer];
  const can = (c: string) => me.capabilities.includes(c);
  const items: MainNavigationProps.Item[] = [
    { text: t('ui.nav.home'), linkProps: { to: '/' }, isActive: pathname === '/' },
    offer,
    { text: t('ui.nav.profile'), linkProps: { to: '/profil' }, isActive: pathname === '/profil' },
  ];
  if (can('hub:search'))
    items.push({
      text: t('hub.nav'),
      linkProps: { to: '/reseau-des-concepteurs' },
      isActive: pathname === '/reseau-des-concepteurs',
    });
  if (can('course:delete'))
    items.push({
      text: t('ui.nav.trash'),
      linkProps: { to: '/corbeille' },
      isActive: pathname === '/corbeille',
    });
  const admin = [
    { cap: can('user:view') || can('user:manage'), text: t('ui.nav.users'), to: '/admin/utilisateurs' },
    { cap: can('domain:manage'), text: t('ui.nav.domains'), to: '/admin/domaines' },
    { cap: can('platform:configure'), text: t('ui.nav.videoHosts'), to: '/admin/hebergeurs-video' },
    { cap: can('cohort:manage'), text: t('ui.cohorts.nav'), to: '/admin/cohortes' },
    { cap: can('audit:view'), text: t('ui.nav.audit'), to: '/admin/journal' },
    {
      cap: can('privacy:decide_erasure'),
      text: t('ui.privacy.admin.nav'),
      to: '/admin/demandes-de-suppression',
    },
    { cap: can('mail:view'), text: t('ui.nav.mail'), to: '/admin/courriels' },
  ].filter((entry) => entry.cap);
  if (admin.length > 0) {
    items.push({
      text: t('ui.nav.admin'),
      isActive: pathname.startsWith('/admin/'),
      menuLinks: admin.map((entry) => ({
        text: entry.text,
        linkProps: { to: entry.to },
        isActive: pathname === entry.to || pathname.startsWith(`${entry.to}/`),
      })),
    });
  }
  return items;
}

/** Moves focus to the main content after an in-app navigation, as a page load would. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMeQuery();
  const navigation = useNavigationItems(me);
  useFocusOnNavigation();

  const quickAccessItems = me
    ? [
        me.domains.length > 0 ? <DomainSwitcher key="domain" /> : null,
        <MessagingLink key="messaging" />,
        <Bell key="bell" />,
        <UserMenu key="user" />,
      ]
    : [{ iconId: 'fr-icon-lock-line' as const, text: t('ui.header.login'), linkProps: { to: '/connexion' } }];

  return (
    <>
      <SkipLinks
        links={[
          { label: t('ui.skipLinks.content'), anchor: `#${MAIN_ID}` },
          ...(navigation.length > 0 ? [{ label: t('ui.skipLinks.menu'), anchor: `#${NAV_ID}` }] : []),
          { label: t('ui.skipLinks.footer'), anchor: `#${FOOTER_ID}` },
        ]}
      />
      <Header
        brandTop={<BrandTop />}
        homeLinkProps={{ to: '/', title: t('ui.app.homeLinkTitle') }}
        serviceTitle={t('ui.app.name')}
        serviceTagline={t('ui.app.tagline')}
        quickAccessItems={quickAccessItems}
        navigation={navigation.length > 0 ? <MainNavigation id={NAV_ID} items={navigation} /> : undefined}
      />
      <main id={MAIN_ID} tabIndex={-1} className="mg-main">
        <div className="fr-container fr-my-6w">
          {/* A page's chunk on first display: the same loading line as its data, so nothing jumps. Once a
              page is shown, navigations are transitions and it stays until the next one is ready. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <Footer
        id={FOOTER_ID}
        brandTop={<BrandTop />}
        homeLinkProps={{ to: '/', title: t('ui.app.homeLinkTitle') }}
        accessibility="non compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        termsLinkProps={{ to: '/mentions-legales' }}
        contentDescription={t('ui.footer.description')}
        bottomItems={[
          { text: t('ui.footer.personalData'), linkProps: { to: '/donnees-personnelles' } },
          { text: t('ui.footer.cookies'), linkProps: { to: '/gestion-des-cookies' } },
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}
