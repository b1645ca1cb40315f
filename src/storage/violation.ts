// What the engines' constraint errors mean, in engine-neutral terms. Each engine folder turns its own error codes
// into a Violation; src/storage/errors.ts turns a Violation into the one domain error.

export type Violation =
  | { kind: 'unique'; table?: string; column?: string }
  | { kind: 'foreignKeyMissing'; column?: string }
  | { kind: 'foreignKeyInUse'; table?: string };
