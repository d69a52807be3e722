/** How serious a policy finding is. */
export enum PolicyLevel {
  /** Fails `cdktf synth` unless suppressed with a reason. */
  ERROR = 'error',
  /** Reported, synth goes on. */
  WARNING = 'warning',
  /** Advice: reported, synth goes on. */
  INFO = 'info',
}
