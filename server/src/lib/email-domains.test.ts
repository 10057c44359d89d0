import { describe, expect, it } from 'vitest';
import { companyDomainOf } from './email-domains.js';

describe('companyDomainOf', () => {
  it.each([
    ['jane@acme.co.uk', 'acme.co.uk'],
    ['Jane.Doe@ACME.com', 'acme.com'],
    ['ops@eu.mail.acme.co.uk', 'acme.co.uk'],
    ['prof@cs.stanford.edu', 'stanford.edu'],
  ])('takes the registrable domain of a work email: %s → %s', (email, domain) => {
    expect(companyDomainOf(email)).toBe(domain);
  });

  it.each([
    'someone@gmail.com',
    'someone@googlemail.com',
    'someone@outlook.com',
    'someone@hotmail.co.uk',
    'someone@hotmail.it',
    'someone@live.com',
    'someone@yahoo.co.jp',
    'someone@icloud.com',
    'someone@me.com',
    'someone@aol.com',
    'someone@proton.me',
    'someone@protonmail.com',
    'someone@gmx.de',
    'someone@gmx.ch',
    'someone@web.de',
    'someone@mail.ru',
    'someone@yandex.kz',
    'someone@qq.com',
    'someone@163.com',
    'someone@fastmail.com',
    'someone@mailinator.com',
  ])('finds no company behind a mail provider: %s', (email) => {
    expect(companyDomainOf(email)).toBeNull();
  });

  it.each(['a@example.com', 'a@example.org', 'a@shop.example', 'a@acme.test', 'a@intranet.local', 'a@localhost', 'a@127.0.0.1', 'a@[10.0.0.1]', 'not-an-email', '@acme.com', 'a@co.uk'])(
    'finds no company behind an example, reserved or malformed address: %s',
    (email) => {
      expect(companyDomainOf(email)).toBeNull();
    },
  );
});
