import type { Config } from '../../platform/config';

/** Well-known secrets for the demo only (demo data on, nothing configured): never production. */
export const DEMO_CTI_SECRET = 'agentdeck-demo-cti-secret';
export const DEMO_TWILIO_TOKEN = 'agentdeck-demo-twilio-token';

/** The CTI webhook's HMAC key; null means the webhook is not set up (503). */
export function ctiSecretOf(config: Config): string | null {
  return config.ctiSecret ?? (config.demoSeed ? DEMO_CTI_SECRET : null);
}

/** Twilio's auth token; null means the Twilio webhooks are not set up (503). */
export function twilioTokenOf(config: Config): string | null {
  return config.twilioAuthToken ?? (config.demoSeed ? DEMO_TWILIO_TOKEN : null);
}
