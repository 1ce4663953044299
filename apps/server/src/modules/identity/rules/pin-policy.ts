/** A transaction PIN: six digits, not one digit repeated, not a straight run up or down. */
export function isAcceptablePin(pin: string): boolean {
  if (!/^\d{6}$/.test(pin)) return false;
  if (/^(\d)\1{5}$/.test(pin)) return false;
  const steps = [...pin].slice(1).map((digit, index) => Number(digit) - Number(pin[index]));
  const isRun = steps.every((step) => step === 1) || steps.every((step) => step === -1);
  return !isRun;
}
