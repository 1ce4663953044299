import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSmsGatewaySimulator,
  type SmsGatewaySimulator,
} from '../../../../test/simulators/sms-gateway-simulator.js';
import {
  startWhatsAppCloudSimulator,
  type WhatsAppCloudSimulator,
} from '../../../../test/simulators/whatsapp-cloud-simulator.js';
import { AssertionError } from '../../../platform/assert.js';
import { ChannelError, type OutgoingMessage } from './channel.js';
import { createConsoleChannel } from './console-channel.js';
import { channelConfigFromEnv, createMessageChannel } from './create-channel.js';
import { createSmsChannel, type SmsChannelConfig } from './sms-channel.js';
import {
  createWhatsAppCloudChannel,
  type WhatsAppCloudChannelConfig,
} from './whatsapp-cloud-channel.js';

const otpMessage: OutgoingMessage = {
  to: '+6281234567890',
  text: 'Kode verifikasi Lumbung: 123456',
  code: '123456',
  idempotencyKey: 'otp-01HZX3',
};

const whatsAppAccount = {
  phoneNumberId: '109876543210987',
  accessToken: 'EAAG-simulated-access-token',
  templateName: 'lumbung_kode_verifikasi',
};

const smsAccount = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'simulated-auth-token',
  sender: 'LUMBUNG',
};

/** Awaits a send that must fail and hands back what it threw. */
async function sendFailure(send: Promise<unknown>): Promise<unknown> {
  return send.then(
    () => expect.fail('the send was expected to fail'),
    (error: unknown) => error,
  );
}

/** A TCP server that accepts connections and never answers, like a provider that hangs. */
async function startSilentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('console channel', () => {
  it('prints the recipient and the text with the code, and derives the id from the idempotency key', async () => {
    const lines: string[] = [];
    const channel = createConsoleChannel((line) => lines.push(line));

    const sent = await channel.send(otpMessage);

    expect(lines).toEqual(['[OTP] +6281234567890 : Kode verifikasi Lumbung: 123456']);
    expect(sent).toEqual({ channel: 'console', providerMessageId: 'console-otp-01HZX3' });
  });
});

describe('WhatsApp Cloud channel', () => {
  let simulator: WhatsAppCloudSimulator;

  beforeAll(async () => {
    simulator = await startWhatsAppCloudSimulator({
      phoneNumberId: whatsAppAccount.phoneNumberId,
      accessToken: whatsAppAccount.accessToken,
      approvedTemplates: [{ name: whatsAppAccount.templateName, languageCode: 'id' }],
    });
  });
  afterAll(() => simulator.close());

  function whatsAppChannel(overrides: Partial<WhatsAppCloudChannelConfig> = {}) {
    return createWhatsAppCloudChannel({
      baseUrl: simulator.baseUrl,
      ...whatsAppAccount,
      ...overrides,
    });
  }

  it('sends the authentication template and returns the wamid Meta assigned', async () => {
    const sent = await whatsAppChannel().send(otpMessage);

    expect(sent.channel).toBe('whatsapp');
    expect(sent.providerMessageId).toMatch(/^wamid\./);
    const received = simulator.messages.find((message) => message.id === sent.providerMessageId);
    expect(received?.requestBody).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'lumbung_kode_verifikasi',
        language: { code: 'id' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: '123456' }] },
          {
            type: 'button',
            sub_type: 'url',
            index: '0',
            parameters: [{ type: 'text', text: '123456' }],
          },
        ],
      },
    });
  });

  it("gives up on a wrong access token with a non-retryable error carrying Meta's message", async () => {
    const error = await sendFailure(
      whatsAppChannel({ accessToken: 'EAAG-revoked' }).send(otpMessage),
    );

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: false, httpStatus: 401 });
    expect((error as ChannelError).message).toContain('Invalid OAuth access token');
  });

  it('gives up on a template Meta has not approved', async () => {
    const error = await sendFailure(
      whatsAppChannel({ templateName: 'kode_tidak_disetujui' }).send(otpMessage),
    );

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: false, httpStatus: 404 });
    expect((error as ChannelError).message).toContain('132001');
  });

  it('gives up on a phone number id that is not the business number', async () => {
    const error = await sendFailure(whatsAppChannel({ phoneNumberId: '999' }).send(otpMessage));

    expect(error).toMatchObject({ isRetryable: false, httpStatus: 400 });
  });

  it('asks for a retry when Meta answers 503, and succeeds once Meta recovers', async () => {
    simulator.failNext(1, 503);
    const channel = whatsAppChannel();

    const error = await sendFailure(channel.send(otpMessage));
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: true, httpStatus: 503 });

    await expect(channel.send(otpMessage)).resolves.toMatchObject({ channel: 'whatsapp' });
  });

  it('asks for a retry when Meta answers 429', async () => {
    simulator.failNext(1, 429);

    const error = await sendFailure(whatsAppChannel().send(otpMessage));

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: true, httpStatus: 429 });
  });

  it('asks for a retry on a throughput limit (code 130429) even though Meta reports it as HTTP 400', async () => {
    simulator.failNext(1, 400, 130429);

    const error = await sendFailure(whatsAppChannel().send(otpMessage));

    expect(error).toMatchObject({ isRetryable: true, httpStatus: 400 });
    expect((error as ChannelError).message).toContain('130429');
  });

  it('gives up on an ordinary HTTP 400 invalid-parameter error', async () => {
    simulator.failNext(1, 400, 100);

    const error = await sendFailure(whatsAppChannel().send(otpMessage));

    expect(error).toMatchObject({ isRetryable: false, httpStatus: 400 });
  });

  it('asks for a retry when the API cannot be reached', async () => {
    const closed = await startWhatsAppCloudSimulator({ ...whatsAppAccount, approvedTemplates: [] });
    await closed.close();

    const error = await sendFailure(whatsAppChannel({ baseUrl: closed.baseUrl }).send(otpMessage));

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: true, httpStatus: undefined });
  });

  it('asks for a retry when the API does not answer in time', async () => {
    const silent = await startSilentServer();
    try {
      const channel = whatsAppChannel({ baseUrl: silent.url, timeoutMs: 200 });

      const error = await sendFailure(channel.send(otpMessage));

      expect(error).toMatchObject({ isRetryable: true });
      expect((error as ChannelError).message).toContain('did not answer within 200 ms');
    } finally {
      silent.server.close();
    }
  });

  it('refuses, as a bug, to send without the code the template needs', async () => {
    const withoutCode: OutgoingMessage = {
      to: otpMessage.to,
      text: otpMessage.text,
      idempotencyKey: otpMessage.idempotencyKey,
    };

    await expect(whatsAppChannel().send(withoutCode)).rejects.toBeInstanceOf(AssertionError);
  });

  it('refuses, as a bug, a recipient that is not E.164', async () => {
    await expect(
      whatsAppChannel().send({ ...otpMessage, to: '081234567890' }),
    ).rejects.toBeInstanceOf(AssertionError);
  });
});

describe('SMS channel (Twilio-compatible gateway)', () => {
  let simulator: SmsGatewaySimulator;

  beforeAll(async () => {
    simulator = await startSmsGatewaySimulator({
      accountSid: smsAccount.accountSid,
      authToken: smsAccount.authToken,
      senders: [smsAccount.sender],
    });
  });
  afterAll(() => simulator.close());

  function smsChannel(overrides: Partial<SmsChannelConfig> = {}) {
    return createSmsChannel({ baseUrl: simulator.baseUrl, ...smsAccount, ...overrides });
  }

  it('sends the text and returns the message sid the gateway assigned', async () => {
    const sent = await smsChannel().send(otpMessage);

    expect(sent.channel).toBe('sms');
    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(simulator.messages.find((message) => message.sid === sent.providerMessageId)).toEqual({
      sid: sent.providerMessageId,
      to: '+6281234567890',
      from: 'LUMBUNG',
      body: 'Kode verifikasi Lumbung: 123456',
    });
  });

  it('gives up on a wrong auth token with a non-retryable error', async () => {
    const error = await sendFailure(smsChannel({ authToken: 'wrong-token' }).send(otpMessage));

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: false, httpStatus: 401 });
    expect((error as ChannelError).message).toContain('20003');
  });

  it('gives up on a sender id the account may not use', async () => {
    const error = await sendFailure(smsChannel({ sender: 'PALSU' }).send(otpMessage));

    expect(error).toMatchObject({ isRetryable: false, httpStatus: 400 });
    expect((error as ChannelError).message).toContain('21606');
  });

  it('asks for a retry when the gateway answers 503, and succeeds once it recovers', async () => {
    simulator.failNext(1, 503);
    const channel = smsChannel();

    const error = await sendFailure(channel.send(otpMessage));
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: true, httpStatus: 503 });

    await expect(channel.send(otpMessage)).resolves.toMatchObject({ channel: 'sms' });
  });

  it('asks for a retry when the gateway answers 429', async () => {
    simulator.failNext(1, 429);

    const error = await sendFailure(smsChannel().send(otpMessage));

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ isRetryable: true, httpStatus: 429 });
    expect((error as ChannelError).message).toContain('20429');
  });
});

describe('channel configuration from the environment', () => {
  it('prints codes to the console when no channel is chosen', () => {
    expect(channelConfigFromEnv({})).toEqual({ kind: 'console' });
  });

  it('names exactly the WhatsApp variables that are missing', () => {
    expect(() =>
      channelConfigFromEnv({ LUMBUNG_OTP_CHANNEL: 'whatsapp', WHATSAPP_PHONE_NUMBER_ID: '1098' }),
    ).toThrow(
      new Error(
        'LUMBUNG_OTP_CHANNEL=whatsapp needs WHATSAPP_ACCESS_TOKEN, WHATSAPP_TEMPLATE_NAME, which are not set',
      ),
    );
  });

  it('names every SMS variable when none is set', () => {
    expect(() => channelConfigFromEnv({ LUMBUNG_OTP_CHANNEL: 'sms' })).toThrow(
      new Error(
        'LUMBUNG_OTP_CHANNEL=sms needs SMS_API_BASE_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN, SMS_SENDER, which are not set',
      ),
    );
  });

  it('treats a blank variable as missing', () => {
    expect(() =>
      channelConfigFromEnv({
        LUMBUNG_OTP_CHANNEL: 'sms',
        SMS_API_BASE_URL: 'https://sms.example.id',
        SMS_ACCOUNT_SID: smsAccount.accountSid,
        SMS_AUTH_TOKEN: '   ',
        SMS_SENDER: smsAccount.sender,
      }),
    ).toThrow(new Error('LUMBUNG_OTP_CHANNEL=sms needs SMS_AUTH_TOKEN, which is not set'));
  });

  it('refuses a channel it does not know', () => {
    expect(() => channelConfigFromEnv({ LUMBUNG_OTP_CHANNEL: 'telegram' })).toThrow(
      'LUMBUNG_OTP_CHANNEL must be console, whatsapp or sms, not "telegram"',
    );
  });

  it('refuses a gateway address that is not an http(s) URL', () => {
    expect(() =>
      channelConfigFromEnv({
        LUMBUNG_OTP_CHANNEL: 'sms',
        SMS_API_BASE_URL: 'sms.example.id',
        SMS_ACCOUNT_SID: smsAccount.accountSid,
        SMS_AUTH_TOKEN: smsAccount.authToken,
        SMS_SENDER: smsAccount.sender,
      }),
    ).toThrow('SMS_API_BASE_URL must be an http(s) URL, not "sms.example.id"');
  });

  it('leaves the WhatsApp base URL and API version to their defaults when unset', () => {
    expect(
      channelConfigFromEnv({
        LUMBUNG_OTP_CHANNEL: 'whatsapp',
        WHATSAPP_PHONE_NUMBER_ID: whatsAppAccount.phoneNumberId,
        WHATSAPP_ACCESS_TOKEN: whatsAppAccount.accessToken,
        WHATSAPP_TEMPLATE_NAME: whatsAppAccount.templateName,
      }),
    ).toEqual({ kind: 'whatsapp', ...whatsAppAccount });
  });

  it('builds a working WhatsApp channel from the environment', async () => {
    const simulator = await startWhatsAppCloudSimulator({
      phoneNumberId: whatsAppAccount.phoneNumberId,
      accessToken: whatsAppAccount.accessToken,
      approvedTemplates: [{ name: whatsAppAccount.templateName, languageCode: 'id' }],
    });
    try {
      const config = channelConfigFromEnv({
        LUMBUNG_OTP_CHANNEL: 'whatsapp',
        WHATSAPP_API_BASE_URL: simulator.baseUrl,
        WHATSAPP_API_VERSION: 'v22.0',
        WHATSAPP_PHONE_NUMBER_ID: whatsAppAccount.phoneNumberId,
        WHATSAPP_ACCESS_TOKEN: whatsAppAccount.accessToken,
        WHATSAPP_TEMPLATE_NAME: whatsAppAccount.templateName,
      });
      const channel = createMessageChannel(config, () => {});

      const sent = await channel.send(otpMessage);

      expect(channel.name).toBe('whatsapp');
      expect(simulator.messages).toEqual([
        expect.objectContaining({ id: sent.providerMessageId, code: '123456' }),
      ]);
    } finally {
      await simulator.close();
    }
  });

  it('builds a working SMS channel from the environment', async () => {
    const simulator = await startSmsGatewaySimulator({
      accountSid: smsAccount.accountSid,
      authToken: smsAccount.authToken,
      senders: [smsAccount.sender],
    });
    try {
      const config = channelConfigFromEnv({
        LUMBUNG_OTP_CHANNEL: 'sms',
        SMS_API_BASE_URL: simulator.baseUrl,
        SMS_ACCOUNT_SID: smsAccount.accountSid,
        SMS_AUTH_TOKEN: smsAccount.authToken,
        SMS_SENDER: smsAccount.sender,
      });
      const channel = createMessageChannel(config, () => {});

      const sent = await channel.send(otpMessage);

      expect(channel.name).toBe('sms');
      expect(simulator.messages.map((message) => message.sid)).toEqual([sent.providerMessageId]);
    } finally {
      await simulator.close();
    }
  });
});
