/** IPv4 / IPv6 addresses and CIDR ranges, parsed by hand (no regex backtracking, no I/O). */

export interface Ip {
  version: 4 | 6;
  value: bigint;
}

function parseV4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3) return null;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | null {
  if (s.length > 64) return null;
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const groups = part.split(':');
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi] as string;
      if (gi === groups.length - 1 && g.includes('.')) {
        const v4 = parseV4(g);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
        continue;
      }
      if (g.length === 0 || g.length > 4) return null;
      for (let i = 0; i < g.length; i++) {
        const c = g.charCodeAt(i) | 32;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return null;
      }
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = parseGroups(head);
  const t = parseGroups(tail);
  if (!h || !t) return null;
  let groups: number[];
  if (dbl >= 0) {
    const fill = 8 - h.length - t.length;
    if (fill < 1) return null;
    groups = [...h, ...new Array<number>(fill).fill(0), ...t];
  } else {
    groups = h;
  }
  if (groups.length !== 8) return null;
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

export function parseIp(s: string): Ip | null {
  const t = s.trim();
  if (t.includes(':')) {
    const v = parseV6(t);
    return v === null ? null : { version: 6, value: v };
  }
  const v = parseV4(t);
  return v === null ? null : { version: 4, value: v };
}

export interface Cidr {
  version: 4 | 6;
  network: bigint;
  bits: number;
}

export function parseCidr(s: string): Cidr | null {
  const t = s.trim();
  const slash = t.indexOf('/');
  const ip = parseIp(slash >= 0 ? t.slice(0, slash) : t);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const b = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b)) return null;
    bits = Number(b);
    if (bits > max) return null;
  }
  return { version: ip.version, network: ip.value >> BigInt(max - bits), bits };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  const value = ip.value;
  const version = ip.version;
  // an IPv4 range never contains an IPv6 address (not even ::ffff:a.b.c.d) and vice versa
  if (cidr.version !== version) return false;
  const max = version === 4 ? 32 : 128;
  return value >> BigInt(max - cidr.bits) === cidr.network;
}

const NON_PUBLIC = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '0.0.0.0/8',
  'fc00::/7', 'fe80::/10', '::1/128', '::/128',
].map((c) => parseCidr(c) as Cidr);

/** A public (globally routable) address: not private, shared, loopback, link-local or unspecified. */
export function isPublicIp(text: string): boolean {
  const ip = parseIp(text.trim());
  if (!ip) return false;
  return !NON_PUBLIC.some((c) => c.version === ip.version && cidrContains(c, ip));
}
