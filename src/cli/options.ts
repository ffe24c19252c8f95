/** Options several commands share, defined once so their wording and checks stay the same. */
export const STORE_OPTION = [
  '--store <dir|url>',
  'read the arguments as stream ids in this store: a folder or a postgres:// connection string',
] as const;
