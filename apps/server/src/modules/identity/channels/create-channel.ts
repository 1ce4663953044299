import type { MessageChannel } from './channel.js';
import { createConsoleChannel } from './console-channel.js';
import { createSmsChannel, type SmsChannelConfig } from './sms-channel.js';
import {
  createWhatsAppCloudChannel,
  type WhatsAppCloudChannelConfig,
} from './whatsapp-cloud-channel.js';

export type ChannelConfig =
  | { kind: 'console' }
  | ({ kind: 'whatsapp' } & WhatsAppCloudChannelConfig)
  | ({ kind: 'sms' } & SmsChannelConfig);

/** Builds the one channel this deployment delivers one-time codes through. */
export function createMessageChannel(
  config: ChannelConfig,
  log: (line: string) => void,
): MessageChannel {
  switch (config.kind) {
    case 'console':
      return createConsoleChannel(log);
    case 'whatsapp':
      return createWhatsAppCloudChannel(config);
    case 'sms':
      return createSmsChannel(config);
  }
}

const whatsAppRequiredSettings = [
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_TEMPLATE_NAME',
] as const;

const smsRequiredSettings = [
  'SMS_API_BASE_URL',
  'SMS_ACCOUNT_SID',
  'SMS_AUTH_TOKEN',
  'SMS_SENDER',
] as const;

/**
 * Reads the channel choice from the environment. A half-configured provider throws at startup,
 * naming every missing variable at once, instead of failing the first person who tries to log in.
 */
export function channelConfigFromEnv(env: NodeJS.ProcessEnv): ChannelConfig {
  const kind = readSetting(env, 'LUMBUNG_OTP_CHANNEL') ?? 'console';
  switch (kind) {
    case 'console':
      return { kind: 'console' };
    case 'whatsapp':
      return whatsAppConfigFromEnv(env);
    case 'sms':
      return smsConfigFromEnv(env);
    default:
      throw new Error(`LUMBUNG_OTP_CHANNEL must be console, whatsapp or sms, not "${kind}"`);
  }
}

function whatsAppConfigFromEnv(env: NodeJS.ProcessEnv): ChannelConfig {
  const settings = readRequiredSettings(env, 'whatsapp', whatsAppRequiredSettings);
  const baseUrl = readSetting(env, 'WHATSAPP_API_BASE_URL');
  const apiVersion = readSetting(env, 'WHATSAPP_API_VERSION');
  if (baseUrl !== undefined) {
    assertHttpUrl('WHATSAPP_API_BASE_URL', baseUrl);
  }
  if (apiVersion !== undefined && !/^v\d+\.\d+$/.test(apiVersion)) {
    throw new Error(`WHATSAPP_API_VERSION must look like v21.0, not "${apiVersion}"`);
  }
  return {
    kind: 'whatsapp',
    phoneNumberId: settings.WHATSAPP_PHONE_NUMBER_ID,
    accessToken: settings.WHATSAPP_ACCESS_TOKEN,
    templateName: settings.WHATSAPP_TEMPLATE_NAME,
    // Left out rather than set to undefined, so the channel's own defaults apply.
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(apiVersion === undefined ? {} : { apiVersion }),
  };
}

function smsConfigFromEnv(env: NodeJS.ProcessEnv): ChannelConfig {
  const settings = readRequiredSettings(env, 'sms', smsRequiredSettings);
  assertHttpUrl('SMS_API_BASE_URL', settings.SMS_API_BASE_URL);
  return {
    kind: 'sms',
    baseUrl: settings.SMS_API_BASE_URL,
    accountSid: settings.SMS_ACCOUNT_SID,
    authToken: settings.SMS_AUTH_TOKEN,
    sender: settings.SMS_SENDER,
  };
}

function readRequiredSettings<const Name extends string>(
  env: NodeJS.ProcessEnv,
  kind: string,
  names: readonly Name[],
): Record<Name, string> {
  const missing = names.filter((name) => readSetting(env, name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `LUMBUNG_OTP_CHANNEL=${kind} needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not set`,
    );
  }
  // Every name was just checked to have a value.
  return Object.fromEntries(names.map((name) => [name, readSetting(env, name)])) as Record<
    Name,
    string
  >;
}

/** An empty or blank variable counts as unset: `FOO=` in an env file is a forgotten value. */
function readSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function assertHttpUrl(name: string, value: string): void {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`${name} must be an http(s) URL, not "${value}"`);
  }
}
