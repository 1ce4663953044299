import type { CatalogOf } from './catalog';
import type { id } from './id';

/** English. Typed against the Indonesian catalog, so a missing or extra key fails the build. */
export const en: CatalogOf<typeof id> = {
  app: {
    name: 'Lumbung',
    loading: 'Loading…',
    offline: 'You are offline. The latest figures will show when the connection is back.',
    retry: 'Try again',
    logout: 'Log out',
    loggingOut: 'Logging out…',
    notFound: 'Page not found.',
    backHome: 'Back to home',
  },
  locale: {
    label: 'Language',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  login: {
    title: 'Log in to Lumbung',
    intro: 'Use the phone number and password registered with your cooperative.',
    phone: 'Phone number',
    phoneHint: 'Example: 081234567890',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Working…',
  },
  context: {
    switch: 'Switch cooperative',
    label: 'Active cooperative',
    oversight: 'Oversight (officer)',
    none: 'No cooperative yet',
  },
  roles: {
    anggota: 'Member',
    ketua: 'Chair',
    sekretaris: 'Secretary',
    bendahara: 'Treasurer',
    pengawas: 'Supervisor',
    manajer: 'Manager',
    kasir: 'Cashier',
    dinas: 'Government officer',
    platform: 'Platform operator',
  },
  home: {
    member: {
      greeting: 'Hello, {{name}}',
      memberOf: 'Member of {{cooperative}}',
      savings: 'Savings',
      loans: 'Loans',
      shu: 'SHU (surplus share)',
      figuresComing: 'Figures will appear once the savings module is live.',
    },
    backOffice: {
      title: 'Board home',
      yourRoles: 'Your roles: {{roles}}',
      comingSoon: 'Coming soon',
      modules: {
        members: 'Members',
        savings: 'Savings',
        bookkeeping: 'Bookkeeping',
        loans: 'Loans',
        shu: 'SHU',
        rat: 'Annual meeting (RAT)',
      },
    },
    none: {
      title: 'Not a member of any cooperative yet',
      body: 'Your account is not linked to any cooperative. Please contact your cooperative board.',
    },
  },
  oversight: {
    title: 'Cooperative oversight',
    scope: '{{role}} · regions {{regions}}',
    allRegions: 'all regions',
    empty: 'No cooperatives in your regions yet.',
    loadMore: 'Load more',
    district: 'District {{district}}',
  },
  cooperativeTypes: {
    simpan_pinjam: 'Savings and loan',
    konsumen: 'Consumer',
    produsen: 'Producer',
    pemasaran: 'Marketing',
    jasa: 'Services',
    serba_usaha: 'Multi-purpose',
  },
  errors: {
    network: 'Cannot reach the server. Check your internet connection.',
    unexpected: 'Something unexpected went wrong. Please try again later.',
  },
};
