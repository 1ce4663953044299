import {
  occupationSegments,
  type OccupationSegment,
  type RegisterMemberInput,
} from './members-types';

/** The form as typed: every field a string. */
export interface MemberFormValues {
  nik: string;
  fullName: string;
  phone: string;
  address: string;
  village: string;
  occupationSegment: string;
  employer: string;
  joinedOn: string;
}

export const emptyMemberForm: MemberFormValues = {
  nik: '',
  fullName: '',
  phone: '',
  address: '',
  village: '',
  occupationSegment: '',
  employer: '',
  joinedOn: '',
};

export type MemberFormField = keyof MemberFormValues;
/** i18n keys under members.form.errors. */
export type MemberFormError = 'nik' | 'fullName' | 'phone' | 'address' | 'occupation' | 'joinedOn';

function isOccupation(value: string): value is OccupationSegment {
  return (occupationSegments as readonly string[]).includes(value);
}

/** "5310 0112 3456 0001" → "5310011234560001": people copy NIKs with spaces or dots. */
export function normalizeNik(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/**
 * Checks the form the way the server will (shape only; the server still decides) and returns
 * the request body, or the fields to fix. `withPhone` is false for a person's own application.
 */
export function readMemberForm(
  values: MemberFormValues,
  { withPhone }: { withPhone: boolean },
):
  | { ok: true; input: RegisterMemberInput }
  | { ok: false; errors: Partial<Record<MemberFormField, MemberFormError>> } {
  const errors: Partial<Record<MemberFormField, MemberFormError>> = {};
  const nik = normalizeNik(values.nik);
  if (!/^\d{16}$/.test(nik)) errors.nik = 'nik';
  const fullName = values.fullName.trim();
  if (fullName.length < 2 || fullName.length > 120) errors.fullName = 'fullName';
  const phone = values.phone.replace(/[\s-]/g, '');
  if (withPhone && !/^(\+62|62|0)8\d{6,13}$/.test(phone)) errors.phone = 'phone';
  const address = values.address.trim();
  if (address.length < 3 || address.length > 300) errors.address = 'address';
  if (!isOccupation(values.occupationSegment)) errors.occupationSegment = 'occupation';
  const joinedOn = values.joinedOn.trim();
  if (joinedOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(joinedOn)) errors.joinedOn = 'joinedOn';
  if (Object.keys(errors).length > 0 || !isOccupation(values.occupationSegment))
    return { ok: false, errors };

  const village = values.village.trim();
  const employer = values.employer.trim();
  return {
    ok: true,
    input: {
      nik,
      fullName,
      phone: withPhone ? phone : '',
      address,
      occupationSegment: values.occupationSegment,
      ...(village === '' ? {} : { village }),
      ...(employer === '' ? {} : { employer }),
      ...(joinedOn === '' ? {} : { joinedOn }),
    },
  };
}

/** A cooperative id from `?koperasi=`: a UUID, or null (the form then asks for one). */
export function cooperativeIdFromQuery(value: string | null): string | null {
  const trimmed = value?.trim().toLowerCase() ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(trimmed)
    ? trimmed
    : null;
}
