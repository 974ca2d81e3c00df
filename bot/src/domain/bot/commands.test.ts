import { describe, expect, it } from 'vitest';
import { editDistance, parseCommand } from './commands.js';

describe('chat commands', () => {
  it.each([
    ['help', 'help'], ['Hilfe', 'help'], ['?', 'help'], ['hlep', 'help'],
    ['latest', 'latest'], ['neu', 'latest'], ['Neueste', 'latest'], ['lates', 'latest'],
    ['settings', 'settings'], ['setings', 'settings'], ['Einstelungen', 'settings'], ['/settings', 'settings'],
    ['stop', 'stop'], ['STOPP!', 'stop'], ['pause', 'stop'],
    ['start', 'start'], ['weiter', 'start'], ['strat', 'start'],
    ['<at>Chorus</at> help', 'help'], ['  settings please ', 'settings'],
  ] as const)('reads %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each(['', '   ', 'banana', 'what is this', 'st', 'xyz'])('does not guess for %j', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('hlep', 'help')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
