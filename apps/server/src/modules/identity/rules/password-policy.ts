const commonPasswords = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '00000000',
  'qwertyui',
  'qwerty123',
  'iloveyou',
  'sayang123',
  'indonesia',
  'bismillah',
  'koperasi',
  'koperasi1',
  'rahasia1',
  'admin123',
  'abcdefgh',
  'abc12345',
  'lumbung1',
  'passw0rd',
]);

/** True when a password is long enough and not one people guess first. */
export function isAcceptablePassword(password: string, phone?: string): boolean {
  if (password.length < 8) return false;
  if (commonPasswords.has(password.toLowerCase())) return false;
  if (/^(.)\1+$/.test(password)) return false;
  const digits = phone?.replace(/\D/g, '') ?? '';
  return !(
    digits.length > 0 &&
    digits.endsWith(password.replace(/\D/g, '')) &&
    /^\d+$/.test(password)
  );
}
