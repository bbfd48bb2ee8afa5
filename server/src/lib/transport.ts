/**
 * Whether a request travelled without TLS beyond this machine. A home server reached as
 * `http://nas.local:8080` is such a case: browsers drop `Secure` cookies there (not a secure
 * context) and passwords cross the network in the clear, so the refresh cookie follows the scheme
 * and the owner is told.
 */

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: names browsers treat as secure contexts over HTTP. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** True for plain HTTP at an address other than loopback. `protocol` as Fastify reports it (proxy-aware with TRUST_PROXY). */
export function isInsecureTransport(protocol: string, hostname: string): boolean {
  return protocol !== 'https' && !isLoopbackHost(hostname);
}
