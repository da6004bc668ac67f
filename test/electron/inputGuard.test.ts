// Key combinations a kiosk swallows, and the ones it lets through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBlockedInput, type KeyInput } from '../../electron/shell/inputGuard.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, shift: false, alt: false, meta: false, ...mods });

test('the required combinations are blocked', () => {
  const blocked: KeyInput[] = [
    key('F5'),
    key('F11'),
    key('F12'),
    key('r', { control: true }),
    key('R', { control: true, shift: true }),
    key('I', { control: true, shift: true }),
    key('w', { control: true }),
    key('+', { control: true, shift: true }),
    key('=', { control: true }),
    key('-', { control: true }),
    key('0', { control: true }),
    key('Add', { control: true, code: 'NumpadAdd' }),
    key('F4', { alt: true }),
    key('ArrowLeft', { alt: true }),
    key('r', { meta: true }),
    key('i', { meta: true, alt: true }),
    key('p', { control: true }),
    key('BrowserBack'),
    { ...key('F5'), type: 'rawKeyDown' },
  ];
  for (const k of blocked) assert.equal(isBlockedInput(k), true, JSON.stringify(k));
});

test('ordinary typing and key-up events pass', () => {
  for (const k of [key('a'), key('A', { shift: true }), key('1'), key('Enter'), key('Backspace'), key('ArrowLeft'), key('c', { control: true }), key('v', { control: true })]) {
    assert.equal(isBlockedInput(k), false, JSON.stringify(k));
  }
  assert.equal(isBlockedInput({ ...key('F5'), type: 'keyUp' }), false);
});
