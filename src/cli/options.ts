/** Options several commands share, defined once so their wording and checks stay the same. */
export const STORE_OPTION = ['--store <dir>', 'read the arguments as stream ids in this file store'] as const;
