import mailProviders from 'email-providers/all.json' with { type: 'json' };
import { parse } from 'tldts';
import { NAME_MAX_LENGTH } from '@cairn/shared';

/**
 * Domains anyone can get a mailbox at (gmail.com, outlook.com, gmx.de, qq.com…, with disposable
 * ones): their addresses say nothing about where a person works. The `email-providers` package
 * ships ~8,700 of them as plain data; `free-email-domains` was passed over because it downloads
 * its list from the internet at install time. A few well-known providers it lacks are added here.
 */
const MAIL_PROVIDERS: ReadonlySet<string> = new Set([
  ...mailProviders,
  ...['fastmail.com', 'tutanota.com', 'tutanota.de', 'tuta.com', 'tuta.io', 'tutamail.com', 'posteo.de', 'posteo.net', 'duck.com', 'zohomail.com', 'zohomail.eu', 'mail.de'],
]);

/** Providers with a domain in many countries (yahoo.co.jp, gmx.ch, yandex.kz, hotmail.it): the name before the public suffix says it all. */
const MAIL_PROVIDER_NAMES: ReadonlySet<string> = new Set(['gmail', 'googlemail', 'hotmail', 'yahoo', 'gmx', 'yandex']);

/** Reserved for examples (RFC 2606): nobody's company. Reserved top-level domains (.test, .example) are not ICANN suffixes, so they fail that check. */
const EXAMPLE_DOMAINS: ReadonlySet<string> = new Set(['example.com', 'example.net', 'example.org']);

/**
 * The company domain of a work email: its registrable domain (`jane@eu.acme.co.uk` →
 * `acme.co.uk`, so one company's subdomains are one company). Null for a mail provider's
 * address, an example or unknown top-level domain, an IP address, or anything but an email.
 */
export function companyDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const host = email.slice(at + 1).trim().toLowerCase();
  const { domain, domainWithoutSuffix, isIcann, isIp } = parse(host);
  if (!domain || !isIcann || isIp || domain.length > NAME_MAX_LENGTH) return null;
  if (MAIL_PROVIDERS.has(host) || MAIL_PROVIDERS.has(domain) || EXAMPLE_DOMAINS.has(domain)) return null;
  if (domainWithoutSuffix && MAIL_PROVIDER_NAMES.has(domainWithoutSuffix)) return null;
  return domain;
}
