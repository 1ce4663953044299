import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../ledger/ledger-ui';
import { MemberFields } from './MemberFields';
import {
  emptyMemberForm,
  readMemberForm,
  type MemberFormError,
  type MemberFormField,
} from './member-form';
import { useRegisterMember } from './members-api';
import type { MemberView } from './members-types';

/** "Daftarkan anggota": an officer enters a new member, who joins as aktif with a number. */
export function RegisterMemberForm({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const register = useRegisterMember(cooperativeId);
  const [values, setValues] = useState(emptyMemberForm);
  const [errors, setErrors] = useState<Partial<Record<MemberFormField, MemberFormError>>>({});
  const [registered, setRegistered] = useState<MemberView | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readMemberForm(values, { withPhone: true });
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    register.mutate(read.input, {
      onSuccess: (member) => {
        setRegistered(member);
        setValues(emptyMemberForm);
      },
    });
  }

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="register-form">
      <h2>{t('members.register.title')}</h2>
      {registered && (
        <Notice testId="register-notice">
          {t('members.register.done', {
            name: registered.fullName,
            number: registered.memberNumber ?? '—',
          })}{' '}
          <Link to={`/anggota/${registered.membershipId}`}>{t('members.register.open')}</Link>
        </Notice>
      )}
      <MemberFields
        values={values}
        errors={errors}
        onChange={setValues}
        withPhone
        testIdPrefix="register"
      />
      {register.isError && <ErrorMessage error={register.error} testId="register-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={register.isPending}
        data-testid="register-submit"
      >
        {register.isPending ? t('members.register.submitting') : t('members.register.submit')}
      </button>
    </form>
  );
}
