/**
 * The diagram's layout worker: elkjs's own worker script, which answers the
 * messages of elkjs/lib/elk-api.js (see diagram-layout.ts). Importing it is
 * all it takes; it listens on this worker's global scope.
 */
import 'elkjs/lib/elk-worker.min.js';
