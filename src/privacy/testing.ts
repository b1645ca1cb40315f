// Valid-looking personal data for tests and fuzzing: made up, never a real person's.
import { passesLuhn } from './detect.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A 身份证号 with the right check character for the first 17 characters given (area + birth date + sequence). */
export function idNumberFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return first17 + ('10X98765432'[sum % 11] as string);
}

/** A card number that passes Luhn, from its first digits (the last one is computed). */
export function cardNumberFor(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}
