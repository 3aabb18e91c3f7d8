/**
 * Security headers (@fastify/helmet). The content security policy is strict: no inline script
 * or style anywhere, so the web form serves its JavaScript and CSS as files under /assets/.
 * The /docs page (swagger-ui) sets its own policy with hashes for its inline parts.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The API is meant to be called from other origins when CORS allows it.
    crossOriginResourcePolicy: { policy: 'same-site' },
    enableCSPNonces: false,
  });
}
