import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Notice } from '../ledger/ledger-ui';
import { MemberFields } from './MemberFields';
import {
  cooperativeIdFromQuery,
  emptyMemberForm,
  readMemberForm,
  type MemberFormError,
  type MemberFormField,
} from './member-form';
import { useApplyForMembership } from './members-api';
import type { MemberView } from './members-types';

/**
 * `/daftar-anggota?koperasi=<id>`: "Daftar jadi anggota". A person cannot list other
 * cooperatives, so the cooperative comes from the link the pengurus shared (or is typed in).
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const fromLink = cooperativeIdFromQuery(searchParams.get('koperasi'));
  const [cooperativeText, setCooperativeText] = useState(fromLink ?? '');
  const [values, setValues] = useState(emptyMemberForm);
  const [errors, setErrors] = useState<Partial<Record<MemberFormField, MemberFormError>>>({});
  const [isCooperativeInvalid, setIsCooperativeInvalid] = useState(false);
  const [applied, setApplied] = useState<MemberView | null>(null);
  const apply = useApplyForMembership();

  function submit(event: FormEvent) {
    event.preventDefault();
    const cooperativeId = cooperativeIdFromQuery(cooperativeText);
    const read = readMemberForm(values, { withPhone: false });
    setIsCooperativeInvalid(cooperativeId === null);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok || cooperativeId === null) return;
    const { phone: _phone, joinedOn: _joinedOn, ...input } = read.input;
    apply.mutate({ ...input, cooperativeId }, { onSuccess: setApplied });
  }

  return (
    <main className="page">
      <Link to="/" className="back-link">
        ← {t('app.backHome')}
      </Link>
      <h1 data-testid="apply-title">{t('members.apply.title')}</h1>
      <p className="muted">{t('members.apply.intro')}</p>
      {applied ? (
        <Notice testId="apply-notice">{t('members.apply.done')}</Notice>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="apply-form">
          {fromLink === null ? (
            <label className="field">
              {t('members.apply.cooperativeId')}
              <input
                value={cooperativeText}
                onChange={(event) => {
                  setCooperativeText(event.target.value);
                }}
                aria-invalid={isCooperativeInvalid ? true : undefined}
                data-testid="apply-cooperative"
              />
              <span className="muted small">{t('members.apply.cooperativeHint')}</span>
              {isCooperativeInvalid && (
                <span className="field-error">{t('members.apply.cooperativeInvalid')}</span>
              )}
            </label>
          ) : (
            <p className="muted small" data-testid="apply-cooperative-from-link">
              {t('members.apply.fromLink')}
            </p>
          )}
          <MemberFields
            values={values}
            errors={errors}
            onChange={setValues}
            withPhone={false}
            testIdPrefix="apply"
          />
          {apply.isError && <ErrorMessage error={apply.error} testId="apply-error" />}
          <button
            type="submit"
            className="button primary"
            disabled={apply.isPending}
            data-testid="apply-submit"
          >
            {apply.isPending ? t('members.apply.submitting') : t('members.apply.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
