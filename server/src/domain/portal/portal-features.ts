/**
 * What a portal session was opened with (platform mode) beyond its permissions: `usage` shows
 * key usage, which `keys:read` alone would otherwise allow. Members and root keys are not
 * narrowed by features.
 */
import { forbidden } from "../../errors.js";
import type { PortalFeature } from "../../store/schema.js";
import type { Principal } from "../principal.js";

/** Throws `FORBIDDEN` for a portal session opened without this feature. */
export function requirePortalFeature(principal: Principal, feature: PortalFeature): void {
  if (principal.type === "portal" && !principal.features.includes(feature)) {
    throw forbidden(`this portal session was opened without the ${feature} feature`);
  }
}
