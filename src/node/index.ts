/**
 * `matchline/node`: what needs Node's file system. The pure core (`matchline`) takes text; this entry
 * reads files: stream files line by line with line numbers, folders of streams.
 */
export {
  fileNotFound,
  findStreamFiles,
  readProviderFiles,
  readStream,
  readStreamFile,
  readTextFile,
} from './files.js';
