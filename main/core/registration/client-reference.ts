/**
 * ONSS ClientPresenceRegistrationReference (≤24 chars): made once when the registration is
 * committed, stored with it and reused on every retry, so a resend can never become a second record.
 * 16 random bytes in base64url = 22 characters (Web Crypto, available in Node and browsers).
 */
export function newClientReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
