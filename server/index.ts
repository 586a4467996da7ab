/**
 * The mock payment server as a standard fetch handler: `createMockServer().fetch(request)`.
 * Mount it in Node (see node.ts), in Vite's dev server or in web-test-runner's middleware.
 * State lives in memory; time comes from an injectable clock.
 */
import { assemble, type MockServer, type MockServerOptions } from './assemble.js';

export { DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY, defaultFrameScriptPath, defaultKitScriptPath, type MockServer, type MockServerOptions } from './assemble.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export { DEFAULT_RETRY_SCHEDULE_MS, DEFAULT_WEBHOOK_LIMITS, type DeliveryAttempt, type Logger } from './webhooks.js';
export { TEST_CARDS } from './cards.js';
export { constructEvent, signPayload, verifySignature, SIGNATURE_HEADER, SignatureVerificationError } from './signature.js';

export function createMockServer(options: MockServerOptions = {}): MockServer {
  return assemble(options).server;
}
