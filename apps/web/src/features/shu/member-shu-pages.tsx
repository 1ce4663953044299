import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { BackLink } from '../members/member-scope';
import { PostedShuView } from './PostedShuView';
import { useMemberPostedShu, useMemberShu, useMyPostedShu, useMyShu } from './shu-api';
import { useShuText } from './shu-texts';
import { ShuExplanationView, ShuGate, useShuYear, YearPicker } from './shu-ui';

function MyShu({ cooperativeId }: { cooperativeId: string }) {
  const st = useShuText();
  const { t } = useTranslation();
  const [year, setYear] = useShuYear();
  const shu = useMyShu(cooperativeId, year);
  const posted = useMyPostedShu(cooperativeId, year);
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="my-shu-title">{st('mine.title')}</h1>
      <p className="muted small">{st('mine.intro')}</p>
      <YearPicker year={year} onChange={setYear} />
      {posted.isError && <ErrorMessage error={posted.error} />}
      {posted.data?.posted && <PostedShuView year={year} posted={posted.data.posted} />}
      {shu.isError && <ErrorMessage error={shu.error} />}
      {shu.isPending && <LoadingMessage />}
      {shu.data && <ShuExplanationView view={shu.data} />}
    </main>
  );
}

/** `/shu/saya`: a member's SHU for a year, explained in their language. */
export function MyShuPage() {
  const st = useShuText();
  return (
    <ShuGate title={st('mine.title')} allows={() => true}>
      {(scope) => <MyShu cooperativeId={scope.cooperativeId} />}
    </ShuGate>
  );
}

function MemberShu({
  cooperativeId,
  membershipId,
}: {
  cooperativeId: string;
  membershipId: string;
}) {
  const st = useShuText();
  const [year, setYear] = useShuYear();
  const shu = useMemberShu(cooperativeId, year, membershipId);
  const posted = useMemberPostedShu(cooperativeId, year, membershipId);
  return (
    <main className="page">
      <BackLink to={`/shu?tahun=${String(year)}`}>{st('dashboard.title')}</BackLink>
      <h1 data-testid="member-shu-title">{st('mine.memberTitle')}</h1>
      <YearPicker year={year} onChange={setYear} />
      {posted.isError && <ErrorMessage error={posted.error} />}
      {posted.data?.posted && <PostedShuView year={year} posted={posted.data.posted} />}
      {shu.isError && <ErrorMessage error={shu.error} />}
      {shu.isPending && <LoadingMessage />}
      {shu.data && <ShuExplanationView view={shu.data} />}
    </main>
  );
}

/** `/shu/anggota/:membershipId`: any member's explanation, for pengurus, manajer and pengawas. */
export function MemberShuPage() {
  const st = useShuText();
  const { membershipId = '' } = useParams();
  return (
    <ShuGate title={st('mine.memberTitle')} allows={(scope) => scope.shu.canReadAll}>
      {(scope) => <MemberShu cooperativeId={scope.cooperativeId} membershipId={membershipId} />}
    </ShuGate>
  );
}
