import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, signIn } from '../harness/builders.js';

describe('one-time codes and the transaction PIN', () => {
  let test: TestApp;
  let cooperativeId: string;
  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db)).id;
  });
  afterAll(() => test.drop());

  const requestCode = (phone: string, purpose: 'login' | 'reset_password') =>
    test.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { phone, purpose },
      remoteAddress: `10.2.0.${Math.floor(Math.random() * 250)}`,
    });
  const lastCodeSentTo = (phone: string) => {
    const line = test.sentMessages.filter((message) => message.includes(phone)).at(-1);
    return /Lumbung: (\d{6})/.exec(line ?? '')?.[1] ?? null;
  };

  it('sends a code through the outbox and the channel, and signs in with it once', async () => {
    const member = await givenMember(test.db, cooperativeId);
    expect((await requestCode(member.phone, 'login')).json()).toMatchObject({ sent: true });
    expect(lastCodeSentTo(member.phone)).toBeNull(); // not sent until the worker delivers
    expect(await test.deliverOutbox()).toBe(1);
    const code = lastCodeSentTo(member.phone);
    expect(code).toMatch(/^\d{6}$/);
    const signIn = await test.request({
      method: 'POST',
      url: '/api/v1/auth/otp/login',
      payload: { phone: member.phone, code },
    });
    expect(signIn.statusCode).toBe(200);
    const reused = await test.request({
      method: 'POST',
      url: '/api/v1/auth/otp/login',
      payload: { phone: member.phone, code },
    });
    expect(reused.json()).toMatchObject({ code: 'auth.otp_invalid' });
  });

  it('answers an unknown phone like a known one and sends nothing', async () => {
    expect((await requestCode('081277777777', 'login')).json()).toMatchObject({ sent: true });
    expect(await test.deliverOutbox()).toBe(0);
  });

  it('refuses wrong and expired codes, and stops guessing after five tries', async () => {
    const member = await givenMember(test.db, cooperativeId);
    await requestCode(member.phone, 'login');
    await test.deliverOutbox();
    const code = lastCodeSentTo(member.phone) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const tries = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      tries.push(
        (
          await test.request({
            method: 'POST',
            url: '/api/v1/auth/otp/login',
            payload: { phone: member.phone, code: wrong },
          })
        ).json<{ code: string }>().code,
      );
    }
    expect(tries.slice(0, 5)).toEqual(Array(5).fill('auth.otp_invalid'));
    expect(tries[5]).toBe('auth.otp_too_many_attempts');
    await requestCode(member.phone, 'login');
    await test.deliverOutbox();
    test.clock.advance(6 * 60_000);
    const late = await test.request({
      method: 'POST',
      url: '/api/v1/auth/otp/login',
      payload: { phone: member.phone, code: lastCodeSentTo(member.phone) },
    });
    expect(late.json()).toMatchObject({ code: 'auth.otp_invalid' });
  });

  it('resets a password with a reset code', async () => {
    const member = await givenMember(test.db, cooperativeId);
    await requestCode(member.phone, 'reset_password');
    await test.deliverOutbox();
    const reset = await test.request({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: {
        phone: member.phone,
        code: lastCodeSentTo(member.phone),
        newPassword: 'sawah-baru-2027',
      },
    });
    expect(reset.statusCode).toBe(204);
    expect(await signIn(test, { phone: member.phone, password: 'sawah-baru-2027' })).toBeTruthy();
  });

  it('sets a PIN only with the password and refuses guessable PINs', async () => {
    const member = await givenMember(test.db, cooperativeId);
    const token = await signIn(test, member);
    const setPin = (password: string, pin: string) =>
      test.request({ method: 'PUT', url: '/api/v1/auth/pin', token, payload: { password, pin } });
    expect((await setPin('wrong-password', '260417')).json()).toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect((await setPin(member.password, '123456')).json()).toMatchObject({
      code: 'identity.pin_format_invalid',
    });
    expect((await setPin(member.password, '260417')).statusCode).toBe(204);
    const me = await test.request({ method: 'GET', url: '/api/v1/auth/me', token });
    expect(me.json()).toMatchObject({ person: { hasPin: true } });
  });

  it('checks the PIN and locks it after three wrong tries', async () => {
    const member = await givenMember(test.db, cooperativeId);
    const token = await signIn(test, member);
    const verify = (pin: string) =>
      test.request({ method: 'POST', url: '/api/v1/auth/pin/verify', token, payload: { pin } });
    expect((await verify('260417')).json()).toMatchObject({ code: 'auth.pin_not_set' });
    await test.request({
      method: 'PUT',
      url: '/api/v1/auth/pin',
      token,
      payload: { password: member.password, pin: '260417' },
    });
    expect((await verify('260417')).json()).toEqual({ valid: true });
    const codes = [];
    for (let attempt = 0; attempt < 3; attempt++)
      codes.push((await verify('999990')).json<{ code: string }>().code);
    expect(codes).toEqual(['auth.pin_invalid', 'auth.pin_invalid', 'auth.pin_locked']);
    expect((await verify('260417')).json()).toMatchObject({ code: 'auth.pin_locked' });
  });
});
