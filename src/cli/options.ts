/** Options several commands share, defined once so their wording and checks stay the same. */
export const STORE_OPTION = [
  '--store <dir|url>',
  'read the arguments as stream ids in this store: a folder or a postgres:// connection string',
] as const;
/** Every command that folds a stream takes it: broken rules become warnings (printed with their codes). */
export const LENIENT_OPTION = [
  '--lenient',
  'fold leniently: a broken rule is a warning (printed after the output), not an error',
] as const;
