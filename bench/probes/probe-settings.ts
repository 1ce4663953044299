/** What every calibration probe needs to know about the run. */
export interface ProbeSettings {
  readonly measureSeconds: number;
  readonly warmupSeconds: number;
  readonly log: (message: string) => void;
}
