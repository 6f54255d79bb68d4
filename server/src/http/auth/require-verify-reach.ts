/**
 * The access rule of the routes a platform's verifying servers call (verify, the invalidation
 * event stream, usage reports): `keys:verify` or `keys:verify:any` (verifier/verify-reach.ts),
 * judged in `onRequest`, before the body is read, as a declared permission would be. Such a route
 * declares `config: { auth: "any" }` and this hook.
 */
import type { onRequestHookHandler } from "fastify";
import { requireVerifyReach } from "../../verifier/verify-reach.js";
import { principalOf } from "./authenticate.js";

export const requireVerifyReachHook: onRequestHookHandler = (request, _reply, done) => {
  try {
    requireVerifyReach(principalOf(request));
  } catch (error) {
    done(error as Error);
    return;
  }
  done();
};
