// Which addresses and host names mean "this machine only". Kept free of imports: config.ts uses
// it to refuse a public HTTP_HOST without OPS_TOKEN, and the CLI loads config.ts.

/** A peer address on the loopback interface (IPv4, IPv6, or IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** A bind address (HTTP_HOST) that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "[::1]" || isLoopbackAddress(host);
}
