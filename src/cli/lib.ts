/**
 * The one place where the CLI meets the library: every library call the commands make goes
 * through here, so a signature change touches one file.
 */
export { streamWxr } from '../wxr/stream.js';
export { emptySite } from '../wxr/site.js';
export { toJson } from '../emit/json.js';
export { toNdjson, archiveEntries } from '../emit/ndjson.js';
export { toWxr } from '../emit/wxr.js';
export { parseTextArchives } from '../text/text-archive/index.js';
export { parseHtmlArchives } from '../text/html/index.js';
export { threadComments, inferReplyParents } from '../normalize/thread/index.js';
export { authorNames, threadOptions } from '../emit/json/threads.js';
export { KNOWN_SHORTCODES } from '../normalize/markdown/index.js';
export { WxrError } from '../errors.js';
