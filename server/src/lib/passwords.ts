import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): OWASP's recommended floor or better. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=65536,t=3,p=4$Rnw7UkqXrYYhJ5NKqUqhww$LEdbu3gQlzEEptpu47OZNSvZ788WqIi+EjARUoVJ/LI';
