/** Shows the region (first 6) and the last 2 digits only: enough to recognise, not to reuse. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 6)}${'*'.repeat(8)}${nik.slice(14)}`;
}
