import type { SecondFactorKind, SecondFactorSetting, SignInStep } from '../schemas/staff'

/**
 * What a staff member must still do once their emailed code (or a passkey used as the first
 * factor) is right: a second factor whenever they have one, enrolling one when their practice
 * requires it and they have none, else nothing. A recovery code alone is not a factor to sign in
 * with, only a way back when the real one is lost.
 */
export function stepAfterFirstFactor(setting: SecondFactorSetting, factors: readonly SecondFactorKind[]): SignInStep {
  if (factors.some((kind) => kind !== 'recovery_code')) return 'second_factor'
  return setting === 'required' ? 'enroll_second_factor' : 'done'
}
